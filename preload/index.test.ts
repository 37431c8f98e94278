import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

// ipcRenderer is filled in by the mock factory: vi.hoisted runs before EventEmitter is imported.
const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: undefined as unknown as EventEmitter & { invoke: ReturnType<typeof vi.fn> },
}));
vi.mock('electron', () => {
  const ipcRenderer = Object.assign(new EventEmitter(), { invoke: vi.fn(async () => ({ ok: true, value: [] })) });
  electron.ipcRenderer = ipcRenderer;
  return { contextBridge: electron.contextBridge, ipcRenderer };
});

await import('./index.js');
const [[key, exposed]] = electron.contextBridge.exposeInMainWorld.mock.calls as [[string, Record<string, unknown>]];
const bridge = exposed as { invoke(m: string, i: unknown): Promise<unknown>; on(e: string, l: (p: unknown) => void): () => void };

describe('preload', () => {
  it('exposes exactly invoke and on, as window.conturi, once', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(key).toBe('conturi');
    expect(Object.keys(exposed).sort()).toEqual(['invoke', 'on']);
    expect(Object.values(exposed).every((value) => typeof value === 'function')).toBe(true);
    expect(Object.values(exposed)).not.toContain(electron.ipcRenderer);
  });

  it('sends invoke on conturi:invoke as (method, input) and returns the Result', async () => {
    await expect(bridge.invoke('connections:list', {})).resolves.toEqual({ ok: true, value: [] });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('conturi:invoke', 'connections:list', {});
  });

  it('delivers only the named event, with its payload and without the IPC event object', () => {
    const settled = vi.fn();
    bridge.on('authorization:settled', settled);
    electron.ipcRenderer.emit('conturi:event', { sender: electron.ipcRenderer }, 'connections:changed', []);
    electron.ipcRenderer.emit('conturi:event', { sender: electron.ipcRenderer }, 'authorization:settled', { outcome: 'cancelled' });
    electron.ipcRenderer.emit('another:channel', { sender: electron.ipcRenderer }, 'authorization:settled', { outcome: 'connected' });
    expect(settled.mock.calls).toEqual([[{ outcome: 'cancelled' }]]);
  });

  it('returns an unsubscribe that removes its listener', () => {
    const before = electron.ipcRenderer.listenerCount('conturi:event');
    const changed = vi.fn();
    const off = bridge.on('connections:changed', changed);
    expect(electron.ipcRenderer.listenerCount('conturi:event')).toBe(before + 1);
    off();
    electron.ipcRenderer.emit('conturi:event', {}, 'connections:changed', []);
    expect(changed).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.listenerCount('conturi:event')).toBe(before);
  });
});
