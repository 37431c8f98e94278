import { connectAis, enrol, type TestBank } from './bank.js';
import { call, psd2Headers } from './http.js';

/** A documentation address (RFC 5737): with it the reads are PSU-present and spend no daily budget. */
const PSU_IP = '192.0.2.10';

interface WireBalance { balanceType: string; balanceAmount: { amount: string | number; currency: string }; creditLimitIncluded?: boolean }

/** The balance that, by core's rule for totals, counts for an account: available first, a credit limit only when nothing else. */
const PREFERENCE = ['interimAvailable', 'expected', 'interimBooked', 'closingBooked', 'openingBooked', 'forwardAvailable'];
const rank = (type: string) => (PREFERENCE.includes(type) ? PREFERENCE.indexOf(type) : PREFERENCE.length);

/** A wire amount (JSON number or decimal text) as integer millionths, read from its text. */
export function microsOf(amount: string | number): bigint {
  const m = /^(-?)(\d+)(?:\.(\d{1,6}))?$/.exec(String(amount));
  if (m === null) throw new Error(`not a decimal: ${amount}`);
  const micros = BigInt(m[2] as string) * 1_000_000n + BigInt((m[3] ?? '').padEnd(6, '0'));
  return m[1] === '-' ? -micros : micros;
}

/**
 * What the bank itself says a PSU holds per currency, read through its PSD2 API as a TPP of its
 * own (a separate enrolment and consent, so the app's consents and budgets are untouched): each
 * account's and card's balances, one per account chosen as the app's totals choose.
 */
export async function bankTotals(at: Pick<TestBank, 'url' | 'origin'>, user: string): Promise<Map<string, bigint>> {
  // The bank is someone else's to stop (an embedded one, say): this reader never closes it.
  const bank: TestBank = { ...at, close: async () => {} };
  const creds = await enrol(bank);
  const c = await connectAis(bank, creds, { user });
  const get = async (path: string) => {
    const res = await call<any>(`${bank.url}/psd29c${path}`, {
      headers: psd2Headers(creds.clientId, { Authorization: `Bearer ${c.accessToken}`, 'Consent-ID': c.consentId, 'PSU-IP-Address': PSU_IP }),
    });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${res.text}`);
    return res.body;
  };
  const totals = new Map<string, bigint>();
  for (const family of ['accounts', 'card-accounts'] as const) {
    const list = (await get(`/v1/${family}`)) as Record<string, { resourceId: string }[]>;
    for (const account of list[family === 'accounts' ? 'accounts' : 'cardAccounts'] ?? []) {
      const { balances } = (await get(`/v1/${family}/${account.resourceId}/balances`)) as { balances: WireBalance[] };
      const chosen = [...balances].sort((a, b) => Number(a.creditLimitIncluded === true) - Number(b.creditLimitIncluded === true) || rank(a.balanceType) - rank(b.balanceType))[0];
      if (chosen === undefined) continue;
      const currency = chosen.balanceAmount.currency;
      totals.set(currency, (totals.get(currency) ?? 0n) + microsOf(chosen.balanceAmount.amount));
    }
  }
  return totals;
}
