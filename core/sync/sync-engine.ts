import type { Logger } from 'pino';
import type { AccountSyncResult, Connection, SyncProgress, SyncStatus, SyncSummary, SyncTrigger, UiErrorState } from '../../common/index.js';
import { isReadable } from '../../common/index.js';
import type { ConnectionService } from '../connections/connection-service.js';
import { BankError } from '../errors.js';
import { logFailure } from '../logging/failure-log.js';
import type { ReadMode } from '../psd2/psd2-context.js';
import { AccessLedger } from '../store/access-ledger.js';
import type { ConnectionStore, GrantRecord } from '../store/connections.js';
import type { Db } from '../store/database.js';
import { AccountSyncStore } from '../store/sync-state.js';
import { SyncRunStore } from '../store/sync-runs.js';
import { syncAccount } from './account-sync.js';
import { addDays, bankDay, nextBankDayStart } from './bank-calendar.js';
import { DEFAULT_WINDOW, type WindowPolicy } from './sync-window.js';
import { BankRun, DEFAULT_PACING, type BankPacing } from './bank-run.js';
import { writeTurns } from './write-turns.js';

/** PSD2 RTS art. 36: reads a day per account and consent without the person, unless agreed otherwise. */
export const UNATTENDED_READS_PER_DAY = 4;

/**
 * How long an account-list read stays good for a run the person starts. Their Sync button reads
 * the consent and both lists again (three requests before any report, one after another) unless
 * a read this recent has them already: a second press, or the sync right after a connect, then
 * costs one request per account. Accounts change at the bank far more rarely than that.
 */
const PERSON_GRANTS_FRESH_MS = 60 * 60_000;

export interface SyncEngineDeps {
  db: Db;
  store: ConnectionStore;
  connections: ConnectionService;
  now: () => Date;
  logger: Logger;
  emit: (event: { progress: SyncProgress } | { finished: SyncSummary }) => void;
  window?: WindowPolicy;
  pacing?: BankPacing;
}

export interface SyncRequest {
  trigger: SyncTrigger;
  /** Only this connection; all readable ones when absent. */
  connectionId?: string;
  /** The person's device address: present exactly when the person started the run. */
  psuIpAddress?: string;
}

interface Job {
  connectionId: string;
  grant: GrantRecord;
}

const STATE_OF_STATUS: Partial<Record<Connection['status'], UiErrorState>> = {
  expired: 'consent-expired',
  revoked: 'consent-expired',
  rejected: 'consent-expired',
  'reauth-required': 'reauth-required',
};

/**
 * The sync engine: it owns the bank reads that fill the local copy. A run resolves each bank
 * once and shares one token per connection; it reads each account's report within the bank's
 * limits (see BankRun) and the daily budget of unattended reads, and writes each account all or
 * nothing. Runs never overlap: a background run asked for while one is going joins it, and a
 * run the person starts waits for it and follows.
 */
export class SyncEngine {
  private running: Promise<SyncSummary> | undefined;
  private queuedPerson: Promise<SyncSummary> | undefined;
  private readonly runs: SyncRunStore;
  private readonly accountSync: AccountSyncStore;
  private readonly ledger: AccessLedger;
  /** One paced fetch per profile and bank fetch, for the engine's life (see BankRun). */
  private readonly paced = new Map<string, { inner: typeof fetch; paced: typeof fetch }>();

  constructor(private readonly deps: SyncEngineDeps) {
    this.runs = new SyncRunStore(deps.db);
    this.accountSync = new AccountSyncStore(deps.db);
    this.ledger = new AccessLedger(deps.db);
  }

  get isRunning(): boolean {
    return this.running !== undefined;
  }

  run(request: SyncRequest): Promise<SyncSummary> {
    if (this.running === undefined) return this.start(request);
    if (request.trigger !== 'person') return this.running;
    // The person's run follows the one going; several asks while it waits share one run.
    this.queuedPerson ??= this.running.catch(() => undefined).then(() => {
      this.queuedPerson = undefined;
      return this.run(request);
    });
    return this.queuedPerson;
  }

  /** Resolves when no run is going (for front ends that exit). */
  async idle(): Promise<void> {
    while (this.running !== undefined || this.queuedPerson !== undefined) await (this.queuedPerson ?? this.running)?.catch(() => undefined);
  }

