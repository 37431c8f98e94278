import { NetworkError } from '../errors.js';

export interface SendInit {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
}

/**
 * One HTTP exchange with the bank. A failure to get any answer (refused, reset, DNS, timeout)
 * becomes a NetworkError, which the UI shows as "offline"; HTTP errors are the caller's to read.
 */
export async function send(fetchFn: typeof fetch, url: string, init: SendInit): Promise<Response> {
  const timeout = AbortSignal.timeout(init.timeoutMs ?? 30_000);
  const signal = init.signal === undefined ? timeout : AbortSignal.any([init.signal, timeout]);
  try {
    return await fetchFn(url, { method: init.method, headers: init.headers, body: init.body, signal, redirect: 'manual' });
  } catch (cause) {
    if (init.signal?.aborted === true) throw cause;
    const reason = timeout.aborted ? `no answer within ${init.timeoutMs ?? 30_000} ms` : 'the connection failed';
    throw new NetworkError(`${init.method} ${new URL(url).pathname}: ${reason}`, { cause });
  }
}
