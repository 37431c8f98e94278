import { describe, expect, it } from 'vitest';
import { booked, card, currentAccount } from '../../test/helpers/export-rows.js';
import { accountType, bankAccountFrom, cardAccountId, ofxText, truncateUtf8, trnType } from './ofx-fields.js';

describe('truncateUtf8', () => {
  it('never cuts inside a character: a "ț" that would straddle the limit goes whole', () => {
    expect(truncateUtf8(`${'A'.repeat(31)}țx`, 32)).toBe('A'.repeat(31));
    expect(truncateUtf8(`${'A'.repeat(30)}țx`, 32)).toBe(`${'A'.repeat(30)}ț`);
  });

  it('keeps surrogate pairs whole', () => {
    expect(truncateUtf8(`${'A'.repeat(30)}😀`, 32)).toBe('A'.repeat(30));
    expect(truncateUtf8('😀😀', 8)).toBe('😀😀');
  });

  it('leaves text within the limit as it is', () => {
    expect(truncateUtf8('Lidl', 32)).toBe('Lidl');
  });
});

describe('ofxText', () => {
  it('drops XML-forbidden characters and lone surrogates, folds line breaks, trims', () => {
    expect(ofxText(' a\u0000b\uFFFE\uD800c\n\td ', 255)).toBe('abc d');
  });
});

describe('bankAccountFrom', () => {
  it('keeps an IBAN that fits ACCTID whole', () => {
    expect(bankAccountFrom({ ...currentAccount, iban: 'DE89370400440532013000' })).toEqual({ BANKID: '37040044', ACCTID: 'DE89370400440532013000', ACCTTYPE: 'CHECKING' });
  });

  it('splits a longer IBAN as OFX does: bank, branch and the national account number', () => {
    expect(bankAccountFrom({ ...currentAccount, iban: 'FR1420041010050500013M02606' })).toEqual({
      BANKID: '20041', BRANCHID: '01005', ACCTID: '0500013M02606', ACCTTYPE: 'CHECKING',
    });
    expect(bankAccountFrom(currentAccount)).toEqual({ BANKID: 'AAAA', ACCTID: '1B31007593840000', ACCTTYPE: 'CHECKING' });
  });

  it('still names an account without a readable IBAN, in 22 characters', () => {
    const from = bankAccountFrom({ ...currentAccount, iban: undefined, id: 'x'.repeat(40) });
    expect(from.BANKID).toBe('UNKNOWN');
    expect(from.ACCTID).toMatch(/^[0-9a-f]{22}$/);
  });
});

describe('cardAccountId', () => {
  it('is the masked PAN, else the IBAN', () => {
    expect(cardAccountId(card)).toBe('525412******3241');
    expect(cardAccountId({ ...card, maskedPan: undefined, iban: 'DE89370400440532013000' })).toBe('DE89370400440532013000');
  });
});

describe('accountType', () => {
  it('is SAVINGS for SVGS or a savings product, CHECKING otherwise', () => {
    expect(accountType({ ...currentAccount, cashAccountType: 'SVGS' })).toBe('SAVINGS');
    expect(accountType({ ...currentAccount, cashAccountType: undefined, product: 'Cont de Economii' })).toBe('SAVINGS');
    expect(accountType(currentAccount)).toBe('CHECKING');
  });
});

describe('trnType', () => {
  it('is DEBIT or CREDIT by the sign', () => {
    expect(trnType(booked('a', '-1'))).toBe('DEBIT');
    expect(trnType(booked('a', '1'))).toBe('CREDIT');
  });

  it('is the precise type where the ISO 20022 code says it', () => {
    const code = (bankTransactionCode: string) => trnType(booked('a', '-1', { bankTransactionCode }));
    expect(['PMNT-CCRD-CWDL', 'PMNT-CCRD-POSD', 'ACMT-MDOP-INTR', 'ACMT-MDOP-CHRG', 'PMNT-ICDT-STDO', 'PMNT-CNTR-CDPT', 'PMNT-RDDT-ESDD'].map(code))
      .toEqual(['ATM', 'POS', 'INT', 'FEE', 'REPEATPMT', 'DEP', 'DIRECTDEBIT']);
    expect(code('PMNT-ICDT-BOOK')).toBe('DEBIT');
  });
});
