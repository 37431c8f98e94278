/**
 * The sandbox bank's gateway knobs and server-wide behaviour, through the real server over HTTP:
 * rate limit, fault injection, latency, clean errors, `dataDir`, seeded data and the CLI.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  authorizeUrl,
  bankFor,
  connectAis,
  createConsent,
  enrol,
  psuAccounts,
  testClock,
  type TestBank,
} from '../helpers/bank.js';
import { optionNames } from '../../sandbox/option-names.js';
import { useEnrolledBank } from '../helpers/enrolled-bank.js';
import { demoCertificate } from '../helpers/certificates.js';
import { readForm, submit } from '../helpers/forms.js';
import { call, psd2Headers, tppCode, type Answer } from '../helpers/http.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const METADATA = '/oauth/.well-known/oauthauthorization-server';
const CREDITOR = 'RO49AAAA1B31007593840000';

/** Banks started by a test, closed after it even when an assertion fails. */
const started: TestBank[] = [];
async function bank(options: Parameters<typeof bankFor>[0] = {}): Promise<TestBank> {
  const b = await bankFor(options);
  started.push(b);
  return b;
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((b) => b.close()));
});

/** What a faulty call can end as: an HTTP status, or a connection the bank dropped. */
type Outcome = { kind: 'answer'; answer: Answer } | { kind: 'dropped' };
async function attempt(url: string, init: RequestInit = {}): Promise<Outcome> {
  try {
    return { kind: 'answer', answer: await call(url, init) };
  } catch (error) {
    // undici rejects with "fetch failed" when the socket closes before an answer.
    expect((error as Error).message).toBe('fetch failed');
    return { kind: 'dropped' };
  }
}

/** The kind of an injected fault, or 'ok'; anything else fails the test. */
function faultKind(o: Outcome): 'dropped' | '500' | '503' | 'ok' {
  if (o.kind === 'dropped') return 'dropped';
  const { answer } = o;
  if (answer.status === 200) return 'ok';
  if (answer.status === 500) {
    expect(tppCode(answer)).toBe('INTERNAL_SERVER_ERROR');
    return '500';
  }
  expect(answer.status).toBe(503);
  expect(tppCode(answer)).toBe('SERVICE_UNAVAILABLE');
  expect(answer.headers.get('retry-after')).toMatch(/^\d+$/);
  return '503';
}

/** An error answer must not show the bank's insides. */
function expectNoInternals(answer: Answer): void {
  expect(answer.text).not.toMatch(/\bat \S+ \(|\bat \/|:\d+:\d+\)/);
  expect(answer.text).not.toContain('node_modules');
  expect(answer.text).not.toContain(ROOT);
}

const metadataAs = (b: TestBank, clientId: string) => call(`${b.url}${METADATA}`, { headers: { 'x-ibm-client-id': clientId } });

