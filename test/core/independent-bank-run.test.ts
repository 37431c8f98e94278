/**
 * The independent run of issue 8, as a test: the app, through its contract's handlers, against a
 * bank that answers in other valid Berlin Group forms than CEC's — the sandbox's `loose`
 * dialect (nulls, `3.32E3` amounts, numeric and 20-digit ids, id-less transactions and twins,
 * string scalars, card accounts as plain accounts, 400 STATUS_INVALID on ending an ended consent).
 * Every figure is checked against the bank's own records: the same seed, day and dialect.
 *
 * The app reaches the bank as a person reaches a simulator: a `cec-production` profile enrolled
 * through the contract at the bank's loopback base URL (issue 8 §3), and every later step goes
 * through that profile.
 *
 * The steps run in order and share one app, as a person's session does; each names its step,
 * and a step whose predecessor failed says so instead of failing on an undefined.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountsView, AccountWithBalances, Connection, Transaction, TransactionsView } from '../../common/index.js';
import { dispatch, type Handlers } from '../../common/index.js';
import { createHandlers } from '../../core/app-handlers.js';
import { toAppError } from '../../core/errors.js';
import { generatePsus } from '../../sandbox/data/generate.js';
import { dialectData, twinsOf } from '../../sandbox/dialect.js';
import { looseWireId } from '../../sandbox/routes/loose-views.js';
import { availableMinor } from '../../sandbox/state/available.js';
import type { BankAccount, BankTransaction } from '../../sandbox/state/types.js';
import { addDays, bankDay } from '../../core/sync/bank-calendar.js';
import { DEFAULT_WINDOW } from '../../core/sync/sync-window.js';
import { demoCertificatePem } from '../helpers/certificates.js';
import { APP_REDIRECT, coreWorld, psuPort, type CoreWorldForTest } from '../helpers/core-world.js';

/** The bank's clock, held still: the data of "today" stays the data the test computes. */
const TODAY = new Date();
const SEED = 42;
const PSU = 'demo';
/** The production profile the enrolment creates, pointed at the loose bank's base URL. */
const PROFILE = 'cec-independent';

/** A decimal text (the app's Money) in minor units, exactly. */
function minor(amount: string): bigint {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount);
  if (m === null) throw new Error(`not a 2-decimal amount: ${amount}`);
  const value = BigInt(m[2] as string) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' ? -value : value;
}

const bankAccounts = (): BankAccount[] => {
  const psu = dialectData('loose', generatePsus({ seed: SEED, accountsPerPsu: 4, today: TODAY })).find((p) => p.userId === PSU);
  if (psu === undefined) throw new Error(`no PSU ${PSU}`);
  return psu.accounts;
};

/** What a person would see of a transaction: day, amount, text; twins share it. */
const bankContent = (t: BankTransaction) => `${t.status}|${t.bookingDate ?? t.valueDate}|${t.amountMinor}|${t.remittanceInformationUnstructured}`;
const appContent = (t: Transaction) => `${t.status}|${t.bookingDate ?? t.valueDate}|${minor(t.amount.amount)}|${t.remittance ?? ''}`;
const tally = (keys: string[]) => keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>());