  status(intervalHours: number, nextRunAt?: Date): SyncStatus {
    const last = this.runs.lastFinished();
    return {
      running: this.isRunning,
      ...(last?.finishedAt === undefined || last.outcome === undefined ? {} : { lastRun: { trigger: last.trigger, finishedAt: last.finishedAt, outcome: last.outcome } }),
      ...(nextRunAt === undefined ? {} : { nextRunAt: nextRunAt.toISOString() }),
      intervalHours,
    };
  }

  private start(request: SyncRequest): Promise<SyncSummary> {
    const run = this.execute(request).finally(() => {
      this.running = undefined;
    });
    this.running = run;
    return run;
  }

  private async execute(request: SyncRequest): Promise<SyncSummary> {
    const { now, logger } = this.deps;
    const startedAt = now().toISOString();
    const runId = this.runs.start(request.trigger, startedAt);
    const mode: ReadMode = request.psuIpAddress === undefined ? {} : { psuIpAddress: request.psuIpAddress };
    const present = mode.psuIpAddress !== undefined;
    const today = bankDay(now());
    await this.deps.connections.retryPendingTerminations();

    const all = this.deps.connections.list().filter((c) => request.connectionId === undefined || c.id === request.connectionId);
    const skippedConnections = all.flatMap((c) => {
      const state = STATE_OF_STATUS[c.status];
      return state === undefined ? [] : [{ connectionId: c.id, state }];
    });
    const readable = all.filter((c) => isReadable(c.status));
    const bankRun = new BankRun(this.deps.connections, this.deps.pacing ?? DEFAULT_PACING, (profileId, inner) => this.pacedFetchFor(profileId, inner));
    const results: AccountSyncResult[] = [];
    const writeTurn = writeTurns();
    /** One job per account: an account two consents cover is read once, preferably through one that reads its transactions. */
    const jobs = new Map<string, Job>();

    // Grants first (not counted by the bank): on a first sync, once a day, and when the person
    // asks unless they were read within the hour (see PERSON_GRANTS_FRESH_MS).
    for (const c of readable) {
      try {
        const bank = await bankRun.bank(c.id);
        const record = this.deps.store.get(c.id);
        const readAt = record?.accountsReadAt === undefined ? undefined : new Date(record.accountsReadAt);
        const stale = readAt === undefined || bankDay(readAt) !== today;
        const recent = readAt !== undefined && now().getTime() - readAt.getTime() < PERSON_GRANTS_FRESH_MS;
        if (stale || (present && !recent)) await this.deps.connections.refreshGrants(bank, c.id, mode);
      } catch (error) {
        const failed = logFailure(logger, error, { during: 'sync: reading the account list', connectionId: c.id });
        for (const g of this.deps.store.grants(c.id)) {
          this.accountSync.failed(g.id, failed.state, failed.message, now().toISOString());
          results.push({ connectionId: c.id, accountId: g.id, outcome: 'failed', stored: 0, skipped: [], pages: 0, state: failed.state, message: failed.message });
        }
        continue;
      }
      for (const grant of this.deps.store.grants(c.id)) {
        if (!grant.transactions && !grant.balances) continue;
        const known = jobs.get(grant.id);
        if (known === undefined || (!known.grant.transactions && grant.transactions)) jobs.set(grant.id, { connectionId: c.id, grant });
      }
    }

    const total = jobs.size + results.length;
    let done = results.length;
    const emit = (p: Omit<SyncProgress, 'runId' | 'done' | 'total'>) => this.deps.emit({ progress: { runId, ...p, done, total } });
    for (const r of results) emit({ connectionId: r.connectionId, accountId: r.accountId, phase: 'failed', ...(r.state === undefined ? {} : { state: r.state }) });
    for (const j of jobs.values()) emit({ connectionId: j.connectionId, accountId: j.grant.id, phase: 'queued' });

    const syncOne = async (job: Job): Promise<AccountSyncResult> => {
      const where = { connectionId: job.connectionId, accountId: job.grant.id };
      const deferred = (): AccountSyncResult => {
        const nextAttemptAt = nextBankDayStart(now()).toISOString();
        return { ...where, outcome: 'deferred', stored: 0, skipped: [], pages: 0, state: 'rate-limited', message: 'the bank’s daily budget of automatic updates for this account is spent', nextAttemptAt };
      };
      if (!present && !this.spendIfAllowed(job, today)) return deferred();
      try {
        const bank = await bankRun.bank(job.connectionId);
        const result = await syncAccount({
          db: this.deps.db, connections: this.deps.connections, bank, connectionId: job.connectionId, grant: job.grant, mode, today, now,
          window: this.deps.window ?? DEFAULT_WINDOW,
          onPage: (page) => emit({ ...where, phase: 'reading', page }),
          mayReadAgain: () => present || this.spendIfAllowed(job, today),
          writeTurn,
        });
        return { ...result, outcome: 'synced' };
      } catch (error) {
        if (!present && isBudgetRefusal(error)) {
          this.ledger.exhaust(job.connectionId, job.grant.id, today);
          logger.warn({ connectionId: job.connectionId, accountId: job.grant.id }, 'the bank refused an automatic update: its daily budget is spent');
          return deferred();
        }
        const failed = logFailure(logger, error, { during: 'sync', ...where });
        this.accountSync.failed(job.grant.id, failed.state, failed.message, now().toISOString());
        return { ...where, outcome: 'failed', stored: 0, skipped: [], pages: 0, state: failed.state, message: failed.message };
      }
    };

    await bankRun.forEachAccount([...jobs.values()], async (job) => {
      const result = await syncOne(job);
      results.push(result);
      done += 1;
      emit({
        connectionId: result.connectionId, accountId: result.accountId,
        phase: result.outcome === 'synced' ? 'done' : result.outcome,
        ...(result.outcome === 'synced' ? { stored: result.stored } : {}),
        ...(result.state === undefined ? {} : { state: result.state }),
        ...(result.message === undefined || result.outcome === 'synced' ? {} : { message: result.message }),
        ...(result.nextAttemptAt === undefined ? {} : { nextAttemptAt: result.nextAttemptAt }),
      });
    });
    this.ledger.prune(addDays(today, -7));

    const synced = results.filter((r) => r.outcome === 'synced').length;
    const summary: SyncSummary = {
      runId,
      trigger: request.trigger,
      startedAt,
      finishedAt: now().toISOString(),
      outcome: synced === results.length && skippedConnections.length === 0 ? 'ok' : synced === 0 && results.length + skippedConnections.length > 0 ? 'failed' : 'partial',
      accounts: results,
      skippedConnections,
      requests: bankRun.requests,
      stored: results.reduce((n, r) => n + r.stored, 0),
    };
    this.runs.finish(runId, {
      outcome: summary.outcome,
      accountsSynced: synced,
      accountsFailed: results.filter((r) => r.outcome === 'failed').length,
      accountsDeferred: results.filter((r) => r.outcome === 'deferred').length,
      stored: summary.stored,
      requests: summary.requests,
      detail: results.filter((r) => r.outcome !== 'synced').map(({ accountId, outcome, state }) => ({ accountId, outcome, state })),
    }, summary.finishedAt);
    this.deps.emit({ finished: summary });
    return summary;
  }

  private pacedFetchFor(profileId: string, inner: typeof fetch): typeof fetch {
    const pacing = this.deps.pacing ?? DEFAULT_PACING;
    const known = this.paced.get(profileId);
    // A profile whose bank was resolved anew with another fetch (a new TLS agent) gets a new pacer.
    if (known !== undefined && known.inner === inner) return known.paced;
    const paced = pacing.wrap === undefined ? inner : pacing.wrap(inner, pacing.concurrency);
    this.paced.set(profileId, { inner, paced });
    return paced;
  }

  /** Spends one unattended access of the account today, if its daily budget still allows it. */
  private spendIfAllowed(job: Job, today: string): boolean {
    const budget = this.ledger.used(job.connectionId, job.grant.id, today);
    if (budget.exhausted || budget.used >= UNATTENDED_READS_PER_DAY) return false;
    this.ledger.spend(job.connectionId, job.grant.id, today);
    return true;
  }
}

/**
 * The bank's daily budget answer: 429 ACCESS_EXCEEDED without Retry-After. The gateway's
 * per-minute limit sends Retry-After, and the paced fetch has waited that out already.
 */
function isBudgetRefusal(error: unknown): boolean {
  return error instanceof BankError && error.status === 429 && error.retryAfter === undefined;
}
