import type { EventPayload } from '../../common/contract.js';

/** The part of a popup `Window` the flow touches. */
export interface PopupLike {
  readonly closed: boolean;
  location: { href: string };
  close(): void;
}

type AuthEvent = 'authorization:open' | 'authorization:settled';

export interface AuthPopupDeps {
  /** `window.open('about:blank', …)`; returns null when the browser blocked it. */
  open(): PopupLike | null;
  /** The bridge's `on`, for the two authorisation events. */
  on<E extends AuthEvent>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** `setInterval` wrapped to return its own stop function. */
  every(ms: number, tick: () => void): () => void;
}

export interface AuthPopupSession {
  /** The connect/renew call settled: stop watching and close the popup if it is still open. */
  end(): void;
}

export interface AuthPopup {
  /**
   * Opens the popup now. Call it synchronously inside the click handler, before any await:
   * popup blockers allow only windows opened during the person's gesture, and the bank's
   * address is known only later, from `authorization:open`.
   */
  begin(onClosedByPerson: () => void): AuthPopupSession | null;
}

export const POPUP_POLL_MS = 500;
export const POPUP_NAME = 'conturi-bank';
export const POPUP_FEATURES = 'popup,width=520,height=760';

/** The host sends the bank's page; anything but http(s) (say `javascript:`) is not followed. */
const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

/**
 * Browser mode's window for the bank's pages. Electron does not use this: its main process
 * opens a window of its own. Closing the popup before the bank answers is the person saying
 * "cancel"; `onClosedByPerson` tells the host so the pending call settles at once.
 */
export function createAuthPopup(deps: AuthPopupDeps): AuthPopup {
  return {
    begin(onClosedByPerson) {
      const popup = deps.open();
      if (popup === null) return null;
      let ended = false;
      let settled = false;

      const offOpen = deps.on('authorization:open', ({ url }) => {
        if (!ended && !popup.closed && isWebUrl(url)) popup.location.href = url;
      });
      const offSettled = deps.on('authorization:settled', () => {
        settled = true;
        if (!popup.closed) popup.close();
      });
      const stopPolling = deps.every(POPUP_POLL_MS, () => {
        if (!popup.closed) return;
        stopPolling();
        if (!ended && !settled) onClosedByPerson();
      });

      return {
        end() {
          if (ended) return;
          ended = true;
          stopPolling();
          offOpen();
          offSettled();
          if (!popup.closed) popup.close();
        },
      };
    },
  };
}
