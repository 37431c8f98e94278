import { describe, expect, it, vi } from 'vitest';
import type { Connection } from '../../../common/domain.js';
import { createHttpBridge, type HttpBridgeDeps } from './http-bridge.js';
import { SECRET_STORAGE_KEY, withoutStoredSecret } from './secret.js';

interface Call { url: string; init: RequestInit | undefined }

/** A page at the host's address with `#secret=…`, and a fetch that answers from a script. */
function world(answer: (call: Call) => Response | Promise<Response>, hash = '#secret=s3cr3t') {
  const calls: Call[] = [];
  const stored = new Map<string, string>();
  const replaced: string[] = [];
  const deps: HttpBridgeDeps = {
    fetch: (async (url: string, init?: RequestInit) => {
      const call = { url: String(url), init };
      calls.push(call);
      return answer(call);
    }) as typeof fetch,
    location: { href: `http://127.0.0.1:4321/${hash}`, hash, pathname: '/', search: '' },
    history: { state: null, replaceState: (_s, _t, url) => replaced.push(String(url)) },
    storage: { getItem: (k) => stored.get(k) ?? null, setItem: (k, v) => void stored.set(k, v), removeItem: (k) => void stored.delete(k) },
    sleep: () => new Promise(() => undefined),
  };
  return { deps, calls, stored, replaced };
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('createHttpBridge › secret', () => {
  it('takes the secret from the fragment, removes it from the address and keeps it for the tab', async () => {
    const w = world(() => json({ ok: true, value: [] }));
    await createHttpBridge(w.deps).invoke('connections:list', {});
    expect(w.replaced).toEqual(['/']);
    expect(w.stored.get(SECRET_STORAGE_KEY)).toBe('s3cr3t');
  });

  it('trades a launch ticket once for the secret, then calls with the secret', async () => {
    const w = world((call) => (call.url.endsWith('/api/ticket') ? json({ secret: 'from-ticket' }) : json({ ok: true, value: [] })), '#ticket=t1');
    const bridge = createHttpBridge(w.deps);
    await bridge.invoke('connections:list', {});
    await bridge.invoke('connections:list', {});
    expect(w.replaced).toEqual(['/']);
    expect(w.calls.map((c) => c.url)).toEqual(['http://127.0.0.1:4321/api/ticket', 'http://127.0.0.1:4321/api/invoke', 'http://127.0.0.1:4321/api/invoke']);
    expect(w.calls[0]?.init).toMatchObject({ method: 'POST', body: '{"ticket":"t1"}', credentials: 'omit' });
    expect((w.calls[1]?.init?.headers as Record<string, string>)['X-Conturi-Secret']).toBe('from-ticket');
    expect(w.stored.get(SECRET_STORAGE_KEY)).toBe('from-ticket');
  });

  it('refuses locally when the host no longer takes the ticket (used or expired)', async () => {
    const w = world((call) => (call.url.endsWith('/api/ticket') ? json({ error: 'used' }, 403) : json({ ok: true, value: [] })), '#ticket=spent');
    const result = await createHttpBridge(w.deps).invoke('connections:list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'HOST_REFUSED' } });
    expect(w.calls.map((c) => c.url)).toEqual(['http://127.0.0.1:4321/api/ticket']);
  });

  it('keeps other fragment parameters when removing the secret', () => {
    const w = world(() => json({ ok: true, value: [] }), '#secret=abc&view=accounts');
    createHttpBridge(w.deps);
    expect(w.replaced).toEqual(['/#view=accounts']);
  });

  it('after a reload, without a fragment, uses the secret the tab kept', async () => {
    const w = world(() => json({ ok: true, value: [] }), '');
    w.stored.set(SECRET_STORAGE_KEY, 'kept');
    await createHttpBridge(w.deps).invoke('connections:list', {});
    expect(w.replaced).toEqual([]);
    expect((w.calls[0]?.init?.headers as Record<string, string>)['X-Conturi-Secret']).toBe('kept');
  });

  it('without any secret refuses locally and sends nothing', async () => {
    const w = world(() => json({ ok: true, value: [] }), '');
    const result = await createHttpBridge(w.deps).invoke('connections:list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'HOST_REFUSED', retryable: false } });
    expect(w.calls).toEqual([]);
  });
});

describe('withoutStoredSecret', () => {
  it('keeps the secret out of sessionStorage while the window opens, and puts it back', () => {
    const stored = new Map([[SECRET_STORAGE_KEY, 'kept']]);
    const storage = { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => void stored.set(k, v), removeItem: (k: string) => void stored.delete(k) };
    const during = withoutStoredSecret(storage, () => stored.get(SECRET_STORAGE_KEY));
    expect(during).toBeUndefined();
    expect(stored.get(SECRET_STORAGE_KEY)).toBe('kept');
  });
});

describe('createHttpBridge › invoke', () => {
  it('posts the method and input as JSON with the secret header to /api/invoke', async () => {
    const w = world(() => json({ ok: true, value: { removed: true } }));
    const result = await createHttpBridge(w.deps).invoke('connections:remove', { connectionId: 'c1' });
    expect(result).toEqual({ ok: true, value: { removed: true } });
    expect(w.calls).toHaveLength(1);
    expect(w.calls[0]?.url).toBe('http://127.0.0.1:4321/api/invoke');
    expect(w.calls[0]?.init?.method).toBe('POST');
    expect(w.calls[0]?.init?.headers).toEqual({ 'Content-Type': 'application/json', 'X-Conturi-Secret': 's3cr3t' });
    expect(JSON.parse(String(w.calls[0]?.init?.body))).toEqual({ method: 'connections:remove', input: { connectionId: 'c1' } });
  });

  it('sends a call within the caller’s own turn once the secret is known (a keystroke’s list leaves before the work after it)', async () => {
    const w = world(() => json({ ok: true, value: [] }));
    const bridge = createHttpBridge(w.deps);
    await bridge.invoke('connections:list', {});
    const pending = bridge.invoke('accounts:list', {});
    expect(w.calls).toHaveLength(2);
    await pending;
  });

  it('passes an error Result from the host through unchanged', async () => {
    const error = { code: 'CONSENT_EXPIRED', state: 'consent-expired', message: 'expired', retryable: false };
    const w = world(() => json({ ok: false, error }));
    expect(await createHttpBridge(w.deps).invoke('accounts:list', {})).toEqual({ ok: false, error });
  });

  it.each([401, 403, 404, 500])('maps HTTP %i to HOST_REFUSED', async (status) => {
    const w = world(() => json({ error: 'nope' }, status));
    const result = await createHttpBridge(w.deps).invoke('connections:list', {});
    expect(result).toEqual({ ok: false, error: { code: 'HOST_REFUSED', state: 'app-refused', message: `the app’s host refused the call (HTTP ${status})`, retryable: false } });
  });

  it('maps a network failure to OFFLINE, retryable', async () => {
    const w = world(() => Promise.reject(new TypeError('Failed to fetch')));
    const result = await createHttpBridge(w.deps).invoke('connections:list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'OFFLINE', retryable: true } });
  });

  it('maps a body that is not JSON to PROTOCOL_ERROR', async () => {
    const w = world(() => new Response('<html>', { status: 200 }));
    expect(await createHttpBridge(w.deps).invoke('connections:list', {})).toMatchObject({ ok: false, error: { code: 'PROTOCOL_ERROR' } });
  });

  it('maps JSON that is not a Result to PROTOCOL_ERROR', async () => {
    for (const body of [[], { ok: true }, { ok: false, error: { code: 1 } }, null]) {
      const w = world(() => json(body));
      expect(await createHttpBridge(w.deps).invoke('connections:list', {}), JSON.stringify(body)).toMatchObject({ ok: false, error: { code: 'PROTOCOL_ERROR', retryable: false } });
    }
  });
});

/** A response whose body the test writes to, as the host would over a held-open stream. */
function openStream() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => { controller = c; } });
  const encoder = new TextEncoder();
  return {
    response: new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } }),
    write: (text: string) => controller.enqueue(encoder.encode(text)),
    end: () => controller.close(),
  };
}

