import { isValidIBAN } from 'ibantools';
import { describe, expect, it } from 'vitest';
import type { BankAccount, BankTransaction, Psu } from '../state/types.js';
import { bucharestDay, isoDate } from './calendar.js';
import { cecIban } from './cec-iban.js';
import { generatePsus } from './generate.js';
import { groceries } from './merchants.js';

const today = new Date('2025-03-15T10:00:00Z');
const todayIso = '2025-03-15';
const psus = generatePsus({ seed: 42, today });
const accounts = psus.flatMap((psu) => psu.accounts);
const booked = (account: BankAccount): BankTransaction[] => account.transactions.filter((t) => t.status === 'booked');
const pending = (account: BankAccount): BankTransaction[] => account.transactions.filter((t) => t.status === 'pending');
const find = (psu: Psu, kind: string, currency: string): BankAccount => {
  const account = psu.accounts.find((a) => a.kind === kind && a.currency === currency);
  if (!account) throw new Error(`${psu.userId} has no ${kind} ${currency} account`);
  return account;
};
const texts = (account: BankAccount): string[] => account.transactions.map((t) => t.remittanceInformationUnstructured);

describe('cecIban', () => {
  it('reproduces the IBAN of the CEC guide example', () => {
    expect(cecIban('AG', '0202', 'RON', '0007466')).toBe('RO42CECEAG0202RON0007466');
  });

  it('rejects parts that do not fit CEC form', () => {
    expect(() => cecIban('AG', '202', 'RON', '0007466')).toThrow(RangeError);
    expect(() => cecIban('AG', '0202', 'RON', '7466')).toThrow(RangeError);
    expect(() => cecIban('a', '0202', 'RON', '0007466')).toThrow(RangeError);
  });
});

describe('bucharestDay', () => {
  it('takes the Europe/Bucharest calendar date, in winter (UTC+2) and summer (UTC+3)', () => {
    expect(isoDate(bucharestDay(new Date('2025-03-15T21:59:00Z')))).toBe('2025-03-15');
    expect(isoDate(bucharestDay(new Date('2025-03-15T22:00:00Z')))).toBe('2025-03-16');
    expect(isoDate(bucharestDay(new Date('2025-07-01T20:59:00Z')))).toBe('2025-07-01');
    expect(isoDate(bucharestDay(new Date('2025-07-01T21:00:00Z')))).toBe('2025-07-02');
  });

  it('ends the history on the Bucharest date, not the UTC one', () => {
    const late = generatePsus({ seed: 42, today: new Date('2025-03-15T23:30:00Z') });
    const dates = late.flatMap((p) => p.accounts.flatMap((a) => a.transactions.map((t) => t.bookingDate ?? t.valueDate)));
    expect(dates.every((d) => d <= '2025-03-16')).toBe(true);
    expect(dates.some((d) => d === '2025-03-16')).toBe(true);
  });
});

