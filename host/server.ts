import Fastify, { type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';
import { dispatch, type Handlers } from '../common/index.js';
import type { FrontEnd } from '../core/app-handlers.js';
import { toAppError } from '../core/errors.js';
import { psuIpAddress } from '../core/platform/psu-address.js';
import { EventStream } from './event-stream.js';
import { HOST_ROUTES, SECRET_HEADER } from '../common/contract-names.js';
import { hostMatches, newSecret, originAllowed, secretMatches } from './guards.js';
import { API_HEADERS, COMMON_HEADERS, PAGE_HEADERS } from './headers.js';
import { CALLBACK_PATH, LoopbackAuthorization } from './loopback-authorization.js';
import { LaunchTickets } from './launch-ticket.js';
import { openInBrowser } from './open-browser.js';
import { findStaticFile } from '../core/platform/static-files.js';

/** Largest `POST /api/invoke` body; the contract's biggest input (a profile with PEMs) is ~60 KiB. */
const INVOKE_BODY_LIMIT = 256 * 1024;

/** What the host knows once it listens, and the handlers need: the port fixes the redirect URI. */
export interface HostWiring {
  frontEnd: FrontEnd;
  /** `http://127.0.0.1:<port>/oauth/callback`. */
  redirectUri: string;
  origin: string;
}

export interface HostOptions {
  /** TCP port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** The built renderer (`dist/renderer`). */
  staticDir: string;
  /** Builds the contract's handlers; called once, after listening, when the redirect URI is known. */
  handlers(wiring: HostWiring): Handlers | Promise<Handlers>;
  psuIpAddress?: string;
  /**
   * Opens the bank's page in `system-browser` mode, until `until` settles (the sign-in ended);
   * the OS default browser unless a test replaces it (web-app.ts goes through a private page).
   */
  openExternal?: (url: string, until: Promise<unknown>) => Promise<void>;
  /** One line per request (path without query) and per internal error; never a secret. */
  log?: (line: string) => void;
  heartbeatMs?: number;
  /** How long a launch ticket stays redeemable (default TICKET_TTL_MS). */
  ticketTtlMs?: number;
}

export interface RunningHost {
  /** `http://127.0.0.1:<port>/#secret=…`: the URL the person may paste (printed, never passed to a process). */
  url: string;
  /**
   * `http://127.0.0.1:<port>/#ticket=…`: a URL that opens the app once, for a short while; the
   * page trades the ticket for the secret (`POST /api/ticket`). `done` settles when it is spent.
   */
  launchTicket(): { url: string; done: Promise<void> };
  origin: string;
  redirectUri: string;
  close(): Promise<void>;
}

/** Routes a browser reaches without the secret: the page itself and the bank's redirect. */
const isPublic = (req: FastifyRequest) => (req.routeOptions.config as { public?: boolean }).public === true;

/**
 * Browser mode: serves the renderer and the app contract on 127.0.0.1. Every request must name
 * our exact `Host` (DNS rebinding); every other route than the page's files and the OAuth
 * callback also needs our `Origin` (when sent) and the per-launch secret, which reaches the page
 * only in the URL fragment (the address printed for the person) or in the answer to a single-use
 * launch ticket (the address the host opens the browser at), never in a request line. The host only transports: every
 * call goes through the contract's `dispatch`.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const secret = newSecret();
  const log = options.log ?? (() => {});
  const events = new EventStream(options.heartbeatMs);
  const tickets = new LaunchTickets(options.ticketTtlMs);
  const authorization = new LoopbackAuthorization(events, options.openExternal ?? ((url) => openInBrowser(url)));
  // Both known once listening; no request arrives before that.
  let origin = '';
  let expectedHost = '';
  let handlers: Handlers | undefined;
  const app = Fastify({
    logger: false,
    bodyLimit: INVOKE_BODY_LIMIT,
    return503OnClosing: true,
    forceCloseConnections: true,
    // A malformed URL never reaches routing or hooks: answer it as plainly as any other 400.
    frameworkErrors: (_error, _req, reply: FastifyReply) => reply.code(400).headers(API_HEADERS).send({ error: 'bad request' }),
  });
  // Only JSON: a cross-site form or `text/plain` beacon cannot produce it without a preflight.
  app.removeContentTypeParser('text/plain');

  app.addHook('onRequest', async (req, reply) => {
    if (!hostMatches(req.headers.host, expectedHost)) return reply.code(421).headers(API_HEADERS).send({ error: 'misdirected request' });
    if (isPublic(req)) return;
    if (!originAllowed(req.headers.origin, origin)) return reply.code(403).headers(API_HEADERS).send({ error: 'forbidden origin' });
    if (!secretMatches(req.headers[SECRET_HEADER.toLowerCase()], secret)) return reply.code(401).headers(API_HEADERS).send({ error: 'unauthorized' });
  });
  app.addHook('onResponse', async (req, reply) => log(`${req.method} ${req.url.split('?')[0]} ${reply.statusCode}`));

  app.post(HOST_ROUTES.invoke, async (req, reply) => {
    reply.headers(API_HEADERS);
    const body = req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return reply.code(400).send({ error: 'expected {"method","input"}' });
    if (handlers === undefined) return reply.code(503).send({ error: 'starting' });
    const { method, input } = body as { method?: unknown; input?: unknown };
    return dispatch(handlers, method, input, toAppError);
  });

  // Public, as the page has no secret yet: the single-use ticket is the credential. Only our own
  // page may ask (browsers always send Origin on a POST), and the answer is never cached.
  app.post(HOST_ROUTES.ticket, { config: { public: true } }, async (req, reply) => {
    reply.headers(API_HEADERS);
    if (req.headers.origin !== origin) return reply.code(403).send({ error: 'forbidden origin' });
    const ticket = (req.body as { ticket?: unknown } | null)?.ticket;
    if (!tickets.redeem(ticket)) return reply.code(403).send({ error: 'this link was used already or has expired' });
    return { secret };
  });

  app.get(HOST_ROUTES.events, (_req, reply) => {
    reply.hijack();
    events.attach(reply.raw, API_HEADERS);
  });

  // GET only: Fastify would answer HEAD through this handler too, and a HEAD must not spend the real answer.
  app.get(CALLBACK_PATH, { config: { public: true }, exposeHeadRoute: false }, async (req, reply) => {
    const page = await authorization.callback(`${origin}${req.url}`);
    // No COOP of its own: the popup arrives here from the bank, and a policy here would move it
    // to another browsing context group, cutting the app's handle on it (see PAGE_HEADERS).
    return reply.code(page.status).headers({ ...COMMON_HEADERS, ...page.headers }).send(page.html);
  });

  app.get('/*', { config: { public: true } }, async (req, reply) => {
    const file = await findStaticFile(options.staticDir, req.url);
    if (file === undefined) return reply.code(404).headers(API_HEADERS).send({ error: 'not found' });
    return reply
      .headers({ ...PAGE_HEADERS, 'content-type': file.contentType, 'content-length': String(file.size), 'cache-control': file.isIndex ? 'no-store' : 'no-cache' })
      .send(file.open());
  });

  app.setNotFoundHandler((_req, reply) => reply.code(404).headers(API_HEADERS).send({ error: 'not found' }));
  app.setErrorHandler((error: FastifyError, req, reply) => {
    const status = error.statusCode !== undefined && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) log(`host: internal error on ${req.method} ${req.url.split('?')[0]}: ${error.message}`);
    const text = status === 413 ? 'body too large' : status === 415 ? 'expected application/json' : status >= 500 ? 'internal error' : 'bad request';
    return reply.code(status).headers(API_HEADERS).send({ error: text });
  });

  await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('host: no TCP address');
  expectedHost = `127.0.0.1:${address.port}`;
  origin = `http://${expectedHost}`;
  const redirectUri = `${origin}${CALLBACK_PATH}`;
  const close = async () => {
    tickets.withdrawAll();
    authorization.close();
    events.close();
    await app.close();
  };
  const frontEnd: FrontEnd = {
    authorizationPort: (mode) => authorization.port(mode),
    psuIpAddress: options.psuIpAddress ?? psuIpAddress(),
    emit: (event, payload) => events.emit(event, payload),
  };
  try {
    handlers = await options.handlers({ frontEnd, redirectUri, origin });
  } catch (error) {
    await close();
    throw error;
  }
  const launchTicket = () => {
    const { ticket, done } = tickets.issue();
    return { url: `${origin}/#ticket=${ticket}`, done };
  };
  return { url: `${origin}/#secret=${secret}`, launchTicket, origin, redirectUri, close };
}
