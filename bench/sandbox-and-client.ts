/**
 * `npm run bench`: figures for the sandbox bank at benchmark scale and for the client reading it.
 * Prints numbers and ratios against targets; never asserts (benchmarks are not tests).
 *
 *   generate        2 PSUs × 8 accounts × 10,000 transactions (target < 2,000 ms)
 *   report          one 10,000-transaction account read through core's AIS client, unpaged and
 *                   paged by 500 (target < 1,000 ms unpaged on loopback)
 *   exact JSON      core's exact-number parse vs JSON.parse on the same report, side by side, also
 *                   with the amounts written to two decimals as other banks do (bench/json-parse.ts)
 *
 * Every figure also goes to bench/results.json.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { cecProfile } from '../core/profiles/bank-profile.js';
import { getAccountListRequest, getTransactionListRequest, processAccountListResponse, processTransactionListResponse } from '../core/psd2/accounts.js';
import { toHeaderCertificate, type Psd2Context } from '../core/psd2/psd2-context.js';
import { generatePsus } from '../sandbox/data/generate.js';
import { startSandbox } from '../sandbox/index.js';
import { enrolAsDeveloper } from '../sandbox/demo-developer.js';
import { playPsu } from '../sandbox/demo-psu.js';
import { benchJsonParse } from './json-parse.js';
import { report, writeResults } from './results.js';

const PER_ACCOUNT = 10_000;

async function time<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

async function connect(url: string) {
  const cert = readFileSync(new URL('../sandbox/demo-tpp/demo-tpp.cert.pem', import.meta.url), 'utf8');
  const redirect = 'https://bench.invalid/cb';
  const { clientId } = await enrolAsDeveloper(url, { certificatePem: cert, redirectUri: redirect, organization: 'Bench' });
  const ctx: Psd2Context = { fetch, baseUrl: url, profile: cecProfile, clientId, certificate: toHeaderCertificate(cert), newRequestId: randomUUID };
  const consent = await fetch(`${url}/psd29c/v1/consents`, { method: 'POST', headers: { 'x-ibm-client-id': clientId, 'X-Request-ID': randomUUID(), 'TPP-Signature-Certificate': ctx.certificate, 'TPP-Redirect-URI': redirect } });
  const { consentId } = (await consent.json()) as { consentId: string };
  const authorize = new URL(consent.headers.get('location')!);
  const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
  authorize.searchParams.set('code_challenge', 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  const back = await playPsu(authorize.toString(), { user: 'demo', decision: 'allow' });
  const token = (await (await fetch(`${url}/oauthcec/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: 'authorization_code', client_id: clientId, code: back.searchParams.get('code')!, redirect_uri: redirect, code_verifier: verifier }) })).json()) as { access_token: string };
  return { ctx, auth: { accessToken: token.access_token, consentId } };
}

async function main(): Promise<void> {
  const [, generateMs] = await time(() => generatePsus({ seed: 42, accountsPerPsu: 8, transactionsPerAccount: PER_ACCOUNT, today: new Date() }));
  report('sandbox.generate_ms', 'generate 2 × 8 × 10,000 transactions', generateMs, 'ms', 2000);

  for (const pageSize of [undefined, 500]) {
    const bank = await startSandbox({ port: 0, transactionsPerAccount: PER_ACCOUNT, pageSize, rateLimit: 100_000 });
    const { ctx, auth } = await connect(bank.url);
    const mode = { psuIpAddress: '127.0.0.1' };
    const { accounts } = await processAccountListResponse(await getAccountListRequest(ctx, auth, mode), { connectionId: 'bench' });
    const ron = accounts.find((a) => a.currency === 'RON' && a.kind === 'account')!;
    const [count, ms] = await time(async () => {
      let n = 0;
      let next: string | undefined;
      do {
        const req = next === undefined ? { accountResourceId: ron.resourceId, bookingStatus: 'both' as const, dateFrom: '2020-01-01' } : { accountResourceId: ron.resourceId, nextHref: next };
        const page = await processTransactionListResponse(await getTransactionListRequest(ctx, auth, mode, req), { accountId: ron.id });
        n += page.transactions.length;
        next = page.next;
      } while (next !== undefined);
      return n;
    });
    const paging = pageSize === undefined ? 'unpaged' : `paged_${pageSize}`;
    report(`client.report_${paging}_ms`, `report of ${count} transactions, ${pageSize === undefined ? 'unpaged' : `pages of ${pageSize}`}`, ms, 'ms', pageSize === undefined ? 1000 : undefined);
    report(`client.report_${paging}_per_second`, '  transactions per second', (count / ms) * 1000, '/s');
    if (pageSize === undefined) {
      const res = await getTransactionListRequest(ctx, auth, mode, { accountResourceId: ron.resourceId, bookingStatus: 'both', dateFrom: '2020-01-01' });
      const text = await res.text();
      benchJsonParse(text, `the report of ${count} transactions`, 'json.');
      // Amounts as a bank writing two decimals sends them (-54.00): numbers JSON.parse alone cannot keep.
      const twoDecimals = text.replace(/"amount":(-?\d+)(?:\.(\d+))?/g, (_all, int: string, fraction = '') => `"amount":${int}.${fraction.padEnd(2, '0')}`);
      benchJsonParse(twoDecimals, 'the same, amounts written with two decimals', 'json.two_decimals.');
    }
    report(`sandbox.rss_after_${paging}_mb`, 'sandbox process RSS', process.memoryUsage().rss / 1e6, 'MB');
    await bank.close();
  }
  writeResults();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