describe('generatePsus', () => {
  it('is deterministic: the same seed and today give deep-equal PSUs', () => {
    expect(generatePsus({ seed: 42, today })).toEqual(psus);
  });

  it('gives different data for a different seed', () => {
    const other = generatePsus({ seed: 43, today });
    expect(other).not.toEqual(psus);
    expect(other[0]?.accounts[0]?.iban).not.toBe(psus[0]?.accounts[0]?.iban);
  });

  it('creates demo (Ion Popescu) and demo2 (Maria Ionescu) with disjoint accounts', () => {
    expect(psus.map((p) => [p.userId, p.displayName])).toEqual([
      ['demo', 'Ion Popescu'],
      ['demo2', 'Maria Ionescu'],
    ]);
    const [ion, maria] = psus;
    const mariaIbans = new Set(maria?.accounts.map((a) => a.iban));
    expect(ion?.accounts.filter((a) => mariaIbans.has(a.iban))).toEqual([]);
    for (const psu of psus) expect(psu.accounts.every((a) => a.ownerName === psu.displayName)).toBe(true);
  });

  it('gives each PSU a RON current, an EUR current, a RON savings and a RON credit card account', () => {
    for (const psu of psus) {
      expect(psu.accounts.map((a) => [a.kind, a.currency, a.product, a.cashAccountType])).toEqual([
        ['current', 'RON', 'Cont curent - persoane fizice - LEI', 'CurrentAccount'],
        ['current', 'EUR', 'Cont curent - persoane fizice - EUR', 'CurrentAccount'],
        ['savings', 'RON', 'Cont de economii - LEI', 'SavingsAccount'],
        ['card', 'RON', 'Card de credit CEC Bank Visa', 'CardAccount'],
      ]);
      const card = find(psu, 'card', 'RON');
      expect(card.maskedPan).toMatch(/^425605\*{6}\d{4}$/);
      expect(card.creditLimitMinor).toBe(1_000_000);
    }
  });

  it('adds extra current accounts, alternating RON and EUR, when accountsPerPsu > 4', () => {
    const wide = generatePsus({ seed: 42, today, accountsPerPsu: 6 });
    for (const psu of wide) {
      expect(psu.accounts.slice(4).map((a) => [a.kind, a.currency])).toEqual([
        ['current', 'RON'],
        ['current', 'EUR'],
      ]);
      expect(psu.accounts.slice(4).every((a) => booked(a).length > 50)).toBe(true);
    }
  });

  it('rejects fewer than four accounts per PSU', () => {
    expect(() => generatePsus({ seed: 1, today, accountsPerPsu: 3 })).toThrow(RangeError);
  });

  it('uses valid CEC IBANs and ids unique across the bank', () => {
    for (const account of accounts) {
      expect(isValidIBAN(account.iban)).toBe(true);
      expect(account.iban).toMatch(/^RO\d{2}CECE[A-Z0-9]{2}\d{4}(RON|EUR)\d{7}$/);
      expect(account.iban.slice(14, 17)).toBe(account.currency);
      expect(account.resourceId).toMatch(/^[1-9]\d{7}$/);
      expect(account.name).toMatch(/^[1-9]\d{5}$/);
    }
    expect(new Set(accounts.map((a) => a.iban)).size).toBe(accounts.length);
    expect(new Set(accounts.map((a) => a.resourceId)).size).toBe(accounts.length);
    const ids = accounts.flatMap((a) => a.transactions.map((t) => t.transactionId));
    expect(ids.every((id) => /^[1-9]\d{9}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps balanceMinor equal to the opening balance plus every booked amount', () => {
    for (const account of accounts) {
      const sum = booked(account).reduce((total, t) => total + t.amountMinor, 0);
      expect(account.balanceMinor).toBe(account.openingBalanceMinor + sum);
      expect(account.transactions.every((t) => Number.isSafeInteger(t.amountMinor) && t.amountMinor !== 0)).toBe(true);
    }
  });

  it('never lets a current or savings balance go negative, nor a card past its limit', () => {
    for (const account of accounts) {
      let balance = account.openingBalanceMinor;
      let lowest = balance;
      let highest = balance;
      for (const t of booked(account)) {
        balance += t.amountMinor;
        lowest = Math.min(lowest, balance);
        highest = Math.max(highest, balance);
      }
      if (account.kind === 'card') {
        expect(lowest).toBeGreaterThanOrEqual(-(account.creditLimitMinor ?? 0));
        expect(highest).toBeLessThanOrEqual(0);
      } else {
        expect(lowest).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('spans more than two years of booked history ending no later than today', () => {
    for (const account of accounts) {
      const dates = booked(account).map((t) => t.bookingDate ?? '');
      expect(dates[0]! < '2023-03-15').toBe(true);
      expect(dates.every((d) => d >= '2023-01-15' && d <= todayIso)).toBe(true);
      expect(booked(account).every((t) => t.valueDate >= (t.bookingDate ?? '') && t.valueDate <= todayIso)).toBe(true);
    }
  });

  it('orders booked by bookingDate then entryReference, then pending, numbering entries 1, 2, 3, ...', () => {
    for (const account of accounts) {
      const entries = account.transactions.map((t) => Number(t.entryReference));
      expect(entries).toEqual(entries.map((_, i) => i + 1));
      expect(account.nextEntryReference).toBe(account.transactions.length + 1);
      const statuses = account.transactions.map((t) => t.status);
      expect(statuses.indexOf('pending') === -1 || statuses.lastIndexOf('booked') < statuses.indexOf('pending')).toBe(true);
      const dates = booked(account).map((t) => t.bookingDate ?? '');
      expect(dates).toEqual([...dates].sort());
    }
  });

  it('has two to five pending transactions from the last three days on current and card accounts only', () => {
    for (const account of accounts) {
      const waiting = pending(account);
      if (account.kind === 'savings') {
        expect(waiting).toEqual([]);
        continue;
      }
      expect(waiting.length).toBeGreaterThanOrEqual(2);
      expect(waiting.length).toBeLessThanOrEqual(5);
      for (const t of waiting) {
        expect(t.bookingDate).toBeUndefined();
        expect(['2025-03-13', '2025-03-14', '2025-03-15']).toContain(t.valueDate);
      }
    }
  });

  it('books a monthly salary from the employer on the RON current account', () => {
    for (const psu of psus) {
      const salaries = booked(find(psu, 'current', 'RON')).filter((t) => t.remittanceInformationUnstructured.startsWith('SALARIU LUNA '));
      expect(salaries.length).toBeGreaterThanOrEqual(25);
      expect(salaries.every((t) => t.amountMinor > 500_000 && t.debtorName?.endsWith(' SRL') && isValidIBAN(t.debtorIban ?? ''))).toBe(true);
      expect(salaries.every((t) => t.bankTransactionCode === 'PMNT-RCDT-DMCT')).toBe(true);
    }
  });

  it('capitalises interest monthly on the savings account with CEC text', () => {
    for (const psu of psus) {
      const interest = booked(find(psu, 'savings', 'RON')).filter((t) => t.bankTransactionCode === 'ACMT-MDOP-INTR');
      expect(interest.length).toBe(26);
      expect(interest.every((t) => t.amountMinor > 0 && t.remittanceInformationUnstructured.startsWith('Capitalizare dobanda-Achitare dobanda neta '))).toBe(true);
    }
  });

  it('books card spending with merchant, card and category, and ATM withdrawals', () => {
    const grocers = new Set(groceries.map((m) => m.name));
    for (const psu of psus) {
      const current = find(psu, 'current', 'RON');
      const shopping = booked(current).filter((t) => grocers.has(t.creditorName ?? ''));
      expect(shopping.length).toBeGreaterThan(100);
      for (const t of shopping) {
        expect([t.bankTransactionCode, t.merchantCategoryCode, t.creditorIban]).toEqual(['PMNT-CCRD-POSD', '5411', undefined]);
        expect(t.maskedPan).toMatch(/^\d{6}\*{6}\d{4}$/);
      }
      const atm = booked(current).filter((t) => t.bankTransactionCode === 'PMNT-CCRD-CWDL');
      expect(atm.length).toBeGreaterThan(20);
      expect(atm.every((t) => t.remittanceInformationUnstructured.startsWith('Retragere numerar ATM CEC ') && t.amountMinor % 5_000 === 0)).toBe(true);
      expect(texts(current).some((t) => t === 'Comision administrare cont')).toBe(true);
    }
  });

  it('books both sides of transfers between own accounts, same day and amount', () => {
    for (const psu of psus) {
      const current = find(psu, 'current', 'RON');
      for (const other of [find(psu, 'savings', 'RON'), find(psu, 'card', 'RON')]) {
        const fromCurrent = booked(other).filter((t) => t.debtorIban === current.iban);
        expect(fromCurrent.length).toBeGreaterThanOrEqual(24);
        for (const t of fromCurrent) {
          const mirror = booked(current).filter((c) => c.creditorIban === other.iban && c.bookingDate === t.bookingDate && c.amountMinor === -t.amountMinor);
          expect(mirror.length).toBeGreaterThanOrEqual(1);
        }
      }
    }
  });

  it('pays the card from the current account and makes card purchases on the card', () => {
    for (const psu of psus) {
      const card = find(psu, 'card', 'RON');
      const purchases = booked(card).filter((t) => t.bankTransactionCode === 'PMNT-CCRD-POSC');
      expect(purchases.length).toBeGreaterThan(150);
      expect(purchases.every((t) => t.amountMinor < 0 && t.maskedPan === card.maskedPan && t.creditorName !== undefined)).toBe(true);
      expect(booked(card).filter((t) => t.amountMinor > 0).every((t) => t.remittanceInformationUnstructured === 'Rambursare card de credit')).toBe(true);
    }
  });

  it('brings euro in from abroad on the EUR account', () => {
    for (const psu of psus) {
      const euro = find(psu, 'current', 'EUR');
      const arrivals = booked(euro).filter((t) => t.bankTransactionCode === 'PMNT-RCDT-ESCT');
      expect(arrivals.length).toBeGreaterThanOrEqual(12);
      expect(arrivals.every((t) => t.currency === 'EUR' && isValidIBAN(t.debtorIban ?? '') && !t.debtorIban?.startsWith('RO'))).toBe(true);
    }
  });

  it('honours transactionsPerAccount within 10% on every account', () => {
    for (const perAccount of [10_000, 200]) {
      const big = generatePsus({ seed: 7, today, accountsPerPsu: 8, transactionsPerAccount: perAccount });
      const counts = big.flatMap((p) => p.accounts.map((a) => booked(a).length));
      expect(counts.length).toBe(16);
      for (const count of counts) {
        expect(count).toBeGreaterThanOrEqual(perAccount * 0.9);
        expect(count).toBeLessThanOrEqual(perAccount * 1.1);
      }
    }
  });
});
