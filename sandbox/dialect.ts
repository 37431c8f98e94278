import type { BankAccount, BankTransaction, Psu } from './state/types.js';

/**
 * Which Berlin Group forms the bank answers in. `cec`: CEC's own, as the digest describes them.
 * `loose`: the other valid forms a second, independently written bank chose for the same data
 * (explicit nulls, exponent amounts, numeric ids, id-less transactions, string scalars, card
 * accounts in the plain-account shape). Deterministic, so a test can predict every answer.
 */
export type Dialect = 'cec' | 'loose';

export const dialects: readonly Dialect[] = ['cec', 'loose'];

export const isDialect = (v: unknown): v is Dialect => typeof v === 'string' && (dialects as readonly string[]).includes(v);

/** JSON numbers carry integers exactly up to 2^53; an id written as a number must stay below it. */
const fitsJsonNumber = (id: string) => /^[1-9]\d{0,14}$/.test(id);

/**
 * How the loose bank names a transaction on the wire, decided by its entryReference:
 * none (about one in ten, and every twin), a 20-digit number (one in forty: past any float),
 * a JSON number (one in three), or the string as CEC sends it.
 */
type LooseId = { kind: 'none' } | { kind: 'number'; text: string } | { kind: 'string'; text: string };

export function looseTransactionId(t: BankTransaction, twins: ReadonlySet<BankTransaction>): LooseId {
  const entry = Number(t.entryReference);
  if (twins.has(t) || entry % 10 === 7) return { kind: 'none' };
  if (entry % 40 === 0) return { kind: 'number', text: `1${t.transactionId.padStart(19, '0')}` };
  if (entry % 3 === 0 && fitsJsonNumber(t.transactionId)) return { kind: 'number', text: t.transactionId };
  return { kind: 'string', text: t.transactionId };
}

/** Whether an account's resourceId can go on the wire as a JSON number without losing a digit. */
export const numericResourceId = (account: BankAccount): boolean => fitsJsonNumber(account.resourceId);

/** Everything a person would see of a transaction: two transactions alike in all of it are twins. */
const contentKey = (t: BankTransaction) =>
  JSON.stringify([t.status, t.bookingDate, t.valueDate, t.amountMinor, t.currency, t.creditorName, t.creditorIban,
    t.debtorName, t.debtorIban, t.remittanceInformationUnstructured, t.bankTransactionCode, t.maskedPan]);

/** The transactions of an account that have an identical twin: no id can tell them apart. */
export function twinsOf(account: BankAccount): Set<BankTransaction> {
  const groups = new Map<string, BankTransaction[]>();
  for (const t of account.transactions) {
    const key = contentKey(t);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [t]);
    else group.push(t);
  }
  return new Set([...groups.values()].filter((g) => g.length > 1).flat());
}

/**
 * The demo data as the loose bank keeps it: on each PSU's RON current account, the latest booked
 * card purchase of an even amount becomes two identical purchases of half the amount on the same
 * day (two coffees at one till), so the history holds twins. Balances stay as they were.
 */
export function dialectData(dialect: Dialect, psus: Psu[]): Psu[] {
  if (dialect === 'cec') return psus;
  const used = new Set(psus.flatMap((p) => p.accounts.flatMap((a) => a.transactions.map((t) => t.transactionId))));
  for (const psu of psus) {
    const account = psu.accounts.find((a) => a.kind === 'current' && a.currency === 'RON');
    if (account === undefined) continue;
    const index = account.transactions.findLastIndex((t) =>
      t.status === 'booked' && t.bankTransactionCode === 'PMNT-CCRD-POSD' && t.amountMinor % 2 === 0);
    const original = account.transactions[index];
    if (original === undefined) continue;
    let id = Number(original.transactionId);
    do id = (id + 1) % 10_000_000_000; while (used.has(String(id).padStart(10, '0')));
    const twinId = String(id).padStart(10, '0');
    used.add(twinId);
    const half = { ...original, amountMinor: original.amountMinor / 2 };
    account.transactions.splice(index, 1, half, { ...half, transactionId: twinId });
    // Entry references follow the recording order, as the bank hands them out.
    account.transactions.forEach((t, i) => { t.entryReference = String(i + 1); });
    account.nextEntryReference = account.transactions.length + 1;
  }
  return psus;
}
