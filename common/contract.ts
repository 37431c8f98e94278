import { z } from 'zod';
import type { EventName } from './contract-names.js';
import type { Connection, SkippedItem, UiErrorState } from './domain.js';
import type { Notice } from './notices.js';
import type {
  BalanceHistoryView, CounterpartiesView, MonthlyView, StoredAccount, TotalsView, TransactionsView,
} from './queries.js';
import type { SyncProgress, SyncStatus, SyncSummary } from './sync.js';
import type { AppError, Result } from './result.js';
import { categoryMethods } from './contract-categories.js';
import { categoryDefaultsMethods } from './contract-category-defaults.js';
import { accountId, accountIds, isoDate, returns, transactionFilter } from './contract-schemas.js';
import { webUrl } from './url-rule.js';
import { beneficiariesMethods } from './contract-beneficiaries.js';
import { fundsMethods } from './contract-funds.js';
import { bulkPreviewMethods } from './contract-bulk-preview.js';
import { profilesMethods } from './contract-profiles.js';

export type { CertificateSummary, ProfileCredentials } from './contract-profiles.js';
import { paymentsMethods } from './contract-payments.js';
import type { PaymentView } from './payments.js';
export type { DefaultRuleView } from './contract-category-defaults.js';
import { transactionsMethods } from './contract-transactions.js';
import { transactionDetailsMethods } from './contract-transaction-details.js';
import { transactionListMethods } from './contract-transaction-list.js';

/**
 * The one contract between the privileged side (Electron main, the browser-mode host) and the
 * renderer: every method the renderer may call, with the zod schema its input must pass before a
 * handler runs, and every event it may receive. The preload, the IPC registration, the browser
 * transport and the renderer's bridge all derive from these two maps.
 */

const id = z.string().min(1).max(100).regex(/^[A-Za-z0-9_.:-]+$/);
const none = z.object({}).strict();
const isoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

export interface ProfileView {
  id: string;
  kind: 'sandbox' | 'cec-production';
  displayName: string;
  baseUrl?: string;
  /** The client id the bank issued to this app (production profiles). */
  clientId?: string;
  /** Plain http to this machine: a bank simulator, not a bank. The UI says so loudly. */
  simulator?: boolean;
  /**
   * Comes with the app (its vendor profile file): "Connect CEC Bank" goes straight to the bank's
   * login with it. A public client: no client secret, and it cannot be edited or removed here.
   */
  vendor?: true;
}

/**
 * What `enrolment:create-app` got from the bank. The bank shows the credentials once: they are
 * returned even when keeping or saving them failed, so the person can note them.
 */
export interface EnrolmentResult {
  clientId: string;
  /** Shown this once; the app keeps it only in the OS keychain. */
  clientSecret: string;
  /** Whether the client secret is in the keychain. */
  secretStored: boolean;
  /** The saved profile; absent when saving failed (`problem` says why). */
  profile?: ProfileView;
  problem?: AppError;
}

/** The accounts from the local copy: the bank is not asked, so it answers offline too. */
export interface AccountsView {
  /** Every account of the connections not replaced by a renewal, readable or not, with its stored data. */
  accounts: StoredAccount[];
  /** Connections whose last sync failed, with the state to show; their stored accounts still show. */
  failures: { connectionId: string; state: UiErrorState; error: AppError }[];
  /**
   * What could not be read, by connection: accounts or cards of its lists, and, with their
   * `accountId`, the items of each account's last stored report; the rest still shows.
   */
  skipped: (SkippedItem & { connectionId: string; accountId?: string })[];
  /** The oldest last sync of the accounts listed; absent while one of them has never synced. */
  syncedAt?: string;
}

export interface Settings {
  /** `window`: the bank's page in the app's own window; `system-browser`: RFC 8252 loopback. */
  authorizationMode: 'window' | 'system-browser';
  /** Hours between automatic syncs (each within the bank's daily budget); 0 turns them off. */
  autoSyncHours: number;
  /** `system`: Romanian on a Romanian system, English otherwise (the renderer reads the system's languages). */
  language: 'ro' | 'en' | 'system';
  /** `system` follows the system's light or dark preference as it changes. */
  theme: 'light' | 'dark' | 'system';
}

