import { authorizeByForms, authorizeUrl, exchangeCode, type Credentials, type TestBank } from './bank.js';
import { call, psd2Headers, type Answer } from './http.js';

export const SINGLE = '/psd29p/v1/payments/sepa-credit-transfers';
export const BULK = '/psd29p/v1/bulk-payments/sepa-credit-transfers';
export const BULK_D = '/psd29p/v1/d/bulk-payments/sepa-credit-transfers';

/** An address the PSU is at: AIS reads that carry it are not unattended (§5), so tests never hit the daily limit. */
const PSU_PRESENT = { 'PSU-IP-Address': '192.0.2.10' };

/** POSTs a payment initiation with the digest's §3.1 headers; a string body is sent as is. */
export function initiate(
  bank: TestBank,
  creds: Credentials,
  body: unknown,
  opts: { path?: string; headers?: Record<string, string | undefined> } = {},
): Promise<Answer<any>> {
  return call(`${bank.url}${opts.path ?? SINGLE}`, {
    method: 'POST',
    headers: psd2Headers(creds.clientId, { 'Content-Type': 'application/json', 'TPP-Redirect-URI': creds.redirectUri, ...opts.headers }),
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** The id an initiation answered with: `paymentId` for a single payment, `paymentIdBulk` for a bulk. */
export function idOf(answer: Answer<any>): string {
  const id = answer.body?.paymentId ?? answer.body?.paymentIdBulk;
  if (answer.status !== 201 || typeof id !== 'string') throw new Error(`initiation: ${answer.status} ${answer.text}`);
  return id;
}

/** Confirms on the bank's page (picking `debtorIban` when given), exchanges the code; returns the PIS access token. */
export async function authorisePayment(
  bank: TestBank,
  creds: Credentials,
  location: string,
  id: string,
  opts: { debtorIban?: string; user?: string } = {},
): Promise<string> {
  const back = await authorizeByForms(bank, authorizeUrl(location), { decision: 'confirm', ...opts });
  const code = back.searchParams.get('code');
  if (code === null) throw new Error(`no code: ${back.toString()}`);
  const token = await exchangeCode(bank, creds, code, `PIS:${id}`);
  if (token.status !== 200) throw new Error(`token: ${token.status} ${token.text}`);
  return token.body['access_token'] as string;
}

/** Initiates and authorises in one go; returns the id and the PIS token. */
export async function pay(
  bank: TestBank,
  creds: Credentials,
  body: unknown,
  opts: { path?: string; debtorIban?: string; user?: string } = {},
): Promise<{ id: string; token: string }> {
  const res = await initiate(bank, creds, body, { path: opts.path });
  const id = idOf(res);
  const token = await authorisePayment(bank, creds, res.headers.get('location') as string, id, { debtorIban: opts.debtorIban, user: opts.user });
  return { id, token };
}

/** A GET of PaymentsC with the PIS (or any) bearer; no bearer when `token` is undefined. */
export function pisGet(bank: TestBank, creds: Credentials, path: string, token: string | undefined): Promise<Answer<any>> {
  return call(`${bank.url}${path}`, {
    headers: psd2Headers(creds.clientId, { Authorization: token === undefined ? undefined : `Bearer ${token}` }),
  });
}

export const statusOf = async (bank: TestBank, creds: Credentials, path: string, token: string): Promise<string> => {
  const res = await pisGet(bank, creds, `${path}/status`, token);
  if (res.status !== 200) throw new Error(`status: ${res.status} ${res.text}`);
  return res.body.transactionStatus as string;
};

/**
 * Exact decimal text ("-102.59", "26.46", 22, -3.5) to integer hundredths, by the digits: no
 * binary floating point arithmetic touches the value.
 */
export function cents(amount: string | number): number {
  const text = typeof amount === 'number' ? String(amount) : amount;
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (m === null) throw new Error(`not an amount with at most 2 decimals: ${text}`);
  const value = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(value)) throw new Error(`amount too large: ${text}`);
  return m[1] === '-' ? -value : value;
}

/** Integer hundredths as the decimal text the bank expects ("3.50"). */
export function decimal(hundredths: number): string {
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(hundredths);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** The bank's calendar day (Europe/Bucharest) of an instant. */
export const bucharestDay = (at: Date): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Bucharest', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

export interface AisConnection {
  consentId: string;
  accessToken: string;
}

/** Reads one PSU's accounts through an AIS connection, as a present PSU. */
export function aisReader(bank: TestBank, creds: Credentials, conn: AisConnection) {
  const headers = () => psd2Headers(creds.clientId, { 'Consent-ID': conn.consentId, Authorization: `Bearer ${conn.accessToken}`, ...PSU_PRESENT });
  const get = async (path: string): Promise<any> => {
    const res = await call(`${bank.url}/psd29c/v1${path}`, { headers: headers() });
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${res.text}`);
    return res.body;
  };
  const resourceIds = new Map<string, string>();
  const resourceOf = async (iban: string): Promise<string> => {
    if (!resourceIds.has(iban)) {
      const list = await get('/accounts');
      for (const a of list.accounts as { iban: string; resourceId: string }[]) resourceIds.set(a.iban, a.resourceId);
    }
    const id = resourceIds.get(iban);
    if (id === undefined) throw new Error(`${iban} is not in the consent`);
    return id;
  };
  const balance = async (iban: string, type: 'closingBooked' | 'interimAvailable'): Promise<number> => {
    const body = await get(`/accounts/${await resourceOf(iban)}/balances`);
    const found = (body.balances as { balanceType: string; balanceAmount: { amount: string } }[]).find((b) => b.balanceType === type);
    if (found === undefined) throw new Error(`no ${type} balance`);
    return cents(found.balanceAmount.amount);
  };
  return {
    /** closingBooked in integer hundredths. */
    booked: (iban: string) => balance(iban, 'closingBooked'),
    /** interimAvailable in integer hundredths. */
    available: (iban: string) => balance(iban, 'interimAvailable'),
    /** The booked transactions from `dateFrom`, as the bank sends them. */
    bookedTransactions: async (iban: string, dateFrom: string): Promise<any[]> => {
      const body = await get(`/accounts/${await resourceOf(iban)}/transactions?bookingStatus=booked&dateFrom=${dateFrom}`);
      return body.transactions.booked as any[];
    },
  };
}

/** The transactions of `after` whose ids `before` does not have. */
export const newTransactions = (before: any[], after: any[]): any[] => {
  const seen = new Set(before.map((t) => t.transactionId as string));
  return after.filter((t) => !seen.has(t.transactionId as string));
};
