import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { aisConsent, bearer, psd2Caller, requireHeader, type Psd2Caller } from '../checks.js';
import { PREFIX, type BankContext } from '../context.js';
import { bankDay } from '../dates.js';
import { twinsOf } from '../dialect.js';
import { reject } from '../errors.js';
import type { Consent } from '../state/records.js';
import type { BankAccount, BankTransaction } from '../state/types.js';
import { writeJson } from '../wire-json.js';
import { unattendedAccess } from './access-limit.js';
import { accountView, balancesOf, cardAccountView, transactionView } from './account-views.js';
import { looseAccountReference, looseAccountView, looseBalances, looseTransactionView, looseWireId } from './loose-views.js';
import { parseReportQuery, ReportPages, selectTransactions, type ReportQuery } from './transaction-report.js';
import { transactionWire } from './transaction-wire.js';

type Family = 'accounts' | 'card-accounts';
type Permission = 'accounts' | 'balances' | 'transactions';

interface AisCall {
  caller: Psd2Caller;
  consent: Consent;
}

const withBalanceOf = (req: FastifyRequest): boolean => {
  const v = (req.query as Record<string, unknown>)['withBalance'];
  if (v !== undefined && v !== 'true' && v !== 'false') reject(400, 'FORMAT_ERROR', 'withBalance must be true or false');
  return v === 'true';
};

/**
 * PSD2 API-AccountsC: accounts and card accounts, their balances and transactions, with the
 * PSU's ticks enforced on every call and the unattended-access limit counted.
 * @see the digest's §2.6 and §5; Berlin Group 1.3.12 getAccountList … getCardAccountTransactionList.
 */
