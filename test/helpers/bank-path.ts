import { createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the path does with one request: pass it on, send it to another bank, cut it, or answer itself. */
export type PathAction =
  | { kind: 'forward' }
  | { kind: 'forward-to'; origin: string }
  | { kind: 'drop' }
  | { kind: 'answer'; status: number; body?: unknown };

/** What the caller saw for one request that went down the path. */
export interface PathEvent {
  method: string;
  path: string;
  /** The HTTP status the client got, or `dropped` when its connection was cut. */
  outcome: number | 'dropped';
}

export interface BankPath {
  /** The bank's API base as the app sees it: this path's origin with the bank's prefix. */
  url: string;
  origin: string;
  /** Decides per request; `undefined` (the default) forwards everything to the bank. */
  route: ((req: IncomingMessage) => PathAction | undefined) | undefined;
  readonly events: PathEvent[];
  close(): Promise<void>;
}

/**
 * The network between the app and a bank, as a real HTTP server on 127.0.0.1: it forwards every
 * request to the bank, unless the test routes one elsewhere (to a bank started with its fault
 * injection on), cuts its connection (the bank unreachable), or answers it as another bank would
 * (codes our sandbox never sends).
 */
export async function startBankPath(bank: { url: string; origin: string }): Promise<BankPath> {
  const events: PathEvent[] = [];
  let origin = '';
  const server = createServer((req, res) => {
    const action = path.route?.(req) ?? { kind: 'forward' };
    const event: PathEvent = { method: req.method ?? '', path: req.url ?? '', outcome: 'dropped' };
    events.push(event);
    if (action.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    if (action.kind === 'answer') {
      event.outcome = action.status;
      const body = action.body === undefined ? '' : JSON.stringify(action.body);
      res.writeHead(action.status, body === '' ? {} : { 'content-type': 'application/json' }).end(body);
      return;
    }
    const target = new URL(req.url ?? '/', action.kind === 'forward-to' ? action.origin : bank.origin);
    const upstream = request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, async (answer) => {
      event.outcome = answer.statusCode ?? 0;
      // The bank names itself in links, mail and redirects; the app must keep coming this way.
      const chunks: Buffer[] = [];
      for await (const chunk of answer) chunks.push(chunk as Buffer);
      const body = Buffer.from(Buffer.concat(chunks).toString('utf8').replaceAll(target.origin, origin));
      const headers = { ...answer.headers, 'content-length': String(body.length) };
      if (typeof headers.location === 'string') headers.location = headers.location.replaceAll(target.origin, origin);
      delete headers['transfer-encoding'];
      res.writeHead(answer.statusCode ?? 502, headers).end(body);
    });
    // The bank cut the connection (its own fault injection does): the client sees the same.
    upstream.on('error', () => req.socket.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const path: BankPath = {
    url: `${origin}${new URL(bank.url).pathname}`,
    origin,
    route: undefined,
    events,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
  return path;
}

/** A route that acts on the DELETE of one consent (or of any consent) and forwards the rest. */
export const onConsentDelete = (action: PathAction, consentId?: string) => (req: IncomingMessage): PathAction | undefined =>
  req.method === 'DELETE' && /\/consents\/[^/?]+$/.test(req.url ?? '') && (consentId === undefined || (req.url ?? '').endsWith(`/consents/${consentId}`))
    ? action
    : undefined;
