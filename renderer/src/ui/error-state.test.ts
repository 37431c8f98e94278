import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppError } from '../../../common/result.js';
import { ErrorState } from './error-state.js';
import { renderWith, visibleText } from './render-for-test.js';

const error = (over: Partial<AppError>): AppError => ({ code: 'X', state: 'failed', message: 'boom', retryable: false, ...over });
const render = (props: Parameters<typeof ErrorState>[0], language: 'ro' | 'en' = 'ro') => renderWith({}, createElement(ErrorState, props), language);

describe('ErrorState, one per AppError.state', () => {
  it('reauth-required offers Reconnect for its connection', () => {
    const html = render({ error: error({ state: 'reauth-required' }), connectionId: 'c1', ofAccounts: true });
    expect(visibleText(html)).toBe('Banca cere o nouă autorizare. Autorizați din nou. Reconectați');
    expect(html).toContain('data-state="reauth-required"');
  });

  it('rate-limited says when the next try is possible', () => {
    const text = visibleText(render({ error: error({ state: 'rate-limited', retryAfter: 30 }), onRetry: () => {} }));
    expect(text).toBe('Banca limitează numărul de interogări. Încercați din nou peste 30 de secunde. Reîncearcă');
    // The clock is pinned: an hour from now is today at midday, and tomorrow late in the evening.
    vi.useFakeTimers({ toFake: ['Date'] });
    const inAnHour = (now: Date) => {
      vi.setSystemTime(now);
      return visibleText(render({ error: error({ state: 'rate-limited', retryAfter: new Date(now.getTime() + 3_600_000).toISOString() }) }));
    };
    expect(inAnHour(new Date(2027, 2, 10, 12, 5))).toContain('după ora 13:05.');
    expect(inAnHour(new Date(2027, 2, 10, 23, 30))).toContain('după ora 11.03 00:30.');
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('offline keeps the saved data in view and says its age', () => {
    const syncedAt = new Date(Date.now() - 2 * 3_600_000 - 60_000).toISOString();
    expect(visibleText(render({ error: error({ state: 'offline' }), syncedAt }, 'en'))).toContain('Showing the saved data, synced 2 hours ago.');
    expect(visibleText(render({ error: error({ state: 'offline' }) }))).toContain('Nu există încă date salvate.');
  });

  it('misconfigured points at the profile in Settings, with no Reconnect', () => {
    const html = render({ error: error({ state: 'misconfigured' }), connectionId: 'c1' });
    expect(html).toContain('href="/settings"');
    expect(visibleText(html)).toContain('Verificați profilul băncii în setări');
    expect(visibleText(html)).not.toContain('Reconectați');
  });

  it('failed gives its detail and the bank’s request id', () => {
    const text = visibleText(render({ error: error({ code: 'HTTP_500', message: 'Internal error', requestId: 'req-42' }) }));
    expect(text).toBe('A apărut o eroare (HTTP_500): Internal error Referința pentru bancă: req-42.');
    const accounts = visibleText(render({ error: error({ message: 'the report could not be read' }), ofAccounts: true }));
    expect(accounts).toBe('Conturile nu au putut fi citite. Detalii: the report could not be read');
  });
});