/** What the renderer reads at start: where the person's data lives, and whether it is kept at all. */
export interface AppInfo {
  /** True when nothing outlives the app: no OS keychain, so an in-memory keychain and database. */
  ephemeral: boolean;
  /** Why the app runs ephemeral (the keychain's own message: what to install); null otherwise. */
  reason: string | null;
  /** The data folder; null when ephemeral. */
  dataDir: string | null;
  /** True when the local copy cannot be opened with the keychain's key; `store:reset` starts fresh. */
  locked: boolean;
  /** The log file being written now; null when ephemeral (the log goes to stderr, nothing is kept). */
  logFile: string | null;
  /**
   * The vendor profile file read at start (see docs/vendor-profile.md); null when there is none.
   * `problem` says why it is not used (the app runs without it); null when it is listed as a profile.
   */
  vendorProfile: { source: string; problem: string | null } | null;
}

export const methods = {
  ...paymentsMethods,
  'app:info': { input: none, output: returns<AppInfo>() },
  /** Only when `locked`: moves the unreadable file aside (never deletes it) and starts a new one. */
  'store:reset': { input: none, output: returns<AppInfo>() },
  'profiles:list': { input: none, output: returns<ProfileView[]>() },
  'profiles:save-production': {
    input: z.object({
      id: z.string().regex(/^[a-z0-9-]{1,40}$/),
      baseUrl: webUrl,
      clientId: z.string().trim().min(1).max(200),
      clientSecret: z.string().max(500).optional(),
      certificatePem: z.string().min(100).max(20_000),
      redirectUri: webUrl,
      /** `privateKeyPem` may be left out to keep the stored key of an unchanged certificate. */
      qwac: z.object({ certificatePem: z.string().max(20_000), privateKeyPem: z.string().max(20_000).optional() }).strict().optional(),
    }).strict(),
    output: returns<ProfileView>(),
  },
  'enrolment:register': {
    input: z.object({
      baseUrl: webUrl,
      certificatePem: z.string().min(100).max(20_000),
      username: z.email().max(254),
      password: z.string().min(8).max(128),
      firstName: z.string().trim().min(1).max(100),
      lastName: z.string().trim().min(1).max(100),
      organization: z.string().trim().min(1).max(100),
    }).strict(),
    output: returns<{ activationMailSentTo: string }>(),
  },
  'enrolment:create-app': {
    input: z.object({
      profileId: z.string().regex(/^[a-z0-9-]{1,40}$/),
      baseUrl: webUrl,
      certificatePem: z.string().min(100).max(20_000),
      username: z.email().max(254),
      password: z.string().min(1).max(128),
      organization: z.string().trim().min(1).max(100),
      appName: z.string().trim().min(1).max(64),
      appTitle: z.string().trim().min(1).max(100),
      redirectUri: webUrl,
    }).strict(),
    output: returns<EnrolmentResult>(),
  },
  'connections:list': { input: none, output: returns<Connection[]>() },
  'connections:connect': { input: z.object({ profileId: id, label: z.string().trim().max(60) }).strict(), output: returns<Connection>() },
  'connections:cancel-authorization': { input: none, output: returns<{ cancelled: boolean }>() },
  'connections:refresh-status': { input: z.object({ connectionId: id }).strict(), output: returns<Connection>() },
  'connections:revoke': { input: z.object({ connectionId: id }).strict(), output: returns<Connection>() },
  'connections:renew': { input: z.object({ connectionId: id }).strict(), output: returns<Connection>() },
  'connections:remove': { input: z.object({ connectionId: id }).strict(), output: returns<{ removed: true }>() },
  'accounts:list': { input: none, output: returns<AccountsView>() },
  /**
   * Stored transactions across every account (or those named), filtered and sorted, a page at a
   * time by keyset: the `cursor` of the previous page, with the same filter and sort, goes on.
   */
  'transactions:query': {
    input: z.object({
      ...transactionFilter,
      sort: z.enum(['date', 'amount']).default('date'),
      order: z.enum(['asc', 'desc']).default('desc'),
      limit: z.number().int().min(1).max(500).default(100),
      cursor: z.string().regex(/^[A-Za-z0-9_-]+$/).max(400).optional(),
    }).strict(),
    output: returns<TransactionsView>(),
  },
  /** Per currency, the sum of each account's current balance (interimAvailable first; see core's balance-queries). */
  'insights:totals': { input: none, output: returns<TotalsView>() },
  /** One account's balance by reference day; `type` absent: closingBooked where there is one. */
  'insights:balance-history': {
    input: z.object({ accountId, type: z.string().min(1).max(40).optional(), dateFrom: isoDate.optional(), dateTo: isoDate.optional() }).strict(),
    output: returns<BalanceHistoryView>(),
  },
  /** Booked income and spending per calendar month and currency. */
  'insights:monthly': {
    input: z.object({ accountIds: accountIds.optional(), monthFrom: isoMonth.optional(), monthTo: isoMonth.optional() }).strict(),
    output: returns<MonthlyView>(),
  },
  /** The counterparties that booked spending went to, the largest `limit` per currency. */
  'insights:counterparties': {
    input: z.object({
      accountIds: accountIds.optional(), dateFrom: isoDate.optional(), dateTo: isoDate.optional(), limit: z.number().int().min(1).max(100).default(10),
    }).strict(),
    output: returns<CounterpartiesView>(),
  },
  /** A sync the person started: PSU-present, so the bank's daily budget does not apply. Follows a run in progress. */
  'sync:run': { input: z.object({ connectionId: id.optional() }).strict(), output: returns<SyncSummary>() },
  'sync:status': { input: none, output: returns<SyncStatus>() },
  'settings:get': { input: none, output: returns<Settings>() },
  /** Changes the settings given; the others stay. */
  'settings:set': {
    input: z.object({
      authorizationMode: z.enum(['window', 'system-browser']).optional(),
      autoSyncHours: z.number().int().min(0).max(24).optional(),
      language: z.enum(['ro', 'en', 'system']).optional(),
      theme: z.enum(['light', 'dark', 'system']).optional(),
    }).strict(),
    output: returns<Settings>(),
  },
  ...fundsMethods,
  ...bulkPreviewMethods,
  ...beneficiariesMethods,
  ...categoryMethods,
  ...categoryDefaultsMethods,
  ...profilesMethods,
  ...transactionsMethods,
  ...transactionDetailsMethods,
  ...transactionListMethods,
} as const;

