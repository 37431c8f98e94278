/**
 * Small helpers shared by the `accounts-*.test.ts` suites (AccountsC, the digest's §2.6 and §5).
 * They only build requests and read decimals; every behaviour is asserted in the suites.
 */
import { isValidIBAN } from 'ibantools';
import { beforeAll } from 'vitest';
import type { SandboxOptions } from '../../sandbox/index.js';
import { connectAis, testClock, type TestBank } from '../helpers/bank.js';
import { useEnrolledBank, type EnrolledBankFixture } from '../helpers/enrolled-bank.js';
import { call, psd2Headers, type Answer } from '../helpers/http.js';

/**
 * The bank clock's start for these suites: a winter day (Bucharest is UTC+2) after the demo
 * certificate's `notBefore`. (`testClock()`'s default, 2026-11-26T10:00Z, lies before it.)
 */
export const WINTER_DAY = '2027-01-14';
export const clockStart = (time = '10:00:00'): Date => new Date(`${WINTER_DAY}T${time}Z`);

/** A documentation address (RFC 5737): the PSU is present when the TPP forwards it. */
const PSU_IP = '192.0.2.10';

export interface AisConnection {
  consentId: string;
  accessToken: string;
}

export interface AisReader {
  /** GET `${bank.url}/psd29c${path}` with every header of §2.6; `extra` adds or overrides (undefined removes). */
  get(path: string, extra?: Record<string, string | undefined>): Promise<Answer<any>>;
}

/** Reads AccountsC as a TPP. `psuPresent` adds `PSU-IP-Address`, so reads are not unattended accesses. */
export function aisReader(bank: TestBank, clientId: string, c: AisConnection, opts: { psuPresent?: boolean } = {}): AisReader {
  const present = opts.psuPresent ?? true;
  return {
    get: (path, extra = {}) =>
      call(`${bank.url}/psd29c${path}`, {
        headers: psd2Headers(clientId, {
          Authorization: `Bearer ${c.accessToken}`,
          'Consent-ID': c.consentId,
          ...(present ? { 'PSU-IP-Address': PSU_IP } : {}),
          ...extra,
        }),
      }),
  };
}

/** iban → resourceId of the (non-card) accounts a reader sees in `/v1/accounts`. */
export async function resourceIds(reader: AisReader): Promise<Map<string, string>> {
  const list = await reader.get('/v1/accounts');
  if (list.status !== 200) throw new Error(`account list: ${list.status} ${list.text}`);
  return new Map<string, string>(list.body.accounts.map((a: any) => [a.iban, a.resourceId]));
}

/**
 * A wire amount (JSON number or decimal string) as integer minor units, read from its decimal
 * text — never through binary floating point arithmetic. Throws on anything but 0–2 decimals.
 */
export function minorOf(amount: unknown): bigint {
  const text = typeof amount === 'number' ? String(amount) : amount;
  const m = typeof text === 'string' ? /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text) : null;
  if (m === null) throw new Error(`not a 2-decimal amount: ${JSON.stringify(amount)}`);
  const minor = BigInt(m[2] as string) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' ? -minor : minor;
}

/** CEC's IBAN form (RO, check digits, bank code CECE, 16 characters) and valid mod-97 (ISO 13616). */
export const isCecIban = (iban: unknown): boolean =>
  typeof iban === 'string' && /^RO\d{2}CECE[A-Z0-9]{16}$/.test(iban) && isValidIBAN(iban);

/** `n` calendar months before an ISO date (day clamped to the month's end). */
export function monthsBefore(isoDate: string, n: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 - n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** The value N of CEC's `name=rate-limit,N;` header form, or NaN. */
export const rateLimitValue = (h: string | null): number => {
  const m = /^name=rate-limit,(\d+);$/.exec(h ?? '');
  return m === null ? Number.NaN : Number(m[1]);
};

export interface AisBank extends EnrolledBankFixture {
  clock: ReturnType<typeof testClock>;
  /** A consent of `demo` with every account, balance and transaction ticked. */
  connection: AisConnection;
  /** Reads with that consent, the PSU present. */
  reader: AisReader;
}

/**
 * One sandbox for the enclosing `describe` (`useEnrolledBank`), its clock at `start`, plus a full
 * AIS consent of `demo` read with the PSU present. Filled in once the `beforeAll`s have run.
 */
export function aisBank(options: SandboxOptions = {}, start = clockStart()): AisBank {
  const clock = testClock(start);
  const ctx = useEnrolledBank({ now: clock.now, ...options }) as AisBank;
  ctx.clock = clock;
  beforeAll(async () => {
    ctx.connection = await connectAis(ctx.bank, ctx.creds);
    ctx.reader = aisReader(ctx.bank, ctx.creds.clientId, ctx.connection);
  });
  return ctx;
}
