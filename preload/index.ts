import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CHANNELS } from '../common/contract-names.js';
import type { Bridge, EventName, EventPayload } from '../common/contract.js';

/**
 * The only thing the renderer gets from the privileged side: `window.conturi`, one call per
 * contract method and one subscription per event. `ipcRenderer` itself never crosses: a page
 * holding it could send on any channel. Type-only imports keep this bundle free of zod; main
 * validates every input anyway.
 */
const { invoke: INVOKE_CHANNEL, event: EVENT_CHANNEL } = IPC_CHANNELS;

const bridge = {
  invoke: (method, input) => ipcRenderer.invoke(INVOKE_CHANNEL, method, input),
  on: <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => {
    // The IPC event object (it holds the sender) stays here; the page sees only the payload.
    const relay = (_ipc: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) listener(payload as EventPayload<E>);
    };
    ipcRenderer.on(EVENT_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, relay);
    };
  },
} satisfies Bridge;

contextBridge.exposeInMainWorld('conturi', bridge);
