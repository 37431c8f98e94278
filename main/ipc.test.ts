import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { IPC_CHANNELS } from '../common/contract-names.js';
import type { Handlers } from '../common/index.js';
import { ValidationError } from '../core/errors.js';

const electron = vi.hoisted(() => ({
  ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
}));
vi.mock('electron', () => electron);

const { eventSender, registerIpc } = await import('./ipc.js');
const { invoke: INVOKE_CHANNEL, event: EVENT_CHANNEL } = IPC_CHANNELS;

type Invoke = (event: unknown, method: unknown, input: unknown) => Promise<unknown>;

/** A webContents with a top frame at `url`. */
function contents(id: number, url = 'app://conturi/index.html') {
  const mainFrame = { url, parent: null };
  return { id, mainFrame, isDestroyed: () => false, send: vi.fn() };
}
const eventFrom = (sender: ReturnType<typeof contents>, frame: unknown = sender.mainFrame) => ({ sender, senderFrame: frame });

let main: ReturnType<typeof contents>;
let handlers: { 'settings:get': ReturnType<typeof vi.fn>; 'settings:set': ReturnType<typeof vi.fn> };
let log: Mock<(line: string) => void>;
let invoke: Invoke;

beforeEach(() => {
  electron.ipcMain.handle.mockReset();
  main = contents(1);
  handlers = { 'settings:get': vi.fn(async () => ({ authorizationMode: 'window' })), 'settings:set': vi.fn(async (s: unknown) => s) };
  log = vi.fn<(line: string) => void>();
  registerIpc(handlers as unknown as Handlers, () => main as never, log);
  expect(electron.ipcMain.handle).toHaveBeenCalledTimes(1);
  expect(electron.ipcMain.handle.mock.calls[0]?.[0]).toBe('conturi:invoke');
  invoke = electron.ipcMain.handle.mock.calls[0]?.[1] as Invoke;
});

describe('registerIpc', () => {
  it('uses the channels conturi:invoke and conturi:event', () => {
    expect([INVOKE_CHANNEL, EVENT_CHANNEL]).toEqual(['conturi:invoke', 'conturi:event']);
  });

  it('runs a valid call from the main window and returns its Result', async () => {
    await expect(invoke(eventFrom(main), 'settings:get', {})).resolves.toEqual({ ok: true, value: { authorizationMode: 'window' } });
  });

  it('answers INVALID_INPUT to a malformed payload without running the handler', async () => {
    const wrongValue = await invoke(eventFrom(main), 'settings:set', { authorizationMode: 'popup' });
    const extraKey = await invoke(eventFrom(main), 'settings:set', { authorizationMode: 'window', evil: true });
    const notAnObject = await invoke(eventFrom(main), 'settings:set', 'window');
    for (const result of [wrongValue, extraKey, notAnObject]) {
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', retryable: false } });
    }
    expect(handlers['settings:set']).not.toHaveBeenCalled();
  });

  it('answers UNKNOWN_METHOD to a method outside the contract', async () => {
    for (const method of ['settings:delete', '__proto__', 42, undefined]) {
      await expect(invoke(eventFrom(main), method, {})).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
  });

  it('maps a handler failure to its AppError and hides unknown errors', async () => {
    handlers['settings:get'].mockRejectedValueOnce(new ValidationError('bad setting', 'mode'));
    await expect(invoke(eventFrom(main), 'settings:get', {})).resolves.toEqual({
      ok: false,
      error: { code: 'VALIDATION_ERROR', state: 'invalid-input', message: 'bad setting', retryable: false },
    });
    handlers['settings:get'].mockRejectedValueOnce(new Error('/home/ana/.config secret path'));
    await expect(invoke(eventFrom(main), 'settings:get', {})).resolves.toEqual({
      ok: false,
      error: { code: 'INTERNAL', state: 'failed', message: 'Something went wrong inside the app.', retryable: false },
    });
  });
});

describe('registerIpc › untrusted senders', () => {
  const untrusted = { ok: false, error: { code: 'UNTRUSTED_SENDER', state: 'app-refused', message: 'This page may not call the app.', retryable: false } };
  const cases: [string, () => unknown][] = [
    ['another webContents on the app origin', () => eventFrom(contents(2))],
    ['the main window showing a foreign page', () => eventFrom(main, { url: 'https://evil.example/', parent: null })],
    ['a look-alike host', () => eventFrom(main, { url: 'app://conturi.evil/index.html', parent: null })],
    ['a userinfo trick', () => eventFrom(main, { url: 'app://conturi@evil/index.html', parent: null })],
    ['a file: page', () => eventFrom(main, { url: 'file:///tmp/index.html', parent: null })],
    ['a subframe of the main window', () => eventFrom(main, { url: 'app://conturi/frame.html', parent: main.mainFrame })],
    ['a frame already gone', () => eventFrom(main, null)],
  ];

  it.each(cases)('refuses %s without running a handler', async (_name, event) => {
    await expect(invoke(event(), 'settings:set', { authorizationMode: 'window' })).resolves.toEqual(untrusted);
    expect(handlers['settings:set']).not.toHaveBeenCalled();
  });

  it('refuses every call while there is no main window', async () => {
    const sender = main;
    main = undefined as never;
    await expect(invoke(eventFrom(sender), 'settings:get', {})).resolves.toEqual(untrusted);
  });

  it('logs who asked, never the payload', async () => {
    await invoke(eventFrom(main, { url: 'https://evil.example/path?q=1', parent: null }), 'profiles:save-production', { clientSecret: 's3cret' });
    expect(log).toHaveBeenCalledTimes(1);
    const line = String(log.mock.calls[0]?.[0]);
    expect(line).toBe('ipc: refused a call from an untrusted sender (webContents 1, https://evil.example)');
    expect(line).not.toContain('s3cret');
  });
});

describe('eventSender', () => {
  it('sends contract events on conturi:event to the main window', () => {
    eventSender(() => main as never)('authorization:settled', { outcome: 'connected' });
    expect(main.send).toHaveBeenCalledWith('conturi:event', 'authorization:settled', { outcome: 'connected' });
  });

  it('drops events while the window is gone or destroyed', () => {
    expect(() => eventSender(() => undefined)('connections:changed', [])).not.toThrow();
    const destroyed = { ...contents(3), isDestroyed: () => true };
    eventSender(() => destroyed as never)('connections:changed', []);
    expect(destroyed.send).not.toHaveBeenCalled();
  });
});
