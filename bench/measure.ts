/** CPU time on a quiet event loop, and the median the benches report (these machines are shared and noisy). */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
/** A full collection before each timed call, so one call's garbage is not billed to the next. */
export const gc = runInNewContext('gc') as () => void;

/** CPU milliseconds (user + system) `fn` takes, after a collection. */
export function cpuMs(fn: () => unknown): number {
  gc();
  const start = process.cpuUsage();
  fn();
  const spent = process.cpuUsage(start);
  return (spent.user + spent.system) / 1000;
}

export const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1]!;

/** The same for async work; only meaningful when nothing else runs on the event loop meanwhile. */
export async function cpuMsAsync(fn: () => Promise<unknown>): Promise<number> {
  gc();
  const start = process.cpuUsage();
  await fn();
  const spent = process.cpuUsage(start);
  return (spent.user + spent.system) / 1000;
}
