import type { BankContext } from '../context.js';
import { isIsoDate } from '../dates.js';
import { reject } from '../errors.js';
import type { BankAccount, BankTransaction } from '../state/types.js';

export interface ReportQuery {
  bookingStatus: 'booked' | 'pending' | 'both';
  dateFrom?: string;
  dateTo?: string;
  entryReferenceFrom?: number;
  deltaList: boolean;
  withBalance: boolean;
  pageToken?: string;
}

const bool = (q: Record<string, unknown>, name: string): boolean => {
  const v = q[name];
  if (v === undefined) return false;
  if (v === 'true' || v === 'false') return v === 'true';
  return reject(400, 'FORMAT_ERROR', `${name} must be true or false`);
};

/**
 * Reads the getTransactionList query. Format errors come before any token check (§5 order).
 * @see Berlin Group 1.3.12 getTransactionList: bookingStatus, dateFrom, dateTo, entryReferenceFrom, deltaList.
 */
export function parseReportQuery(q: Record<string, unknown>, today: string): ReportQuery {
  const pageToken = typeof q['pageToken'] === 'string' ? q['pageToken'] : undefined;
  const status = q['bookingStatus'];
  if (status === 'information' || status === 'all') reject(400, 'PARAMETER_NOT_SUPPORTED', `bookingStatus=${status} is not supported`);
  if (status !== 'booked' && status !== 'pending' && status !== 'both') {
    return reject(400, 'FORMAT_ERROR', 'bookingStatus is required: booked, pending or both');
  }
  const date = (name: string): string | undefined => {
    const v = q[name];
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || !isIsoDate(v)) return reject(400, 'FORMAT_ERROR', `${name} must be an ISO date (YYYY-MM-DD)`);
    return v;
  };
  const dateFrom = date('dateFrom');
  const dateTo = date('dateTo');
  const entryRef = q['entryReferenceFrom'];
  if (entryRef !== undefined && (typeof entryRef !== 'string' || !/^\d{1,18}$/.test(entryRef))) {
    reject(400, 'FORMAT_ERROR', 'entryReferenceFrom must be an entryReference of this account');
  }
  const deltaList = bool(q, 'deltaList');
  if (deltaList && entryRef !== undefined) reject(400, 'FORMAT_ERROR', 'deltaList and entryReferenceFrom exclude each other');
  if (dateFrom === undefined && entryRef === undefined && !deltaList && pageToken === undefined) {
    reject(400, 'FORMAT_ERROR', 'dateFrom is required unless entryReferenceFrom or deltaList is used');
  }
  if (dateFrom !== undefined && dateTo !== undefined && dateFrom > dateTo) reject(400, 'PERIOD_INVALID', 'dateFrom is after dateTo');
  if (dateFrom !== undefined && dateFrom > today) reject(400, 'PERIOD_INVALID', 'dateFrom lies in the future');
  return {
    bookingStatus: status,
    dateFrom,
    dateTo,
    entryReferenceFrom: entryRef === undefined ? undefined : Number(entryRef),
    deltaList,
    withBalance: bool(q, 'withBalance'),
    pageToken,
  };
}

export interface Report {
  booked: BankTransaction[];
  pending: BankTransaction[];
}

/** Selects the report's transactions, newest first, as a bank statement lists them. */
export function selectTransactions(account: BankAccount, query: ReportQuery, deltaMark: number | undefined): Report {
  const after = query.entryReferenceFrom ?? (query.deltaList ? deltaMark : undefined);
  const inWindow = (day: string | undefined) =>
    day !== undefined && (query.dateFrom === undefined || after !== undefined || day >= query.dateFrom) &&
    (query.dateTo === undefined || after !== undefined || day <= query.dateTo);
  const keep = (t: BankTransaction, day: string | undefined) => inWindow(day) && (after === undefined || Number(t.entryReference) > after);
  const booked = query.bookingStatus === 'pending' ? [] : account.transactions.filter((t) => t.status === 'booked' && keep(t, t.bookingDate));
  const pending = query.bookingStatus === 'booked' ? [] : account.transactions.filter((t) => t.status === 'pending' && keep(t, t.valueDate));
  return { booked: booked.reverse(), pending: pending.reverse() };
}

/** A report cut into pages: the snapshot keeps later pages stable while new bookings arrive. */
interface PagedReport {
  clientId: string;
  consentId: string;
  resourceId: string;
  report: Report;
  expiresAt: number;
}

const PAGE_TOKEN_TTL_MS = 15 * 60_000;

export class ReportPages {
  private readonly reports = new Map<string, PagedReport>();

  constructor(private readonly ctx: BankContext) {}

  /** The page at `offset` of a report, with the token of the next page when there is one. */
  page(report: Report, offset: number, pageSize: number | undefined, owner: Omit<PagedReport, 'report' | 'expiresAt'>) {
    const all = [...report.pending.map((t) => ['pending', t] as const), ...report.booked.map((t) => ['booked', t] as const)];
    const size = pageSize ?? all.length;
    const slice = all.slice(offset, offset + size);
    let next: string | undefined;
    const now = this.ctx.now().getTime();
    for (const [key, r] of this.reports) if (r.expiresAt <= now) this.reports.delete(key);
    if (offset + size < all.length) {
      next = `${this.ctx.random.token(18)}.${offset + size}`;
      this.reports.set(next, { ...owner, report, expiresAt: now + PAGE_TOKEN_TTL_MS });
    }
    return {
      booked: slice.filter(([s]) => s === 'booked').map(([, t]) => t),
      pending: slice.filter(([s]) => s === 'pending').map(([, t]) => t),
      next,
    };
  }

  /** Resolves a `_links.next` token; it must come from the same client, consent and account. */
  resume(token: string, owner: Omit<PagedReport, 'report' | 'expiresAt'>): { report: Report; offset: number } {
    const found = this.reports.get(token);
    const offset = Number(token.split('.')[1]);
    if (found === undefined || found.expiresAt <= this.ctx.now().getTime()) {
      return reject(400, 'FORMAT_ERROR', 'pageToken is unknown or expired; request the report again');
    }
    if (found.clientId !== owner.clientId || found.consentId !== owner.consentId || found.resourceId !== owner.resourceId) {
      return reject(403, 'RESOURCE_UNKNOWN', 'pageToken belongs to another report');
    }
    // Kept until it expires: a client may retry a page after a dropped connection.
    return { report: found.report, offset };
  }
}