export const events = {
  'connections:changed': returns<Connection[]>(),
  /** Browser mode: the bank's page to show in the popup the renderer opened. */
  'authorization:open': returns<{ url: string }>(),
  'authorization:settled': returns<{ outcome: 'connected' | 'cancelled' | 'failed' }>(),
  'sync:progress': returns<SyncProgress>(),
  /** A run ended (any trigger): the local copy changed, lists re-read it. */
  'sync:finished': returns<SyncSummary>(),
  /** Something to tell the person as a system notification, when they allow it: kind and parameters, worded by the renderer. */
  notice: returns<Notice>(),
  /** A payment intent moved (created, a transition, reconciled): its view as it is now. */
  'payments:changed': returns<PaymentView>(),
} as const satisfies Record<EventName, unknown>;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
/** The input as a handler sees it, after parsing (defaults applied). */
export type ParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = Methods[M]['output'];
export type { EventName } from './contract-names.js';
export type { FundsAdvice } from './contract-funds.js';
export type { Beneficiary } from './contract-beneficiaries.js';
export type EventPayload<E extends EventName> = (typeof events)[E];

export const methodNames = Object.keys(methods) as MethodName[];

export const isMethodName = (name: unknown): name is MethodName => typeof name === 'string' && Object.hasOwn(methods, name);

/** What the renderer holds: one call per method, results as values, events as subscriptions. */
export interface Bridge {
  invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** The privileged side's implementation of every method. */
export type Handlers = { [M in MethodName]: (input: ParsedInput<M>) => Promise<MethodOutput<M>> };