describe('the independent run: the app’s contract against a bank of another dialect', () => {
  let w: CoreWorldForTest;
  let handlers: Handlers;
  const call = async <T>(method: string, input: unknown = {}): Promise<T> => {
    const r = await dispatch(handlers, method, input, toAppError);
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  };
  const bank = bankAccounts();
  const earliest = bank.flatMap((a) => a.transactions.map((t) => t.bookingDate ?? t.valueDate)).sort()[0] as string;
  let enrolled: string | undefined;
  let connected: Connection | undefined;
  let listed: AccountWithBalances[] | undefined;
  /** A later step says which earlier one it waits for, rather than failing on an undefined. */
  const after = <T>(value: T | undefined, step: string): T => {
    if (value === undefined) throw new Error(`needs the ${step} step, which failed`);
    return value;
  };

  beforeAll(async () => {
    w = await coreWorld({ sandbox: { dialect: 'loose', seed: SEED, now: () => TODAY } });
    handlers = createHandlers(w.core, {
      // Every box ticked on the consent page: accounts, balances and transactions of every account, the card included.
      authorizationPort: () => psuPort({ user: PSU, decision: 'allow' }),
      psuIpAddress: '192.0.2.1',
      emit: () => {},
    });
  });
  afterAll(async () => { await w?.close(); });

  it('enrolment: registers, activates by the mail, and creates the app as a cec-production profile', async () => {
    const username = 'dev-independent@example.ro';
    const password = 'parola-sigura-1';
    const sent = await call<{ activationMailSentTo: string }>('enrolment:register', {
      baseUrl: w.bankUrl, certificatePem: demoCertificatePem, username, password, firstName: 'Ana', lastName: 'Pop', organization: 'Conturi Test',
    });
    expect(sent.activationMailSentTo).toBe(username);
    const mail = (await (await fetch(`${w.bankOrigin}/sandbox/mailbox?to=${encodeURIComponent(username)}`)).json()) as { messages: { link: string }[] };
    const link = mail.messages[0]?.link as string;
    expect((await fetch(link)).ok).toBe(true);
    const created = await call<{ profile?: { id: string }; secretStored: boolean; problem?: unknown }>('enrolment:create-app', {
      profileId: PROFILE, baseUrl: w.bankUrl, certificatePem: demoCertificatePem, username, password,
      organization: 'Conturi Test', appName: 'Conturi', appTitle: 'Conturi test', redirectUri: APP_REDIRECT,
    });
    expect(created.problem).toBeUndefined();
    expect(created).toMatchObject({ secretStored: true, profile: { id: PROFILE, kind: 'cec-production', baseUrl: w.bankUrl, simulator: true } });
    enrolled = created.profile?.id;
  });

  it('connect: with every box ticked, the card included', async () => {
    const connection = await call<Connection>('connections:connect', { profileId: after(enrolled, 'enrolment'), label: 'Independent' });
    expect(connection.status).toBe('active');
    connected = connection;
    // What the bank itself lists for the PSU (its control API), the card included.
    const psus = (await (await fetch(`${w.bankOrigin}/sandbox/psus`)).json()) as { psus: { userId: string; accounts: { iban: string }[] }[] };
    const ibans = psus.psus.find((p) => p.userId === PSU)?.accounts.map((x) => x.iban) ?? [];
    expect(ibans.sort()).toEqual(bank.map((x) => x.iban).sort());
    expect(connection.accounts.map((g) => ({ iban: g.iban, balances: g.balances, transactions: g.transactions })).sort((x, y) => x.iban.localeCompare(y.iban)))
      .toEqual(ibans.map((iban) => ({ iban, balances: true, transactions: true })));
  });

  // Balances and transactions reach the store only through a sync.
  it('accounts: every account, the card included, with its exact balances, after a sync', async () => {
    const connection = after(connected, 'connect');
    await call('sync:run', {});
    const view = await call<AccountsView>('accounts:list');
    expect(view.failures).toEqual([]);
    expect(view.skipped).toEqual([]);
    const accounts = view.accounts.filter((a) => a.connectionId === connection.id);
    listed = accounts;
    expect(accounts.map((a) => a.iban).sort()).toEqual(bank.map((a) => a.iban).sort());
    for (const b of bank) {
      const a = accounts.find((x) => x.iban === b.iban) as AccountWithBalances;
      expect(a.kind, b.iban).toBe(b.kind === 'card' ? 'card' : 'account');
      expect(a.currency).toBe(b.currency);
      const booked = a.balances.find((x) => x.type === 'closingBooked');
      expect(booked && minor(booked.amount.amount), `${b.iban} closingBooked`).toBe(BigInt(b.balanceMinor));
      const available = a.balances.find((x) => x.type === 'interimAvailable');
      if (available !== undefined) expect(minor(available.amount.amount), `${b.iban} interimAvailable`).toBe(BigInt(availableMinor(b)));
    }
  });

  it('transactions: every account, exact amounts, the 20-digit id intact, both twins, none lost within the sync’s two years', async () => {
    const accounts = after(listed, 'accounts');
    // A first sync reads the bank's history from this day on (the default window).
    const start = addDays(bankDay(TODAY), -DEFAULT_WINDOW.historyDays);
    for (const b of bank) {
      const kept = b.transactions.filter((t) => (t.bookingDate ?? t.valueDate ?? start) >= start);
      const a = accounts.find((x) => x.iban === b.iban) as AccountWithBalances;
      const got: Transaction[] = [];
      let page = await call<TransactionsView>('transactions:query', { accountIds: [a.id], dateFrom: earliest, limit: 500 });
      for (;;) {
        got.push(...page.transactions);
        if (page.cursor === undefined) break;
        page = await call<TransactionsView>('transactions:query', { accountIds: [a.id], dateFrom: earliest, limit: 500, cursor: page.cursor });
      }
      expect(got, `${b.iban}: none lost`).toHaveLength(kept.length);
      expect(new Set(got.map((t) => t.id)).size, `${b.iban}: every transaction its own id`).toBe(got.length);
      expect(tally(got.map(appContent)), `${b.iban}: exact amounts`).toEqual(tally(kept.map(bankContent)));
      const ids = new Set(got.map((t) => t.id));
      const twins = twinsOf(b);
      for (const t of kept) {
        const wire = looseWireId(t, twins);
        if (wire !== undefined) expect(ids.has(wire), `${b.iban}: id ${wire} as the bank sent it`).toBe(true);
      }
      if (b.kind === 'current' && b.currency === 'RON') {
        expect([...ids].some((id) => /^\d{20}$/.test(id)), 'a 20-digit id').toBe(true);
        const contents = tally(kept.map(bankContent));
        const twin = [...contents].find(([, n]) => n === 2)?.[0];
        expect(twin, 'the bank holds twins').toBeDefined();
        expect(got.filter((t) => appContent(t) === twin), 'both twins').toHaveLength(2);
      }
    }
  });

  it('renew: a new consent, the same accounts under the same ids', async () => {
    const connection = after(connected, 'connect');
    const granted = connection.accounts.map((g) => g.accountId).sort();
    const renewed = await call<Connection>('connections:renew', { connectionId: connection.id });
    expect(renewed.status).toBe('active');
    expect(renewed.consentId).not.toBe(connection.consentId);
    connected = renewed;
    const view = await call<AccountsView>('accounts:list');
    expect(view.failures).toEqual([]);
    // The store lists them under the new consent only, with the history they had.
    expect(view.accounts.map((a) => `${a.connectionId}:${a.id}`).sort()).toEqual(granted.map((id) => `${renewed.id}:${id}`));
  });

  it('revoke twice: the second, of an ended consent the bank answers 400 STATUS_INVALID for, is success too', async () => {
    const connection = after(connected, 'connect');
    const first = await call<Connection>('connections:revoke', { connectionId: connection.id });
    expect(first.status).toBe('revoked');
    // The second DELETE finds the consent ended: this bank answers 400 STATUS_INVALID (CEC: 409).
    const second = await call<Connection>('connections:revoke', { connectionId: connection.id });
    expect(second.status).toBe('revoked');
  });

  it('remove: the connection and its renewed predecessor are gone', async () => {
    const connection = after(connected, 'connect');
    expect(await call('connections:remove', { connectionId: connection.id })).toEqual({ removed: true });
    const left = await call<Connection[]>('connections:list');
    expect(left.filter((c) => c.label === 'Independent')).toEqual([]);
  });
});
