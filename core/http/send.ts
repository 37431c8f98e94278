import { NetworkError } from '../errors.js';
import { noteExchange } from '../logging/bank-exchanges.js';

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
 * Every answer is noted (method, URL without query, status, request id) for the log of the call.
 */
export async function send(fetchFn: typeof fetch, url: string, init: SendInit): Promise<Response> {
  const timeout = AbortSignal.timeout(init.timeoutMs ?? 30_000);
  const signal = init.signal === undefined ? timeout : AbortSignal.any([init.signal, timeout]);
  const started = Date.now();
  let res: Response;
  try {
    res = await fetchFn(url, { method: init.method, headers: init.headers, body: init.body, signal, redirect: 'manual' });
  } catch (cause) {
    if (init.signal?.aborted === true) throw cause;
    const reason = timeout.aborted ? `no answer within ${init.timeoutMs ?? 30_000} ms` : 'the connection failed';
    throw new NetworkError(`${init.method} ${new URL(url).pathname}: ${reason}`, { cause });
  }
  const where = new URL(url);
  const sent = Object.entries(init.headers).find(([name]) => name.toLowerCase() === 'x-request-id')?.[1];
  const requestId = res.headers.get('x-request-id') ?? sent;
  noteExchange({ method: init.method, url: `${where.origin}${where.pathname}`, status: res.status, ...(requestId !== undefined && { requestId }), ms: Date.now() - started });
  return res;
}
