/**
 * The app's core against a bank that is not our sandbox: a small HTTP server on 127.0.0.1 that
 * answers the AIS reads (consent information, account and card lists, transaction reports) with
 * the Berlin Group fixtures, the way an independent bank wrote them: nulls, exponent amounts,
 * numeric ids, cards in the plain-account shape, transactions without ids, unreadable items,
 * crafted `next` links. The consent, the bank's pages and the token stay the sandbox's, reached
 * through the same server, so the connect is the real one: PKCE, state, token exchange.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type Handlers, type TransactionPage } from '../../common/index.js';
import { createAppCore, type AppCore } from '../../core/app-core.js';
import { createHandlers } from '../../core/app-handlers.js';
import { toAppError } from '../../core/errors.js';
import { createLogger } from '../../core/logging/logger.js';
import { enrolAsDeveloper } from '../../sandbox/demo-developer.js';
import { startSandbox } from '../../sandbox/index.js';
import {
  accountListWithNulls,
  BG_ACCOUNT_ID,
  BG_IBAN,
  cardAccountListPlain,
  cardTransactionsPlain,
  consentInformationLoose,
  PLAIN_CARD_IBAN,
  PLAIN_CARD_ID,
  transactionsCraftedNext,
  transactionsSomeUnreadable,
  transactionsWithoutIds,
} from '../fixtures/berlin-group-answers.js';
import { demoCertificatePem } from '../helpers/certificates.js';
import { APP_REDIRECT, psuPort, TestKeychain } from '../helpers/core-world.js';

const AIS = '/cec/prod/psd29c/v1';

/** A page of a fixture report with its `_links.next` set. */
const withNext = (report: string, href: string): string => report.replace('{"transactions":{', `{"transactions":{"_links":{"next":{"href":${JSON.stringify(href)}}},`);

interface Seen {
  method: string;
  path: string;
  bearer: boolean;
}

