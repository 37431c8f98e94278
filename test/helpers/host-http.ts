/**
 * Shared by the host's tests: raw HTTP that sends paths and headers exactly as written (fetch
 * would normalise `/../` and refuse a foreign `Host`), and stand-in handlers. Authorisations in
 * these tests are real sessions (test/helpers/auth-session.ts) at a real sandbox bank.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { methodNames, type Handlers } from '../../common/index.js';
import type { FrontEnd } from '../../core/app-handlers.js';
import { startHost, type RunningHost } from '../../host/server.js';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request to 127.0.0.1 with the path and headers given verbatim. */
export function raw(origin: string, path: string, init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<RawResponse> {
  const { port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: Number(port), path, method: init.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...init.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

/** Handlers that answer the two reads the tests call and fail loudly for anything else. */
export function stubHandlers(): Handlers {
  const entries = methodNames.map((name) => [name, async () => { throw new Error(`${name} is not part of this test`); }]);
  return {
    ...(Object.fromEntries(entries) as unknown as Handlers),
    'profiles:list': async () => [{ id: 'sandbox', kind: 'sandbox', displayName: 'CEC Bank (sandbox)' }],
    'settings:get': async () => ({ authorizationMode: 'window', autoSyncHours: 6, language: 'system', theme: 'system' }),
  };
}

/** A host over a small renderer folder, recording every response and log line for leak checks. */
export interface TestHost {
  host: RunningHost;
  secret: string;
  frontEnd: FrontEnd;
  /** The folder holding `renderer/` (the static root) and `secret.txt` beside it. */
  dir: string;
  logs: string[];
  /** URLs handed to the system browser. */
  opened: string[];
  /** Every response `call` received. */
  seen: RawResponse[];
  call(path: string, init?: Parameters<typeof raw>[2]): Promise<RawResponse>;
  /** `POST /api/invoke` with the secret, plus `headers`. */
  invoke(body: unknown, headers?: Record<string, string>): Promise<RawResponse>;
  close(): Promise<void>;
}

export async function startTestHost(): Promise<TestHost> {
  const dir = mkdtempSync(join(tmpdir(), 'conturi-host-'));
  const root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Conturi</title><script type="module" src="/assets/app.js"></script>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'outside the root');
  mkdirSync(join(root, '.hidden'));
  writeFileSync(join(root, '.env'), 'X=1');
  symlinkSync(join(dir, 'secret.txt'), join(root, 'assets', 'link.txt'));
  const logs: string[] = [];
  const opened: string[] = [];
  const seen: RawResponse[] = [];
  let frontEnd!: FrontEnd;
  const host = await startHost({
    port: 0,
    staticDir: root,
    handlers: (wiring) => ((frontEnd = wiring.frontEnd), stubHandlers()),
    openExternal: async (url) => void opened.push(url),
    log: (line) => logs.push(line),
    psuIpAddress: '192.0.2.10',
    heartbeatMs: 50,
  });
  const secret = new URL(host.url).hash.slice('#secret='.length);
  const call = async (path: string, init: Parameters<typeof raw>[2] = {}) => {
    const res = await raw(host.origin, path, init);
    seen.push(res);
    return res;
  };
  return {
    host,
    secret,
    frontEnd,
    dir,
    logs,
    opened,
    seen,
    call,
    invoke: (body, headers = {}) =>
      call('/api/invoke', { method: 'POST', headers: { 'content-type': 'application/json', 'x-conturi-secret': secret, ...headers }, body: JSON.stringify(body) }),
    async close() {
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Reads an SSE response until `needle` has arrived; returns everything read. */
export async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, needle: string, sofar = ''): Promise<string> {
  let text = sofar;
  while (!text.includes(needle)) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`stream ended before ${JSON.stringify(needle)}`);
    text += new TextDecoder().decode(value);
  }
  return text;
}
