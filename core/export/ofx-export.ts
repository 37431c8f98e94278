import type { Transaction } from '../../common/index.js';
import { BugIndicatingError, ValidationError } from '../errors.js';
import { chunkWriter, type ChunkWriter } from './chunk-writer.js';
import { exportAmount, type ExportAccount, type ExportRow, type ExportSink, type ExportSummary } from './export-row.js';
import {
  bankAccountFrom, cardAccountId, escapeXml, fitId, ofxDate, ofxDateTime, ofxText, OFX_LIMITS, stripXmlForbidden, trnType,
} from './ofx-fields.js';

export interface OfxOptions {
  /** The period the export covers (ISO dates, inclusive): every statement's DTSTART and DTEND. */
  range: { from: string; to: string };
  /** The moment of the export, for DTSERVER (core takes its clock as a parameter). */
  now: Date;
}

/** The OFX 2.2 file header: XML, UTF-8, then the OFX processing instruction. */
const HEADER =
  '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' +
  '<?OFX OFXHEADER="200" VERSION="220" SECURITY="NONE" OLDFILEUID="NONE" NEWFILEUID="NONE"?>\n';

/** Success, as every response's STATUS says in a file no server answered. */
const STATUS_OK = '<STATUS>\n<CODE>0</CODE>\n<SEVERITY>INFO</SEVERITY>\n</STATUS>\n';

/** One element on one line (libofx reads the file line by line), its value cleaned and escaped. */
const el = (name: string, value: string): string => `<${name}>${escapeXml(stripXmlForbidden(value))}</${name}>\n`;

/** The statement wrappers of the two message sets: plain accounts, then cards. */
const SETS = {
  account: { set: 'BANKMSGSRSV1', trnrs: 'STMTTRNRS', rs: 'STMTRS' },
  card: { set: 'CREDITCARDMSGSRSV1', trnrs: 'CCSTMTTRNRS', rs: 'CCSTMTRS' },
} as const;

/**
 * Writes the rows as one OFX 2.2 file (XML, UTF-8; see docs/export.md): a statement per account,
 * plain accounts in BANKMSGSRSV1 (STMTRS), cards in CREDITCARDMSGSRSV1 (CCSTMTRS).
 *
 * - Booked transactions only: an OFX statement has no pending state (OFX 2.2 adds BANKTRANLISTP,
 *   which GnuCash's libofx does not read), and a pending item imported as posted would double when
 *   it books under another id. Pending rows, and booked ones with no date, count as `leftOut`.
 * - Streams: the rows must come grouped by account, plain accounts before cards (the order a
 *   store query `ORDER BY kind, account, booking date` gives), because OFX nests every
 *   transaction inside its account's statement and both message sets appear once. A row out of
 *   that order is a bug of the caller: BugIndicatingError.
 * - LEDGERBAL is written when the account carries `ledgerBalance`. OFX lists it as required, but
 *   no balance is better than an invented one: GnuCash reads it only to offer a reconciliation
 *   at that balance, and its reader libofx (0.10.9, tried with ofxdump) logs the statement as
 *   unfinished and still reads all of it. A strict validator would refuse such a file.
 */
export function exportOfx(rows: Iterable<ExportRow>, sink: ExportSink, options: OfxOptions): ExportSummary {
  const dtStart = ofxDate(options.range.from, '000000');
  const dtEnd = ofxDate(options.range.to, '235959');
  if (dtStart === undefined || dtEnd === undefined || options.range.from > options.range.to) {
    throw new ValidationError(`not a date range: ${options.range.from} to ${options.range.to}`, 'range');
  }
  const out = chunkWriter(sink);
  writeSignOn(out, options.now);
  let openSet: ExportAccount['kind'] | undefined;
  let current: ExportAccount | undefined;
  const done = new Set<string>();
  let written = 0;
  let leftOut = 0;

  for (const { account, transaction: t } of rows) {
    if (current?.id !== account.id) {
      if (done.has(account.id)) throw new BugIndicatingError(`OFX export: the rows of account ${account.id} are not grouped together`);
      if (current !== undefined) closeStatement(out, current);
      if (openSet === 'card' && account.kind === 'account') throw new BugIndicatingError('OFX export: plain accounts must come before cards');
      if (openSet !== account.kind) {
        if (openSet !== undefined) out.write(`</${SETS[openSet].set}>\n`);
        out.write(`<${SETS[account.kind].set}>\n`);
        openSet = account.kind;
      }
      openStatement(out, account, dtStart, dtEnd);
      current = account;
      done.add(account.id);
    }
    if (writeStmtTrn(out, t)) written += 1;
    else leftOut += 1;
  }
  if (current !== undefined) closeStatement(out, current);
  if (openSet !== undefined) out.write(`</${SETS[openSet].set}>\n`);
  out.write('</OFX>\n');
  out.flush();
  return { written, leftOut };
}

