/**
 * Helpers for the `/sandbox/psus/:userId/ledger` and bank-activity suites: they read the bank's
 * API as a TPP and its control routes. Every behaviour is asserted in the suites.
 */
import type { TestBank } from '../helpers/bank.js';
import { call } from '../helpers/http.js';
import type { LedgerTransaction } from '../../sandbox/index.js';
import type { AisReader } from './accounts-support.js';

/** A ledger item as the route answers it: the wire's fields and the bank's own id. */
export type LedgerTx = LedgerTransaction & { sandboxId: string };

export interface LedgerAccount {
  iban: string;
  currency: string;
  kind: 'current' | 'savings' | 'card';
  maskedPan?: string;
  product: string;
  transactions: LedgerTx[];
}

export async function ledger(bank: TestBank, user = 'demo'): Promise<LedgerAccount[]> {
  const res = await call<{ accounts: LedgerAccount[] }>(`${bank.origin}/sandbox/psus/${user}/ledger`);
  if (res.status !== 200) throw new Error(`ledger: ${res.status} ${res.text}`);
  return res.body.accounts;
}

export const post = (bank: TestBank, path: string, body?: unknown) =>
  call<any>(`${bank.origin}${path}`, {
    method: 'POST',
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });

/**
 * JSON text with every number written as a string of its own digits, so a parse keeps a 20-digit
 * id or `3.32E3` exactly as the bank wrote it. Numbers inside strings are left alone.
 */
export function quoteNumbers(raw: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] as string;
    if (inString) {
      out += ch;
      if (ch === '\\') out += raw[++i] ?? '';
      else if (ch === '"') inString = false;
    } else if (ch === '"') {
      inString = true;
      out += ch;
    } else if (/[-\d]/.test(ch)) {
      const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(raw.slice(i)) as RegExpExecArray;
      out += `"${m[0]}"`;
      i += m[0].length - 1;
    } else out += ch;
  }
  return out;
}

/** Identity and amount of one wire item, in the ledger's terms; absent ("", null) left out. */
export interface WireKey { transactionId?: string; entryReference?: string; amount: string; bookingDate?: string; valueDate?: string }

const present = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const clean = (k: Record<string, string | undefined>) => Object.fromEntries(Object.entries(k).filter(([, v]) => v !== undefined)) as unknown as WireKey;

export function wireKey(item: Record<string, any>): WireKey {
  return clean({
    transactionId: present(item['transactionId'] ?? item['cardTransactionId']),
    entryReference: present(item['entryReference']),
    amount: String(item['transactionAmount'].amount),
    bookingDate: present(item['bookingDate']),
    valueDate: present(item['valueDate'] ?? item['transactionDate']),
  });
}

export const ledgerKey = (t: LedgerTx): WireKey =>
  clean({ transactionId: t.transactionId, entryReference: t.entryReference, amount: t.amount, bookingDate: t.bookingDate, valueDate: t.valueDate });

/**
 * One account's whole report (bookingStatus=both), in the bank's own order: booked oldest first,
 * then pending oldest first (a report lists each newest first). Numbers are kept as written.
 */
export async function reportOf(reader: AisReader, family: 'accounts' | 'card-accounts', resourceId: string, dateFrom: string) {
  const res = await reader.get(`/v1/${family}/${resourceId}/transactions?bookingStatus=both&dateFrom=${dateFrom}&withBalance=true`);
  if (res.status !== 200) throw new Error(`report: ${res.status} ${res.text}`);
  const body = JSON.parse(quoteNumbers(res.text)) as Record<string, any>;
  const lists = body['transactions'] ?? body['cardTransactions'];
  const booked = [...(lists.booked ?? [])].reverse() as Record<string, any>[];
  const pending = [...(lists.pending ?? [])].reverse() as Record<string, any>[];
  const balance = (type: string): string => (body['balances'] as any[]).find((b) => b.balanceType === type).balanceAmount.amount;
  return { booked, pending, closingBooked: balance('closingBooked'), interimAvailable: balance('interimAvailable') };
}

/** iban or maskedPan → [family, resourceId] of every account a reader sees. */
export async function accountIndex(reader: AisReader): Promise<Map<string, ['accounts' | 'card-accounts', string]>> {
  const index = new Map<string, ['accounts' | 'card-accounts', string]>();
  for (const family of ['accounts', 'card-accounts'] as const) {
    const res = await reader.get(`/v1/${family}`);
    const body = JSON.parse(quoteNumbers(res.text)) as Record<string, any>;
    for (const a of body[family === 'accounts' ? 'accounts' : 'cardAccounts']) index.set(a.iban ?? a.maskedPan, [family, a.resourceId]);
  }
  return index;
}

/** Where a ledger account is read on the API: CEC names card accounts by maskedPan, the loose bank by IBAN. */
export function locate(index: Map<string, ['accounts' | 'card-accounts', string]>, a: LedgerAccount): ['accounts' | 'card-accounts', string] {
  const found = index.get(a.iban) ?? (a.maskedPan === undefined ? undefined : index.get(a.maskedPan));
  if (found === undefined) throw new Error(`account ${a.iban} not on the API`);
  return found;
}
