import type { AccountSyncResult, Balance, SkippedItem } from '../../common/index.js';
import type { ConnectionService } from '../connections/connection-service.js';
import type { ResolvedBank } from '../profiles/bank-environments.js';
import {
  getBalancesRequest, getCardAccountBalancesRequest, getCardAccountTransactionListRequest, getTransactionListRequest,
  processBalancesResponse, processCardAccountBalancesResponse, processCardAccountTransactionListPage, processTransactionListPage,
  type ReportPage, type TransactionListRequest,
} from '../psd2/accounts.js';
import type { AisAuth, ReadMode } from '../psd2/psd2-context.js';
import { fingerprintTransactions, type TransactionDraft } from '../psd2/transaction-fingerprint.js';
import { storeAccountReport } from '../store/account-history.js';
import type { GrantRecord } from '../store/connections.js';
import type { Db } from '../store/database.js';
import { AccountSyncStore } from '../store/sync-state.js';
import { reportStart, type WindowPolicy } from './sync-window.js';
import type { WriteTurn } from './write-turns.js';

export interface AccountSyncInput {
  db: Db;
  connections: ConnectionService;
  bank: ResolvedBank;
  connectionId: string;
  grant: GrantRecord;
  mode: ReadMode;
  today: string;
  now: () => Date;
  window: WindowPolicy;
  /** A page of the report arrived (1, 2, …). */
  onPage: (page: number) => void;
  /**
   * Asked before a second access of this account in the run (a balances read when the report
   * brought none): false when the daily budget does not allow it. Person-present reads always may.
   */
  mayReadAgain: () => boolean;
  /** The run's turns for writing: one account's write at a time, each in a loop turn of its own. */
  writeTurn: WriteTurn;
}

/**
 * One account's sync: one transactions report (`bookingStatus=both`, with balances when the
 * consent covers them), all its pages, then one all-or-nothing write. Nothing is written before
 * the whole report is in, so a failure on any page leaves the account as it was.
 */
export async function syncAccount(input: AccountSyncInput): Promise<Omit<AccountSyncResult, 'outcome'>> {
  const { db, grant, today } = input;
  const sync = new AccountSyncStore(db);
  const oldestPending = db.prepare(`SELECT MIN(day) AS day FROM transactions WHERE account_id = ? AND status = 'pending'`).get(grant.id) as { day: string | null };
  const dateFrom = reportStart(sync.get(grant.id), oldestPending.day ?? undefined, today, input.window);
  const base = { connectionId: input.connectionId, accountId: grant.id };

  const { booked, pending, skipped, balances, pages } = grant.transactions
    ? await readReport(input, dateFrom)
    : { booked: [], pending: [], skipped: [], balances: undefined, pages: 0 };
  let read = balances;
  if (read === undefined && grant.balances && (pages === 0 || input.mayReadAgain())) read = await readBalances(input);

  const now = input.now().toISOString();
  const stored = await input.writeTurn(() => {
    const ids = fingerprintTransactions([...booked, ...pending]);
    return storeAccountReport(db, {
      accountId: grant.id,
      booked: ids.filter((t) => t.status === 'booked'),
      pending: ids.filter((t) => t.status === 'pending'),
      balances: read ?? [],
      dateFrom: grant.transactions ? dateFrom : today,
      today,
      now,
      unreadable: skipped,
    });
  });
  return { ...base, stored: stored.booked + stored.pendingAdded, skipped: [...skipped, ...stored.skipped], pages };
}

interface WholeReport {
  booked: TransactionDraft[];
  pending: TransactionDraft[];
  skipped: SkippedItem[];
  balances?: Balance[];
  pages: number;
}

async function readReport(input: AccountSyncInput, dateFrom: string): Promise<WholeReport> {
  const { bank, grant } = input;
  const scope = { accountId: grant.id };
  const card = grant.kind === 'card';
  const whole: WholeReport = { booked: [], pending: [], skipped: [], pages: 0 };
  let request: TransactionListRequest = { accountResourceId: grant.resourceId, bookingStatus: 'both', dateFrom, withBalance: grant.balances };
  for (;;) {
    const page: ReportPage = await input.connections.withAisOn(bank, input.connectionId, async (b, auth: AisAuth) =>
      card
        ? processCardAccountTransactionListPage(await getCardAccountTransactionListRequest(b.psd2, auth, input.mode, request), scope)
        : processTransactionListPage(await getTransactionListRequest(b.psd2, auth, input.mode, request), scope));
    whole.pages += 1;
    input.onPage(whole.pages);
    whole.booked.push(...page.booked);
    whole.pending.push(...page.pending);
    const where = whole.pages === 1 ? '' : `page ${whole.pages}: `;
    whole.skipped.push(...page.skipped.map((s) => ({ ...s, reason: `${where}${s.reason}` })));
    whole.balances ??= page.balances;
    if (page.next === undefined) return whole;
    request = { accountResourceId: grant.resourceId, nextHref: page.next };
  }
}

async function readBalances(input: AccountSyncInput): Promise<Balance[]> {
  const { bank, grant } = input;
  return input.connections.withAisOn(bank, input.connectionId, async (b, auth) =>
    grant.kind === 'card'
      ? processCardAccountBalancesResponse(await getCardAccountBalancesRequest(b.psd2, auth, input.mode, { accountResourceId: grant.resourceId }))
      : processBalancesResponse(await getBalancesRequest(b.psd2, auth, input.mode, { accountResourceId: grant.resourceId })));
}
