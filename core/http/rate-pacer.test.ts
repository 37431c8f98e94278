import { describe, expect, it } from 'vitest';
import { virtualTime } from '../../test/helpers/virtual-time.js';
import { RatePacer } from './rate-pacer.js';

/** A pacer on a virtual clock; `go()` takes one turn and answers it with `reading` at once, returning when it left. */
function pacer(concurrency = 1) {
  const time = virtualTime(0);
  const p = new RatePacer({ windowMs: 60_000, concurrency, reserveShare: 0.02, now: time.now, sleep: time.sleep });
  const go = async (reading?: Parameters<RatePacer['answered']>[0]) => {
    await p.turn();
    const left = time.now();
    p.answered(reading, time.now());
    return left;
  };
  return { p, time, go };
}

describe('RatePacer', () => {
  it('lets requests go at once while more calls are left than the reserve', async () => {
    const { go } = pacer(4);
    for (const remaining of [99, 50, 10, 5]) expect(await go({ remaining, limit: 100 })).toBe(0);
  });

  it('spreads the calls left over the rest of the window once below the reserve', async () => {
    const { go, time } = pacer(1);
    // The quota's 2% is the reserve (2 of 100); a minute from the first answer is the window.
    // The spacing is set as a request leaves, from the calls left then (it included).
    expect(await go({ remaining: 3, limit: 100 })).toBe(0);
    expect(await go({ remaining: 2, limit: 100 })).toBe(0);
    // 2 left as it leaves, 60 s to go: the next waits 30 s.
    expect(await go({ remaining: 1, limit: 100 })).toBe(0);
    // The last call of the window; the next waits for the window's end.
    expect(await go({ remaining: 0, limit: 100 })).toBe(30_000);
    expect(await go({ remaining: 19, limit: 100 })).toBe(60_000);
    expect(time.elapsed()).toBe(60_000);
  });

  it('holds every request until the window ends when no call is left', async () => {
    const { go } = pacer(1);
    await go({ remaining: 0, limit: 20 });
    expect(await go()).toBe(60_000);
  });

  it('takes the window from a reset the gateway gives, instead of a minute', async () => {
    const { go } = pacer(1);
    await go({ remaining: 0, limit: 20, resetMs: 5_000 });
    expect(await go()).toBe(5_000);
  });

  it('counts requests still in flight as spent', async () => {
    const { p, time } = pacer(2);
    await p.turn();
    p.answered({ remaining: 2, limit: 100 }, time.now());
    const left: number[] = [];
    for (let i = 0; i < 3; i++) {
      await p.turn(); // none of these is answered yet
      left.push(time.now());
    }
    // Two calls were left: the third waits for the window's end, though no answer told of the other two.
    expect(left).toEqual([0, 30_000, 60_000]);
  });

  it('holds everyone behind a 429 gate, then starts a fresh window', async () => {
    const { p, go } = pacer(1);
    await go({ remaining: 0, limit: 20 });
    p.closeUntil(10_000);
    expect(await go({ remaining: 19, limit: 20 })).toBe(10_000);
    expect(await go({ remaining: 18, limit: 20 })).toBe(10_000);
  });

  it('rejects a wait the moment its signal aborts', async () => {
    const { p } = pacer(1);
    p.closeUntil(10_000);
    await expect(p.turn(AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' });
  });
});