describe('gateway rate limit', () => {
  it('answers the 6th call of a client within a minute with 429 ACCESS_EXCEEDED and Retry-After', async () => {
    const clock = testClock();
    const b = await bank({ rateLimit: 5, now: clock.now });
    for (let i = 1; i <= 5; i++) {
      const ok = await metadataAs(b, 'client-a');
      expect(ok.status).toBe(200);
      expect(ok.headers.get('x-ratelimit-limit')).toBe('name=rate-limit,5;');
      expect(ok.headers.get('x-ratelimit-remaining')).toBe(`name=rate-limit,${5 - i};`);
    }
    const sixth = await metadataAs(b, 'client-a');
    expect(sixth.status).toBe(429);
    expect(tppCode(sixth)).toBe('ACCESS_EXCEEDED');
    expect(sixth.headers.get('x-ratelimit-remaining')).toBe('name=rate-limit,0;');
    // The clock has not moved since the window opened: the whole minute remains.
    expect(sixth.headers.get('retry-after')).toBe('60');

    clock.advance(30_500);
    const later = await metadataAs(b, 'client-a');
    expect(later.status).toBe(429);
    const retryAfter = Number(later.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBe(30);
  });

  it('keeps a separate window for each client id', async () => {
    const clock = testClock();
    const b = await bank({ rateLimit: 5, now: clock.now });
    for (let i = 0; i < 6; i++) await metadataAs(b, 'client-a');
    expect((await metadataAs(b, 'client-a')).status).toBe(429);
    const other = await metadataAs(b, 'client-b');
    expect(other.status).toBe(200);
    expect(other.headers.get('x-ratelimit-remaining')).toBe('name=rate-limit,4;');
  });

  it('serves the client again once the clock has moved 60 s', async () => {
    const clock = testClock();
    const b = await bank({ rateLimit: 5, now: clock.now });
    for (let i = 0; i < 5; i++) expect((await metadataAs(b, 'client-a')).status).toBe(200);
    expect((await metadataAs(b, 'client-a')).status).toBe(429);
    clock.advance(59_999);
    expect((await metadataAs(b, 'client-a')).status).toBe(429);
    clock.advance(1);
    const again = await metadataAs(b, 'client-a');
    expect(again.status).toBe(200);
    expect(again.headers.get('x-ratelimit-remaining')).toBe('name=rate-limit,4;');
  });
});

describe('gateway fault injection', () => {
  it('with faultRate 1 fails every API call with 500, 503 or a dropped connection, of at least two kinds', async () => {
    const b = await bank({ faultRate: 1, seed: 11 });
    const kinds = new Map<string, number>();
    for (let i = 0; i < 30; i++) {
      const kind = faultKind(await attempt(`${b.url}${METADATA}`));
      expect(kind).not.toBe('ok');
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    expect(kinds.size).toBeGreaterThanOrEqual(2);
  });

  it('with faultRate 0.3 and a fixed seed lets some calls through and fails others', async () => {
    const b = await bank({ faultRate: 0.3, seed: 5 });
    const counts = { ok: 0, failed: 0 };
    for (let i = 0; i < 40; i++) {
      const kind = faultKind(await attempt(`${b.url}${METADATA}`));
      if (kind === 'ok') counts.ok++;
      else counts.failed++;
    }
    expect(counts.ok).toBeGreaterThan(0);
    expect(counts.failed).toBeGreaterThan(0);
    expect(counts.ok).toBeGreaterThan(counts.failed);
  });

  it('never faults the bank pages the PSU sees, while the API calls around them fail', async () => {
    // The TPP side (enrolment, consent) is prepared in a faultless bank, kept in a data folder.
    const dir = await mkdtemp(join(tmpdir(), 'sandbox-fault-'));
    try {
      const calm = await bankFor({ dataDir: dir });
      const creds = await enrol(calm);
      const { consentId, location } = await createConsent(calm, creds);
      const [iban] = (await psuAccounts(calm, 'demo')).map((a) => a.iban);
      await calm.close();

      const faulty = await bank({ dataDir: dir, faultRate: 1, seed: 3 });
      const url = new URL(authorizeUrl(location));
      const start = await call(`${faulty.origin}${url.pathname}${url.search}`);
      expect(start.status).toBe(200);
      expect(start.headers.get('content-type')).toContain('text/html');
      const afterLogin = await submit(readForm(start.text, faulty.origin), [['username', 'demo'], ['accessCode', '123456']]);
      expect(afterLogin.status).toBe(200);
      const decided = await submit(readForm(await afterLogin.text(), faulty.origin), [['decision', 'allow'], ['accounts', iban as string]]);
      expect(decided.status).toBe(302);
      const code = new URL(decided.headers.get('location') as string).searchParams.get('code');
      expect(code).toMatch(/^[A-Za-z0-9_-]{20,}$/);

      // The token endpoint is an API call: faulted.
      const exchanged = await attempt(`${faulty.url}/oauthcec/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', 'x-ibm-client-id': creds.clientId },
        body: new URLSearchParams({ grant_type: 'authorization_code', client_id: creds.clientId, code: code as string, redirect_uri: creds.redirectUri, scope: `AIS:${consentId}` }),
      });
      expect(faultKind(exchanged)).not.toBe('ok');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('gateway latency', () => {
  it('delays an answer by at least latencyMs', async () => {
    const b = await bank({ latencyMs: 200 });
    const t0 = performance.now();
    const answer = await call(`${b.url}${METADATA}`);
    const elapsed = performance.now() - t0;
    expect(answer.status).toBe(200);
    expect(elapsed).toBeGreaterThanOrEqual(200);
  });
});

describe('clean errors', () => {
  const env = useEnrolledBank({ bodyLimit: 1024 });
  const payment = (extra: Record<string, string>, body: string) =>
    call(`${env.bank.url}/psd29p/v1/payments/sepa-credit-transfers`, {
      method: 'POST',
      headers: psd2Headers(env.creds.clientId, { 'TPP-Redirect-URI': env.creds.redirectUri, ...extra }),
      body,
    });

  it('answers an unknown path with 404 RESOURCE_UNKNOWN in JSON', async () => {
    for (const url of [`${env.bank.url}/psd29c/v1/nothing-here`, `${env.bank.origin}/nowhere`]) {
      const answer = await call(url);
      expect(answer.status).toBe(404);
      expect(answer.headers.get('content-type')).toContain('application/json');
      expect(tppCode(answer)).toBe('RESOURCE_UNKNOWN');
      expectNoInternals(answer);
    }
  });

  it('answers malformed JSON with 400 FORMAT_ERROR', async () => {
    const answer = await payment({ 'Content-Type': 'application/json' }, '{"instructedAmount": {');
    expect(answer.status).toBe(400);
    expect(tppCode(answer)).toBe('FORMAT_ERROR');
    expectNoInternals(answer);
  });

  it('answers a body over bodyLimit with 413 and a tppMessages body', async () => {
    const body = JSON.stringify({
      instructedAmount: { currency: 'RON', amount: '1.00' },
      creditorAccount: { iban: CREDITOR },
      creditorName: 'Ion Popescu',
      remittanceInformationUnstructured: 'x'.repeat(2000),
    });
    const answer = await payment({ 'Content-Type': 'application/json' }, body);
    expect(answer.status).toBe(413);
    expect(tppCode(answer)).toBe('FORMAT_ERROR');
    expectNoInternals(answer);
  });

  it('answers text/plain on a JSON route with 400 FORMAT_ERROR, never 500', async () => {
    const answer = await payment({ 'Content-Type': 'text/plain' }, '{"instructedAmount":{"currency":"RON","amount":"1.00"}}');
    expect(answer.status).toBe(400);
    expect(tppCode(answer)).toBe('FORMAT_ERROR');
    expectNoInternals(answer);
  });

  it('answers a content type it cannot parse with 415 FORMAT_ERROR', async () => {
    const answer = await payment({ 'Content-Type': 'application/xml' }, '<Document/>');
    expect(answer.status).toBe(415);
    expect(tppCode(answer)).toBe('FORMAT_ERROR');
    expectNoInternals(answer);
  });

  it('answers a register call with a broken body without stack frames', async () => {
    const answer = await call(`${env.bank.url}/dynamic-users-register/portal/users/register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'TPP-Signature-Certificate': demoCertificate },
      body: '[1,',
    });
    expect(answer.status).toBe(400);
    expect(tppCode(answer)).toBe('FORMAT_ERROR');
    expectNoInternals(answer);
  });
});

describe('dataDir', () => {
  it('keeps the client, consent and access token across a restart, in a valid JSON file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sandbox-data-'));
    try {
      const first = await bankFor({ dataDir: dir });
      const creds = await enrol(first);
      const ais = await connectAis(first, creds);
      await first.close();

      const file = await readFile(join(dir, 'sandbox-bank.json'), 'utf8');
      const saved = JSON.parse(file) as { version: number; apps: { clientId: string }[]; consents: { consentId: string }[] };
      expect(saved.version).toBe(2);
      expect(saved.apps.map((a) => a.clientId)).toContain(creds.clientId);
      expect(saved.consents.map((c) => c.consentId)).toContain(ais.consentId);

      const second = await bank({ dataDir: dir });
      expect(second.origin).not.toBe('');
      const accounts = await call<{ accounts: { iban: string }[] }>(`${second.url}/psd29c/v1/accounts`, {
        headers: psd2Headers(creds.clientId, { Authorization: `Bearer ${ais.accessToken}`, 'Consent-ID': ais.consentId }),
      });
      expect(accounts.status).toBe(200);
      const demo = await psuAccounts(second, 'demo');
      expect(accounts.body.accounts.map((a) => a.iban).sort()).toEqual(demo.filter((a) => a.kind !== 'card').map((a) => a.iban).sort());
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('seeded demo data', () => {
  const psus = async (b: TestBank) => (await call<{ psus: unknown[] }>(`${b.origin}/sandbox/psus`)).body.psus;

  it('serves identical PSUs and IBANs for the same seed and different ones for another seed', async () => {
    const clock = testClock();
    const a = await bank({ seed: 7, now: clock.now });
    const b = await bank({ seed: 7, now: clock.now });
    const c = await bank({ seed: 8, now: clock.now });
    const [pa, pb, pc] = await Promise.all([psus(a), psus(b), psus(c)]);
    expect(pa.length).toBeGreaterThan(0);
    expect(pb).toEqual(pa);
    const ibans = (list: unknown[]) => (list as { accounts: { iban: string }[] }[]).flatMap((p) => p.accounts.map((x) => x.iban));
    expect(ibans(pc)).not.toEqual(ibans(pa));
  });

  it('gives every PSU 6 accounts with accounts: 6', async () => {
    const b = await bank({ accounts: 6 });
    const list = (await psus(b)) as { userId: string; accounts: unknown[] }[];
    expect(list.length).toBeGreaterThan(0);
    for (const p of list) expect(p.accounts).toHaveLength(6);
  });

  it('books about 300 transactions per account with transactionsPerAccount: 300', async () => {
    const b = await bank({ transactionsPerAccount: 300 });
    const creds = await enrol(b);
    const ais = await connectAis(b, creds);
    const headers = psd2Headers(creds.clientId, { Authorization: `Bearer ${ais.accessToken}`, 'Consent-ID': ais.consentId, 'PSU-IP-Address': '192.0.2.10' });
    const list = await call<{ accounts: { resourceId: string; iban: string }[] }>(`${b.url}/psd29c/v1/accounts`, { headers });
    expect(list.status).toBe(200);
    expect(list.body.accounts.length).toBeGreaterThanOrEqual(3);
    const from = new Date();
    from.setUTCFullYear(from.getUTCFullYear() - 3);
    for (const account of list.body.accounts) {
      const report = await call<{ transactions: { booked: unknown[] } }>(
        `${b.url}/psd29c/v1/accounts/${account.resourceId}/transactions?bookingStatus=booked&dateFrom=${from.toISOString().slice(0, 10)}`,
        { headers },
      );
      expect(report.status).toBe(200);
      expect(report.body.transactions.booked.length).toBeGreaterThanOrEqual(270);
      expect(report.body.transactions.booked.length).toBeLessThanOrEqual(330);
    }
  });
});

// Each test starts a fresh node + tsx process: room for a loaded machine, not a timing assumption.
describe('CLI', { timeout: 90_000 }, () => {
  interface Run {
    code: number | null;
    stdout: string;
    stderr: string;
  }
  const tsx = join(ROOT, 'node_modules/.bin/tsx');
  const cli = (args: string[]) => spawn(tsx, ['sandbox/cli.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const finish = (args: string[]) =>
    new Promise<Run>((resolve, reject) => {
      const child = cli(args);
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });

  it('prints the bank URL on a line of its own and serves the metadata there until killed', async () => {
    const child = cli(['--port', '0', '--seed', '7']);
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        let err = '';
        child.stderr.on('data', (d: Buffer) => (err += d.toString()));
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const line = out.split('\n').find((l) => /^http:\/\/127\.0\.0\.1:\d+\/cec\/prod$/.test(l));
          if (line !== undefined) resolve(line);
        });
        child.on('close', (code) => reject(new Error(`the CLI exited (${String(code)}) before printing its URL:\n${out}\n${err}`)));
      });
      const metadata = await call<Record<string, string>>(`${url}${METADATA}`);
      expect(metadata.status).toBe(200);
      expect(metadata.body['issuer']).toBe(new URL(url).origin);
      expect(metadata.body['token_endpoint']).toBe(`${url}/oauth/oauth2/token`);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  it('exits non-zero with a message for --fault-rate 2', async () => {
    const run = await finish(['--port', '0', '--fault-rate', '2']);
    expect(run.code).toBe(2);
    // The same parser as the app's --sandbox-option, so the message names the option, not the flag.
    expect(run.stderr).toContain('sandbox bank: fault-rate must be a number between 0 and 1, not "2"');
    expect(run.stdout).not.toMatch(/^http:/m);
  });

  it('prints its usage for --help and exits 0', async () => {
    const run = await finish(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('npm run sandbox -- [options]');
    for (const o of optionNames) expect(run.stdout).toMatch(new RegExp(`^  --${o.name}\\b`, 'm'));
  });
});
