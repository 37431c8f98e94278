/**
 * What an answer says of the gateway's rate limit: calls left in the current window, the
 * window's quota and, when the gateway says so, how long until the quota resets.
 */
export interface RateLimitReading {
  remaining: number;
  limit?: number;
  /** Milliseconds from the answer until the window resets, when the answer says. */
  resetMs?: number;
}

/** A reset further off than this is an instant in epoch seconds, not a delay (GitHub-style `X-RateLimit-Reset`). */
const LONGEST_DELAY_S = 86_400;

const INTEGER = /^\d{1,12}$/;
const toInt = (s: string | undefined): number | undefined => (s !== undefined && INTEGER.test(s.trim()) ? Number(s.trim()) : undefined);

/**
 * `name=rate-limit,98;` as CEC's IBM gateway writes it (digest §3.6), possibly several
 * `name=…,N;` entries in one header: each entry's number by its name.
 */
function namedCounts(value: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of value.matchAll(/name\s*=\s*([^,;\s]+)\s*,\s*(\d{1,12})\s*(?:;|$)/g)) {
    const [, name, count] = m;
    if (name !== undefined && count !== undefined) out.set(name, Number(count));
  }
  return out;
}

/** A quota: a plain integer, the entry called `name`, or the only named entry. */
function limitFrom(value: string | null, name?: string): number | undefined {
  if (value === null) return undefined;
  const plain = toInt(value);
  if (plain !== undefined) return plain;
  const named = namedCounts(value);
  if (name !== undefined && named.has(name)) return named.get(name);
  return named.size === 1 ? [...named.values()][0] : undefined;
}

/**
 * The `X-RateLimit-*` / `RateLimit-*` pair: CEC's named form or a plain integer. With several
 * named limits the tightest (fewest remaining) one counts, with its own quota.
 */
function readPair(remainingValue: string, limitValue: string | null): Pick<RateLimitReading, 'remaining' | 'limit'> | undefined {
  const plain = toInt(remainingValue);
  const tightest = plain === undefined ? [...namedCounts(remainingValue)].sort((a, b) => a[1] - b[1])[0] : undefined;
  const remaining = plain ?? tightest?.[1];
  if (remaining === undefined) return undefined;
  const limit = limitFrom(limitValue, tightest?.[0]);
  return { remaining, ...(limit !== undefined && { limit }) };
}

/** Parameters of one list member of a structured header: `"default";r=50;t=30` or `limit=100, remaining=50, reset=30`. */
function params(value: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of value.matchAll(/([a-z][a-z0-9_-]*)\s*=\s*("?)([^",;]*)\2/gi)) {
    const [, key, , v] = m;
    if (key !== undefined && v !== undefined && !out.has(key.toLowerCase())) out.set(key.toLowerCase(), v.trim());
  }
  return out;
}

/** A reset in delay-seconds, or in epoch seconds when it is too large to be a delay. */
function resetMs(value: string | undefined, nowMs: number): number | undefined {
  const n = toInt(value);
  if (n === undefined) return undefined;
  return n <= LONGEST_DELAY_S ? n * 1000 : Math.max(0, n * 1000 - nowMs);
}

/**
 * Reads the rate-limit headers of an answer, or `undefined` when it has none that can be read.
 * Forms: CEC's `X-RateLimit-Remaining: name=rate-limit,98;`, a plain integer, the IETF draft's
 * `RateLimit-Remaining`/`-Limit`/`-Reset`, its combined `RateLimit: limit=100, remaining=50,
 * reset=30` and its structured `RateLimit: "default";r=50;t=30` with `RateLimit-Policy:
 * "default";q=100;w=60`. Junk is ignored, never thrown: a gateway's header must not fail a call.
 * @see draft-ietf-httpapi-ratelimit-headers
 */
export function readRateLimit(headers: Headers, nowMs: number = Date.now()): RateLimitReading | undefined {
  for (const prefix of ['x-ratelimit', 'ratelimit']) {
    const remaining = headers.get(`${prefix}-remaining`);
    if (remaining === null) continue;
    const pair = readPair(remaining, headers.get(`${prefix}-limit`));
    if (pair === undefined) continue;
    const reset = resetMs(headers.get(`${prefix}-reset`) ?? undefined, nowMs);
    return { ...pair, ...(reset !== undefined && { resetMs: reset }) };
  }
  const combined = headers.get('ratelimit');
  if (combined === null) return undefined;
  const p = params(combined);
  const remaining = toInt(p.get('remaining') ?? p.get('r'));
  if (remaining === undefined) return undefined;
  const policy = params(headers.get('ratelimit-policy') ?? '');
  const limit = toInt(p.get('limit') ?? policy.get('q'));
  const reset = resetMs(p.get('reset') ?? p.get('t'), nowMs);
  return { remaining, ...(limit !== undefined && { limit }), ...(reset !== undefined && { resetMs: reset }) };
}
