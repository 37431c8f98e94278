import { createHash } from 'node:crypto';
import { extractIBAN } from 'ibantools';
import type { Transaction } from '../../common/index.js';
import type { ExportAccount } from './export-row.js';

/**
 * Field rules of OFX 2.2 (the element sizes of its section 11 tables) and of the readers that
 * matter. libofx, which GnuCash reads OFX with, copies each value into a fixed C buffer of the
 * spec's size in BYTES: a 32-character NAME with "ș" or "ț" (two bytes each in UTF-8) would be
 * cut inside a character. So a limit here is met in characters and in UTF-8 bytes alike.
 */
export const OFX_LIMITS = { NAME: 32, MEMO: 255, FITID: 255, ACCTID: 22, BANKID: 9, BRANCHID: 22 } as const;

const encoder = new TextEncoder();
/** Bytes of one code point in UTF-8 (a lone surrogate is written as U+FFFD, 3 bytes). */
const utf8Length = (cp: number): number => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

/**
 * The longest start of `text` of at most `max` UTF-8 bytes (so also at most `max` characters),
 * cut between code points: never half a "ș", never half a surrogate pair.
 */
export function truncateUtf8(text: string, max: number): string {
  // Three bytes per UTF-16 unit at most: short text needs no count.
  if (text.length * 3 <= max) return text;
  let bytes = 0;
  let end = 0;
  for (const ch of text) {
    bytes += utf8Length(ch.codePointAt(0) ?? 0);
    if (bytes > max) return text.slice(0, end);
    end += ch.length;
  }
  return text;
}

/** Characters XML 1.0 does not allow at all (C0 controls but tab, LF, CR; U+FFFE, U+FFFF; lone surrogates). */
// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` without the characters XML 1.0 forbids, which no XML reader would accept even escaped. */
export const stripXmlForbidden = (text: string): string => text.replace(XML_FORBIDDEN, '');

/**
 * Bank text made fit for one OFX element: characters XML forbids dropped, line breaks and tabs
 * made spaces (libofx reads OFX line by line), trimmed, then cut to `max`. Escaping comes after
 * the cut, so the limit counts what the reader gets back, not "&amp;".
 */
export function ofxText(text: string, max: number): string {
  return truncateUtf8(stripXmlForbidden(text).replace(/[\t\r\n]+/g, ' ').trim(), max).trim();
}

/** Escapes text for XML element content. */
export const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const shortHash = (text: string, length: number): string => createHash('sha256').update(text).digest('hex').slice(0, length);

/** `id` when it fits `max` bytes, else a stable hash of it (same input, same output, every run). */
const fitOrHash = (id: string, max: number): string => (encoder.encode(id).length <= max ? id : shortHash(id, max));

/**
 * FITID: the bank's id, or our fingerprint (`fp:<hash>:<n>`, which keeps identical twins apart),
 * so the same transaction has the same FITID in every export and importers skip what they already
 * have. An id past the spec's 255 is replaced by its SHA-256 (hex, 64 characters).
 */
export const fitId = (t: Transaction): string => (encoder.encode(t.id).length <= OFX_LIMITS.FITID ? t.id : shortHash(t.id, 64));

/** How the statement names a plain account: BANKACCTFROM's elements. */
export interface BankAccountFrom {
  BANKID: string;
  BRANCHID?: string;
  ACCTID: string;
  ACCTTYPE: 'CHECKING' | 'SAVINGS';
}

/** BANKID for an account whose IBAN we do not have or cannot read. */
const UNKNOWN_BANK = 'UNKNOWN';

/**
 * BANKACCTFROM from the IBAN: BANKID is the IBAN's bank code ("CECE"), ACCTID the IBAN itself when
 * it fits OFX's 22 characters. A Romanian IBAN has 24, which overruns libofx's 23-byte ACCTID
 * buffer (ofxdump shows its account number cut to 23 characters, and the id GnuCash matches on
 * then depends on the memory past the buffer), so a longer IBAN gives the national account number
 * instead, in the OFX way: its BBAN after the bank (and branch) code, 16 characters for RO.
 * Unique per account, and the same in every export.
 */