describe('createHttpBridge › events', () => {
  it('opens GET /api/events with the secret on first subscription and delivers parsed payloads', async () => {
    const stream = openStream();
    const w = world(() => stream.response);
    const bridge = createHttpBridge(w.deps);
    const seen: Connection[][] = [];
    bridge.on('connections:changed', (list) => seen.push(list));
    await vi.waitFor(() => expect(w.calls[0]?.url).toBe('http://127.0.0.1:4321/api/events'));
    expect(w.calls[0]?.init?.method).toBeUndefined();
    expect((w.calls[0]?.init?.headers as Record<string, string>)['X-Conturi-Secret']).toBe('s3cr3t');
    stream.write('event: connections:changed\nda');
    stream.write('ta: []\n\nevent: unknown:event\ndata: {}\n\n');
    await vi.waitFor(() => expect(seen).toEqual([[]]));
    bridge.close();
  });

  it('stops delivering to a listener that unsubscribed', async () => {
    const stream = openStream();
    const w = world(() => stream.response);
    const bridge = createHttpBridge(w.deps);
    const urls: string[] = [];
    const off = bridge.on('authorization:open', ({ url }) => urls.push(url));
    stream.write('event: authorization:open\ndata: {"url":"https://a"}\n\n');
    await vi.waitFor(() => expect(urls).toEqual(['https://a']));
    off();
    // Events arrive in order: once the later one reached a listener still subscribed, the one
    // before it has been delivered to everyone it was going to reach.
    const later: string[] = [];
    bridge.on('authorization:settled', ({ outcome }) => later.push(outcome));
    stream.write('event: authorization:open\ndata: {"url":"https://b"}\n\nevent: authorization:settled\ndata: {"outcome":"connected"}\n\n');
    await vi.waitFor(() => expect(later).toEqual(['connected']));
    expect(urls).toEqual(['https://a']);
    bridge.close();
  });

  it('reconnects after the stream ends, with backoff, and reports the reconnection', async () => {
    const first = openStream();
    const second = openStream();
    const answers = [first.response, second.response];
    const waits: number[] = [];
    const reconnected = vi.fn();
    const w = world(() => answers.shift() ?? new Promise<Response>(() => undefined));
    const bridge = createHttpBridge({ ...w.deps, onReconnected: reconnected, sleep: async (ms) => { waits.push(ms); } });
    const outcomes: string[] = [];
    bridge.on('authorization:settled', ({ outcome }) => outcomes.push(outcome));
    first.write(': keep-alive\n\n');
    first.end();
    await vi.waitFor(() => expect(w.calls).toHaveLength(2));
    second.write('event: authorization:settled\ndata: {"outcome":"connected"}\n\n');
    await vi.waitFor(() => expect(outcomes).toEqual(['connected']));
    expect(waits).toEqual([500]);
    expect(reconnected).toHaveBeenCalledTimes(1);
    bridge.close();
  });

  it('backs off longer each time the host refuses the stream', async () => {
    const waits: number[] = [];
    const w = world(() => (waits.length < 6 ? json({}, 401) : new Promise<Response>(() => undefined)));
    const bridge = createHttpBridge({ ...w.deps, sleep: async (ms) => { waits.push(ms); } });
    bridge.on('connections:changed', () => undefined);
    await vi.waitFor(() => expect(waits).toEqual([1000, 2000, 4000, 8000, 16000, 30000]));
    bridge.close();
  });
});