export function accountRoutes(app: FastifyInstance, ctx: BankContext): void {
  const pages = new ReportPages(ctx);

  /** Certificate → client → headers → token → consent, in §5's order; the query is checked by the caller in between. */
  const ais = (req: FastifyRequest, checkQuery: () => void = () => {}): AisCall => {
    const caller = psd2Caller(ctx, req, 'PSP_AI');
    const consentId = requireHeader(req, 'Consent-ID');
    checkQuery();
    const token = bearer(ctx, req, caller, 'AIS');
    const consent = aisConsent(ctx, caller, token, consentId);
    consent.lastActionDate = bankDay(ctx.now());
    return { caller, consent };
  };

  const account = (call: AisCall, family: Family, id: string, permission: Permission): BankAccount => {
    const found = ctx.state.accountByResourceId(id);
    if (found === undefined || (family === 'card-accounts') !== (found.account.kind === 'card')) {
      return reject(404, 'RESOURCE_UNKNOWN', `No ${family === 'accounts' ? 'account' : 'card account'} ${id}`);
    }
    const { consent } = call;
    if (found.psu.userId !== consent.psuId || !consent.access.accounts.includes(found.account.iban)) {
      return reject(403, 'RESOURCE_UNKNOWN', 'The account is not covered by the consent');
    }
    if (!consent.access[permission].includes(found.account.iban)) {
      return reject(401, 'CONSENT_INVALID', `The consent does not grant ${permission} of this account`);
    }
    return found.account;
  };

  const today = () => bankDay(ctx.now());
  const loose = ctx.options.dialect === 'loose';
  /** A GET whose answer the loose dialect writes itself: exponent amounts and long ids are beyond JSON.stringify. */
  const get = (path: string, handler: (req: FastifyRequest) => object) => {
    app.get(path, async (req, reply: FastifyReply) => {
      const body = handler(req);
      return loose ? reply.type('application/json; charset=utf-8').send(writeJson(body)) : body;
    });
  };
  const base = `${PREFIX}/psd29c/v1`;
  for (const prefix of [base, `${base}/d`]) {
    get(`${prefix}/accounts`, (req) => {
      let withBalance = false;
      const call = ais(req, () => { withBalance = withBalanceOf(req); });
      const view = loose ? looseAccountView : accountView;
      return { accounts: consentAccounts(ctx, call.consent, false).map((a) => view(a, call.consent, withBalance, today())) };
    });
    get(`${prefix}/card-accounts`, (req) => {
      let withBalance = false;
      const call = ais(req, () => { withBalance = withBalanceOf(req); });
      const view = loose ? looseAccountView : cardAccountView;
      return { cardAccounts: consentAccounts(ctx, call.consent, true).map((a) => view(a, call.consent, withBalance, today())) };
    });
    get(`${prefix}/accounts/:id`, (req) => {
      let withBalance = false;
      const call = ais(req, () => { withBalance = withBalanceOf(req); });
      const a = account(call, 'accounts', (req.params as { id: string }).id, 'accounts');
      if (loose) return { account: looseAccountView(a, call.consent, withBalance, today()) };
      // CEC answers the one account in the list wrapper, not the standard {"account":{}}.
      return { accounts: [accountView(a, call.consent, withBalance, today())] };
    });
    get(`${prefix}/card-accounts/:id`, (req) => {
      let withBalance = false;
      const call = ais(req, () => { withBalance = withBalanceOf(req); });
      const a = account(call, 'card-accounts', (req.params as { id: string }).id, 'accounts');
      return { cardAccount: (loose ? looseAccountView : cardAccountView)(a, call.consent, withBalance, today()) };
    });
    for (const family of ['accounts', 'card-accounts'] as const) {
      get(`${prefix}/${family}/:id/balances`, (req) => {
        const call = ais(req);
        const a = account(call, family, (req.params as { id: string }).id, 'balances');
        unattendedAccess(ctx, call.consent, a.resourceId, call.caller.psuPresent)();
        if (loose) return { account: looseAccountReference(a), balances: looseBalances(a, today()) };
        const ref = family === 'accounts' ? { iban: a.iban, currency: a.currency } : { maskedPan: a.maskedPan };
        return { [family === 'accounts' ? 'account' : 'cardAccount']: ref, balances: balancesOf(a, today(), 'string') };
      });
      get(`${prefix}/${family}/:id/transactions`, (req) => {
        let query: ReportQuery | undefined;
        const call = ais(req, () => {
          query = parseReportQuery(req.query as Record<string, unknown>, today());
        });
        const q = query as ReportQuery;
        const a = account(call, family, (req.params as { id: string }).id, 'transactions');
        return transactionReport(call, a, family, q);
      });
    }
    get(`${prefix}/accounts/:id/transactions/:transactionId`, (req) => {
      const call = ais(req);
      const { id, transactionId } = req.params as { id: string; transactionId: string };
      const a = account(call, 'accounts', id, 'transactions');
      const twins = loose ? twinsOf(a) : new Set<BankTransaction>();
      const t = a.transactions.find((x) => (loose ? looseWireId(x, twins) : x.transactionId) === transactionId);
      if (t === undefined) return reject(404, 'RESOURCE_UNKNOWN', `No transaction ${transactionId} on this account`);
      if (loose) return { transactionsDetails: looseTransactionView(t, twins) };
      return { transactions: { [t.status]: [transactionView(t)] }, account: { iban: a.iban } };
    });
  }

  function transactionReport(call: AisCall, a: BankAccount, family: Family, q: ReportQuery) {
    const owner = { clientId: call.caller.app.clientId, consentId: call.consent.consentId, resourceId: a.resourceId };
    const markKey = `${call.consent.consentId}|${a.resourceId}`;
    let record = () => {};
    let report;
    let offset = 0;
    if (q.pageToken !== undefined) {
      // A follow-up page of one report is the same access: not counted again.
      ({ report, offset } = pages.resume(q.pageToken, owner));
    } else {
      record = unattendedAccess(ctx, call.consent, a.resourceId, call.caller.psuPresent);
      report = selectTransactions(a, q, ctx.state.data.deltaMarks[markKey]);
      const newest = a.transactions.reduce((m, t) => Math.max(m, Number(t.entryReference)), 0);
      ctx.state.data.deltaMarks[markKey] = newest;
    }
    const page = pages.page(report, offset, ctx.options.pageSize, owner);
    record();
    const view = transactionWire(a, ctx.options.dialect);
    const links: Record<string, { href: string }> = { account: { href: `/v1/${family}/${a.resourceId}` } };
    if (page.next !== undefined) {
      const params = new URLSearchParams({ bookingStatus: q.bookingStatus, pageToken: page.next });
      links['next'] = { href: `/v1/${family}/${a.resourceId}/transactions?${params.toString()}` };
    }
    const granted = q.withBalance && call.consent.access.balances.includes(a.iban);
    if (loose) {
      // The other bank names card accounts and their transactions as it names plain ones.
      return {
        account: looseAccountReference(a),
        transactions: {
          booked: q.bookingStatus !== 'pending' ? page.booked.map(view) : null,
          pending: q.bookingStatus !== 'booked' ? page.pending.map(view) : null,
          _links: links,
        },
        balances: granted ? looseBalances(a, today()) : null,
      };
    }
    const lists = {
      ...(q.bookingStatus !== 'pending' ? { booked: page.booked.map(view) } : {}),
      ...(q.bookingStatus !== 'booked' ? { pending: page.pending.map(view) } : {}),
      _links: links,
    };
    const balances = granted ? { balances: balancesOf(a, today(), 'string') } : {};
    return family === 'accounts'
      ? { account: { iban: a.iban }, transactions: lists, ...balances }
      : { cardAccount: { maskedPan: a.maskedPan }, cardTransactions: lists, ...balances };
  }
}

function consentAccounts(ctx: BankContext, consent: Consent, cards: boolean): BankAccount[] {
  const psu = ctx.state.psu(consent.psuId ?? '');
  if (psu === undefined) return [];
  return psu.accounts.filter((a) => (a.kind === 'card') === cards && consent.access.accounts.includes(a.iban));
}
