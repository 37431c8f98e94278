import { describe, expect, it } from 'vitest';
import type { Notice } from '../../common/notices.js';
import { showNotice, type NotificationConstructorLike } from './notify.js';

/** The browser's Notification as far as showNotice uses it, recording what it was asked to show. */
function notifications(permission: NotificationPermission) {
  const shown: { title: string; options?: NotificationOptions }[] = [];
  const Recording: NotificationConstructorLike = Object.assign(
    function Recording(this: unknown, title: string, options?: NotificationOptions) {
      shown.push({ title, ...(options === undefined ? {} : { options }) });
    } as unknown as NotificationConstructorLike,
    { permission },
  );
  return { Recording, shown };
}

const expiring: Notice = { kind: 'consent-expiring', params: { connectionId: 'c1', label: 'Personal', validUntil: '2027-01-20', daysLeft: 6 } };
const word = (notice: Notice) => ({ title: `title:${notice.kind}`, body: `body:${JSON.stringify(notice.params)}` });

describe('showNotice', () => {
  it('shows a notice in the words it is given, tagged so a newer one of the same kind and connection replaces it', () => {
    const { Recording, shown } = notifications('granted');
    expect(showNotice(expiring, word, Recording)).toBe(true);
    expect(shown).toEqual([{ title: 'title:consent-expiring', options: { body: `body:${JSON.stringify(expiring.params)}`, tag: 'consent-expiring:c1' } }]);
    showNotice({ kind: 'new-transactions', params: { count: 3, runId: 9 } }, word, Recording);
    expect(shown[1]?.options?.tag).toBe('new-transactions');
  });

  it('shows nothing, and never asks, while the person has not allowed notifications', () => {
    for (const permission of ['default', 'denied'] as const) {
      const { Recording, shown } = notifications(permission);
      expect(showNotice(expiring, word, Recording)).toBe(false);
      expect(shown).toEqual([]);
    }
  });

  it('shows nothing where there is no Notification at all', () => {
    expect(showNotice(expiring, word, undefined)).toBe(false);
  });
});