export function bankAccountFrom(account: ExportAccount): BankAccountFrom {
  const ACCTTYPE = accountType(account);
  const parts = account.iban === undefined ? undefined : extractIBAN(account.iban);
  if (parts?.valid !== true || parts.bban === undefined || parts.bankIdentifier === undefined) {
    return { BANKID: UNKNOWN_BANK, ACCTID: fitOrHash(account.iban ?? account.id, OFX_LIMITS.ACCTID), ACCTTYPE };
  }
  const BANKID = fitOrHash(parts.bankIdentifier, OFX_LIMITS.BANKID);
  const branch = parts.branchIdentifier;
  const iban = parts.iban;
  if (iban.length <= OFX_LIMITS.ACCTID) return { BANKID, ACCTID: iban, ACCTTYPE };
  const national = parts.bban.slice(parts.bankIdentifier.length + (branch?.length ?? 0));
  return {
    BANKID,
    ...(branch === undefined ? {} : { BRANCHID: fitOrHash(branch, OFX_LIMITS.BRANCHID) }),
    ACCTID: fitOrHash(national, OFX_LIMITS.ACCTID),
    ACCTTYPE,
  };
}

/** CCACCTFROM's ACCTID: the masked PAN, else the card account's IBAN, else our id. */
export const cardAccountId = (account: ExportAccount): string =>
  fitOrHash(account.maskedPan ?? account.iban ?? account.id, OFX_LIMITS.ACCTID);

/** SAVINGS for an ISO 20022 savings account (SVGS) or a product named so, else CHECKING. */
export function accountType(account: ExportAccount): 'CHECKING' | 'SAVINGS' {
  if (account.cashAccountType?.toUpperCase() === 'SVGS') return 'SAVINGS';
  return /economi|saving|depozit|deposit/i.test(account.product ?? '') ? 'SAVINGS' : 'CHECKING';
}

/**
 * TRNTYPE: CREDIT or DEBIT by the sign, or the precise type where the ISO 20022 bank transaction
 * code ("PMNT-CCRD-CWDL") says it plainly. libofx and GnuCash know all of these.
 */
export function trnType(t: Transaction): string {
  const subFamily = t.bankTransactionCode?.toUpperCase().split('-')[2];
  const precise = subFamily === undefined ? undefined : PRECISE_TYPES[subFamily];
  if (precise !== undefined) return precise;
  return t.amount.amount.startsWith('-') ? 'DEBIT' : 'CREDIT';
}

/** ISO 20022 sub-family codes with an OFX TRNTYPE of their own. */
const PRECISE_TYPES: Readonly<Record<string, string>> = {
  CWDL: 'ATM', // cash withdrawal
  POSD: 'POS', // point-of-sale payment (debit card)
  POSC: 'POS', // point-of-sale payment (credit card)
  INTR: 'INT', // interest
  CHRG: 'FEE', // charges
  FEES: 'FEE',
  STDO: 'REPEATPMT', // standing order
  CDPT: 'DEP', // cash deposit
  ESDD: 'DIRECTDEBIT', // SEPA core direct debit
  BBDD: 'DIRECTDEBIT', // SEPA B2B direct debit
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/**
 * An ISO date as an OFX datetime at noon UTC ("2024-03-05" → "20240305120000[0:GMT]"): noon, so
 * no reader's time zone moves the booking to another day. Undefined for text that is no ISO date.
 */
export function ofxDate(iso: string, time = '120000'): string | undefined {
  const m = ISO_DATE.exec(iso);
  return m === null ? undefined : `${m[1]}${m[2]}${m[3]}${time}[0:GMT]`;
}

/** A moment as an OFX datetime in UTC, e.g. DTSERVER. */
export const ofxDateTime = (at: Date): string => `${at.toISOString().slice(0, 19).replace(/[-T:]/g, '')}[0:GMT]`;