/** The header and the sign-on response a file answered by no server still carries. */
function writeSignOn(out: ChunkWriter, now: Date): void {
  out.write(HEADER);
  out.write('<OFX>\n<SIGNONMSGSRSV1>\n<SONRS>\n');
  out.write(STATUS_OK);
  out.write(el('DTSERVER', ofxDateTime(now)));
  out.write(el('LANGUAGE', 'ENG'));
  out.write('</SONRS>\n</SIGNONMSGSRSV1>\n');
}

/** One STMTTRN; false when OFX cannot hold the transaction (pending, or booked without a date). */
function writeStmtTrn(out: ChunkWriter, t: Transaction): boolean {
  const posted = t.status === 'booked' ? ofxDate(t.bookingDate ?? t.valueDate ?? '') : undefined;
  if (posted === undefined) return false;
  out.write('<STMTTRN>\n');
  out.write(el('TRNTYPE', trnType(t)));
  out.write(el('DTPOSTED', posted));
  const dtUser = t.valueDate === undefined ? undefined : ofxDate(t.valueDate);
  if (dtUser !== undefined) out.write(el('DTUSER', dtUser));
  out.write(el('TRNAMT', exportAmount(t.amount)));
  out.write(el('FITID', fitId(t)));
  const name = ofxText(t.counterpartyName ?? '', OFX_LIMITS.NAME);
  if (name !== '') out.write(el('NAME', name));
  const memo = ofxText(t.remittance ?? '', OFX_LIMITS.MEMO);
  if (memo !== '') out.write(el('MEMO', memo));
  out.write('</STMTTRN>\n');
  return true;
}

function openStatement(out: ChunkWriter, account: ExportAccount, dtStart: string, dtEnd: string): void {
  const { trnrs, rs } = SETS[account.kind];
  out.write(`<${trnrs}>\n`);
  out.write(el('TRNUID', '0'));
  out.write(STATUS_OK);
  out.write(`<${rs}>\n`);
  out.write(el('CURDEF', account.currency));
  if (account.kind === 'card') {
    out.write('<CCACCTFROM>\n');
    out.write(el('ACCTID', cardAccountId(account)));
    out.write('</CCACCTFROM>\n');
  } else {
    const from = bankAccountFrom(account);
    out.write('<BANKACCTFROM>\n');
    out.write(el('BANKID', from.BANKID));
    if (from.BRANCHID !== undefined) out.write(el('BRANCHID', from.BRANCHID));
    out.write(el('ACCTID', from.ACCTID));
    out.write(el('ACCTTYPE', from.ACCTTYPE));
    out.write('</BANKACCTFROM>\n');
  }
  out.write('<BANKTRANLIST>\n');
  out.write(el('DTSTART', dtStart));
  out.write(el('DTEND', dtEnd));
}

function closeStatement(out: ChunkWriter, account: ExportAccount): void {
  const { trnrs, rs } = SETS[account.kind];
  out.write('</BANKTRANLIST>\n');
  const balance = account.ledgerBalance;
  const asOf = balance === undefined ? undefined : ofxDate(balance.asOf, '235959');
  if (balance !== undefined && asOf !== undefined) {
    out.write('<LEDGERBAL>\n');
    out.write(el('BALAMT', exportAmount(balance.amount)));
    out.write(el('DTASOF', asOf));
    out.write('</LEDGERBAL>\n');
  }
  out.write(`</${rs}>\n</${trnrs}>\n`);
}
