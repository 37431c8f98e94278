import type { Notice } from '../../common/notices.js';

/** The part of the browser's `Notification` used here; Electron shows these as system notifications. */
export interface NotificationConstructorLike {
  new (title: string, options?: NotificationOptions): unknown;
  readonly permission: NotificationPermission;
}

/** One notification per kind and connection (or payment): a newer reminder replaces the one still on screen. */
const tagOf = (notice: Notice): string => {
  if ('connectionId' in notice.params) return `${notice.kind}:${notice.params.connectionId}`;
  // Each payment its own: two payments ending together are two pieces of news.
  if ('paymentId' in notice.params) return `${notice.kind}:${notice.params.paymentId}`;
  return notice.kind;
};

/**
 * Shows a `notice` event in the words `word` gives it (the renderer's translation), when the
 * person has allowed notifications. It never asks for permission: a browser grants that only
 * from the person's own gesture, so Settings asks. Returns whether it was shown.
 */
export function showNotice(
  notice: Notice,
  word: (notice: Notice) => { title: string; body: string },
  Notify: NotificationConstructorLike | undefined = typeof Notification === 'undefined' ? undefined : Notification,
): boolean {
  if (Notify === undefined || Notify.permission !== 'granted') return false;
  const { title, body } = word(notice);
  new Notify(title, { body, tag: tagOf(notice) });
  return true;
}
