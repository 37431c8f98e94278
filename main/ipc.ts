import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { IPC_CHANNELS } from '../common/contract-names.js';
import { dispatch, err, type EventName, type EventPayload, type Handlers, type Result } from '../common/index.js';
import { toAppError } from '../core/errors.js';
import { isAppUrl } from './app-origin.js';

/**
 * The only file with raw `ipcMain`. One invoke channel carries every method of the contract; one
 * event channel carries every pushed event. A call runs only when it comes from the main window's
 * own top frame on the app origin (GitHub Desktop's `trusted-ipc-sender`), and only after the
 * contract's schema accepts its input (`dispatch`).
 */
const { invoke: INVOKE_CHANNEL, event: EVENT_CHANNEL } = IPC_CHANNELS;

/** Where main finds the one webContents it trusts; undefined while the window is gone. */
export type TrustedContents = () => WebContents | undefined;

/** True when the call comes from `trusted`'s top frame showing an `app://conturi/` page. */
export function isTrustedSender(event: IpcMainInvokeEvent, trusted: WebContents | undefined): boolean {
  if (trusted === undefined || trusted.isDestroyed() || event.sender !== trusted) return false;
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

/** Answers `conturi:invoke` with the handlers; returns the function that unregisters it. */
export function registerIpc(handlers: Handlers, trusted: TrustedContents, log: (line: string) => void = console.warn): () => void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, method: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event, trusted())) {
      // Who asked, never what: the payload may hold a password or a client secret.
      log(`ipc: refused a call from an untrusted sender (${describeSender(event)})`);
      return err({ code: 'UNTRUSTED_SENDER', state: 'app-refused', message: 'This page may not call the app.', retryable: false });
    }
    return dispatch(handlers, method, input, toAppError);
  });
  return () => ipcMain.removeHandler(INVOKE_CHANNEL);
}

/** Sends contract events to the main window and nowhere else; dropped while there is no window. */
export function eventSender(trusted: TrustedContents) {
  return <E extends EventName>(event: E, payload: EventPayload<E>): void => {
    const contents = trusted();
    if (contents !== undefined && !contents.isDestroyed()) contents.send(EVENT_CHANNEL, event, payload);
  };
}

function describeSender(event: IpcMainInvokeEvent): string {
  const url = event.senderFrame?.url ?? '';
  if (!URL.canParse(url)) return `webContents ${event.sender.id}, no frame URL`;
  const parsed = new URL(url);
  return `webContents ${event.sender.id}, ${parsed.protocol}//${parsed.host}`;
}
