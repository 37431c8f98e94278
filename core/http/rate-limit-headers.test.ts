import { describe, expect, it } from 'vitest';
import { readRateLimit } from './rate-limit-headers.js';

const read = (headers: Record<string, string>, nowMs?: number) => readRateLimit(new Headers(headers), nowMs);

describe('readRateLimit', () => {
  it("reads CEC's named form of the digest §3.6", () => {
    expect(read({ 'X-RateLimit-Limit': 'name=rate-limit,100;', 'X-RateLimit-Remaining': 'name=rate-limit,98;' })).toEqual({ remaining: 98, limit: 100 });
  });

  it('takes the tightest of several named limits, with its own quota', () => {
    expect(
      read({
        'X-RateLimit-Limit': 'name=rate-limit,100; name=burst-limit,10;',
        'X-RateLimit-Remaining': 'name=rate-limit,98; name=burst-limit,3;',
      }),
    ).toEqual({ remaining: 3, limit: 10 });
  });

  it('reads plain integers, with or without a limit', () => {
    expect(read({ 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': ' 7 ' })).toEqual({ remaining: 7, limit: 60 });
    expect(read({ 'x-ratelimit-remaining': '0' })).toEqual({ remaining: 0 });
  });

  it("reads the IETF draft's separate RateLimit-* fields, a reset in seconds or as epoch seconds", () => {
    expect(read({ 'RateLimit-Limit': '100', 'RateLimit-Remaining': '50', 'RateLimit-Reset': '30' })).toEqual({ remaining: 50, limit: 100, resetMs: 30_000 });
    expect(read({ 'RateLimit-Remaining': '5', 'RateLimit-Reset': '1800000045' }, 1_800_000_000_000)).toEqual({ remaining: 5, resetMs: 45_000 });
  });

  it("reads the draft's combined and structured RateLimit fields", () => {
    expect(read({ RateLimit: 'limit=100, remaining=50, reset=30' })).toEqual({ remaining: 50, limit: 100, resetMs: 30_000 });
    expect(read({ RateLimit: '"default";r=12;t=40', 'RateLimit-Policy': '"default";q=100;w=60' })).toEqual({ remaining: 12, limit: 100, resetMs: 40_000 });
  });

  it('ignores junk without throwing: no reading, or the parts that can be read', () => {
    expect(read({})).toBeUndefined();
    expect(read({ 'X-RateLimit-Remaining': 'lots' })).toBeUndefined();
    expect(read({ 'X-RateLimit-Remaining': 'name=rate-limit,-3;' })).toBeUndefined();
    expect(read({ 'X-RateLimit-Remaining': 'name=rate-limit,1e3;' })).toBeUndefined();
    expect(read({ 'X-RateLimit-Remaining': '99999999999999999999' })).toBeUndefined();
    expect(read({ 'X-RateLimit-Remaining': '4.5' })).toBeUndefined();
    expect(read({ RateLimit: 'remaining=many' })).toBeUndefined();
    expect(read({ 'X-RateLimit-Remaining': 'name=rate-limit,9;', 'X-RateLimit-Limit': 'unlimited' })).toEqual({ remaining: 9 });
    expect(read({ 'X-RateLimit-Remaining': '9', 'X-RateLimit-Reset': 'soon' })).toEqual({ remaining: 9 });
    // An unreadable X- pair falls through to a readable IETF one.
    expect(read({ 'X-RateLimit-Remaining': '?', 'RateLimit-Remaining': '3' })).toEqual({ remaining: 3 });
  });
});