/** The other bank: fixture answers for AIS reads, everything else passed on to the sandbox. */
async function otherBank(sandboxOrigin: string) {
  const seen: Seen[] = [];
  let firstPage = withNext(transactionsSomeUnreadable, `/v1/accounts/${BG_ACCOUNT_ID}/transactions?bookingStatus=both&page=2`);
  const answers = (path: string): string | undefined => {
    if (/^\/consents\/[^/]+$/.test(path)) return consentInformationLoose;
    if (path === '/accounts') return accountListWithNulls;
    if (path === '/card-accounts') return cardAccountListPlain;
    if (path === `/accounts/${BG_ACCOUNT_ID}/transactions`) return firstPage;
    if (path === `/card-accounts/${PLAIN_CARD_ID}/transactions`) return cardTransactionsPlain;
    return undefined;
  };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const bearer = /^Bearer \S+/.test(req.headers.authorization ?? '');
    seen.push({ method: req.method ?? '', path: url.pathname, bearer });
    const page2 = url.pathname === `${AIS}/accounts/${BG_ACCOUNT_ID}/transactions` && url.searchParams.get('page') === '2';
    const fixture = req.method === 'GET' && url.pathname.startsWith(AIS) ? (page2 ? transactionsWithoutIds : answers(url.pathname.slice(AIS.length))) : undefined;
    if (fixture !== undefined) {
      // AIS data reads carry the bearer and the Consent-ID; the consent's own read the bearer.
      const ok = bearer && (url.pathname.startsWith(`${AIS}/consents/`) || req.headers['consent-id'] !== undefined);
      res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
      res.end(ok ? fixture : '{"tppMessages":[{"category":"ERROR","code":"TOKEN_INVALID"}]}');
      return;
    }
    pass(req, res).catch((error: unknown) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  const pass = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const hopByHop = ['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive'];
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([k, v]) => !hopByHop.includes(k) && typeof v === 'string')) as Record<string, string>;
    const answer = await fetch(`${sandboxOrigin}${req.url ?? '/'}`, {
      method: req.method, headers, body: chunks.length > 0 ? Buffer.concat(chunks) : undefined, redirect: 'manual',
    });
    const out: Record<string, string> = {};
    answer.headers.forEach((v, k) => {
      if (!['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(k)) out[k] = k === 'location' ? v.replace(sandboxOrigin, origin) : v;
    });
    res.writeHead(answer.status, out);
    // The sandbox names itself in links (activation mail, pages): the other bank names itself.
    const textual = /json|html|text/.test(answer.headers.get('content-type') ?? '');
    res.end(textual ? (await answer.text()).replaceAll(sandboxOrigin, origin) : Buffer.from(await answer.arrayBuffer()));
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: `${origin}/cec/prod`,
    seen,
    setFirstPage(text: string) { firstPage = text; },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('connect, and the bank reads a sync makes, against an independent Berlin Group bank', () => {
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  let bank: Awaited<ReturnType<typeof otherBank>>;
  let core: AppCore;
  let handlers: Handlers;
  const keychain = new TestKeychain();
  const dir = mkdtempSync(join(tmpdir(), 'conturi-other-bank-'));
  const call = async <T>(method: string, input: unknown = {}): Promise<T> => {
    const result = await dispatch(handlers, method, input, toAppError);
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  };

  /**
   * The bank's own lists and reports as core reads them for the sync engine (the contract's
   * reads answer from the store, so the bank's quirks are checked here, at the read itself).
   */
  const mode = { psuIpAddress: '192.0.2.1' };
  const bankAccounts = async () => {
    const connections = core.connections.list();
    const lists = await Promise.all(connections.map(async (c) => ({ c, list: await core.connections.accounts(c.id, mode) })));
    return {
      accounts: lists.flatMap(({ list }) => list.accounts),
      skipped: lists.flatMap(({ c, list }) => list.skipped.map((s) => ({ connectionId: c.id, ...s }))),
    };
  };
  const bankPage = (ref: { connectionId?: string; accountId?: string; dateFrom: string; cursor?: string }): Promise<TransactionPage> =>
    core.connections.transactions(ref.connectionId ?? '', ref.accountId ?? '', { bookingStatus: 'both', dateFrom: ref.dateFrom, cursor: ref.cursor }, mode);

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    bank = await otherBank(sandbox.origin);
    core = createAppCore({
      fetch, keychain, databasePath: join(dir, 'conturi.sqlite'), redirectUri: APP_REDIRECT, logger: await createLogger({ dir: join(dir, 'logs') }),
      embedded: {
        start: async () => ({ url: bank.url, origin: bank.origin }),
        // The app's credentials come from the sandbox's register, which serves both banks here.
        enrol: (redirectUri) => enrolAsDeveloper(sandbox.url, { certificatePem: demoCertificatePem, redirectUri }),
        demoCertificatePem,
      },
      // The day of the spec's examples, so their consent (valid until 2017-11-01) is live.
      now: () => new Date('2017-10-25T10:00:00Z'),
    });
    handlers = createHandlers(core, { authorizationPort: () => psuPort({ user: 'demo', decision: 'allow' }), psuIpAddress: '192.0.2.1', emit: () => undefined });
  });
  afterAll(async () => {
    core.close();
    await keychain.clear();
    await bank.close();
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('connects: grants are learned from loosely typed consent fields, a plain-shape card and an unreadable card', async () => {
    const connection = await call<{ status: string; validUntil: string; accounts: { accountId: string; balances: boolean; transactions: boolean }[] }>(
      'connections:connect', { profileId: 'sandbox', label: 'Other bank' },
    );
    expect(connection.status).not.toBe('authorizing');
    expect(connection.validUntil).toBe('2017-11-01');
    expect(connection.accounts.map((a) => [a.accountId, a.balances, a.transactions]).sort()).toEqual([
      ['DE2310010010123456788:USD', false, false],
      [`${BG_IBAN}:EUR`, true, true],
      [`card:${PLAIN_CARD_IBAN}:EUR`, true, true],
    ]);
  });

  it('lists accounts and cards with exact amounts, reporting the one card that could not be read', async () => {
    const view = await bankAccounts();
    const eur = view.accounts.find((a) => a.iban === BG_IBAN);
    expect(eur?.balances.map((b) => b.amount.amount)).toEqual(['3320', '99999999999999.99']);
    expect(view.accounts.find((a) => a.currency === 'USD')?.resourceId).toBe('12345678901234567890');
    expect(view.accounts.find((a) => a.kind === 'card')).toMatchObject({ iban: PLAIN_CARD_IBAN, resourceId: PLAIN_CARD_ID });
    expect(view.skipped).toEqual([{ connectionId: expect.any(String), list: 'cardAccounts', index: 1, reason: expect.stringMatching(/currency/) }]);
  });

  it('reads a page with unreadable items, then the next page by an opaque cursor, fingerprinting transactions without ids', async () => {
    const view = await bankAccounts();
    const eur = view.accounts.find((a) => a.iban === BG_IBAN);
    const ref = { connectionId: eur?.connectionId, accountId: eur?.id, dateFrom: '2017-10-01' };
    const first = await bankPage(ref);
    expect(first.transactions.map((t) => t.id)).toEqual(['1234567', '1234569']);
    expect(first.skipped.map((s) => `${s.list}[${s.index}]`)).toEqual(['booked[1]', 'booked[2]', 'pending[0]']);
    expect(JSON.stringify(first)).not.toContain('page=2');
    const second = await bankPage({ ...ref, cursor: first.cursor });
    expect(second.skipped).toEqual([]);
    expect(second.transactions).toHaveLength(4);
    expect(new Set(second.transactions.map((t) => t.id)).size).toBe(4);
    expect(second.cursor).toBeUndefined();
  });

  it('reads the card report sent as transactions', async () => {
    const view = await bankAccounts();
    const card = view.accounts.find((a) => a.kind === 'card');
    const page = await bankPage({ connectionId: card?.connectionId, accountId: card?.id, dateFrom: '2017-10-01' });
    expect(page.transactions.map((t) => [t.status, t.amount.amount, t.counterpartyName])).toEqual([['booked', '-12.5', 'Cafe Berlin'], ['pending', '-4.1', 'Kiosk']]);
  });

  it.each([
    ["the sandbox's PSU list", '/sandbox/psus'],
    ['another account', '/v1/accounts/3dc3d5b3-7023-4848-9853-f5400a64e81e/transactions?page=2'],
    ['another origin', 'http://127.0.0.2:9/v1/accounts/x/transactions'],
  ])('refuses a crafted next to %s and never sends the token there', async (_name, href) => {
    bank.setFirstPage(transactionsCraftedNext(href));
    const view = await bankAccounts();
    const eur = view.accounts.find((a) => a.iban === BG_IBAN);
    const ref = { connectionId: eur?.connectionId, accountId: eur?.id, dateFrom: '2017-10-01' };
    const first = await bankPage(ref);
    expect(first.cursor).toEqual(expect.any(String));
    const before = bank.seen.length;
    const next = await bankPage({ ...ref, cursor: first.cursor }).then(() => undefined, toAppError);
    expect(next).toMatchObject({ code: 'PROTOCOL_ERROR', message: expect.stringMatching(/_links/) });
    expect(bank.seen.slice(before)).toEqual([]);
    expect(bank.seen.filter((s) => s.path.startsWith('/sandbox/psus'))).toEqual([]);
  });
});
