import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createFakeBridge } from '../bridge/fake-bridge.js';
import { createAppStore } from '../store/app-store.js';
import type { AppState } from '../store/types.js';
import { createI18n } from '../i18n/i18n.js';
import { AppProviders } from './app-providers.js';
import { AccountSyncStatus, SyncControls } from './sync-controls.js';

/** Server rendering reads a zustand store's initial state (no DOM in this test): the state goes there. */
const render = (state: Partial<AppState>, element: ReactElement) => {
  const store = createAppStore(createFakeBridge().bridge);
  Object.assign(store.getInitialState(), state);
  return renderToStaticMarkup(createElement(AppProviders, { store, i18n: createI18n('ro'), children: element }));
};

const hm = (iso: string) => new Date(iso).toLocaleTimeString('ro-RO', { hour: '2-digit', minute: '2-digit' });
const today = (h: number, m = 0) => {
  const d = new Date();
  d.setHours(h, m, 0, 0);
  return d.toISOString();
};

const running: Partial<AppState> = {
  syncRun: {
    runId: 3, done: 2, total: 4, finished: false,
    accounts: {
      a1: { connectionId: 'c1', accountId: 'a1', phase: 'reading', page: 3 },
      a2: { connectionId: 'c1', accountId: 'a2', phase: 'done', stored: 142 },
      a3: { connectionId: 'c1', accountId: 'a3', phase: 'deferred', nextAttemptAt: today(18) },
      a4: { connectionId: 'c1', accountId: 'a4', phase: 'failed', state: 'failed', message: 'the report could not be read' },
    },
  },
};

describe('SyncControls', () => {
  it('while a run goes: the button is disabled and the bar says done of total', () => {
    const html = render(running, createElement(SyncControls));
    expect(html).toMatch(/<button type="button" disabled="">Sincronizează<\/button>/);
    expect(html).toContain('role="progressbar"');
    expect(html).toContain('aria-valuemax="4"');
    expect(html).toContain('aria-valuenow="2"');
    expect(html).toContain('aria-valuetext="2 din 4 conturi"');
    expect(html).not.toContain('Actualizat la');
  });

  it('one line per account while it runs: the page, the new transactions, the deferral’s time, the failure’s message', () => {
    const line = (accountId: string) => render(running, createElement(AccountSyncStatus, { accountId }));
    expect(line('a1')).toContain('>pagina 3<');
    expect(line('a2')).toContain('>142 noi<');
    expect(line('a3')).toContain('>amânat până la 18:00<');
    expect(line('a4')).toContain('>the report could not be read<');
    expect(line('other')).toBe('');
  });

  it('after a run: the button is free, the bar full, "Actualizat la" from the last run, and the next automatic update for deferred accounts', () => {
    const finishedAt = today(13, 5);
    const html = render({
      syncRun: { runId: 3, done: 2, total: 2, finished: true, accounts: {} },
      syncStatus: { running: false, intervalHours: 6, nextRunAt: today(19, 5), lastRun: { trigger: 'schedule', finishedAt, outcome: 'partial' } },
      lastSyncSummary: {
        runId: 3, trigger: 'schedule', startedAt: finishedAt, finishedAt, outcome: 'partial', skippedConnections: [], requests: 1, stored: 0,
        accounts: [{ connectionId: 'c1', accountId: 'a1', outcome: 'deferred', stored: 0, skipped: [], pages: 0, nextAttemptAt: today(18) }],
      },
    }, createElement(SyncControls));
    expect(html).toMatch(/<button type="button">Sincronizează<\/button>/);
    expect(html).toContain('aria-valuenow="2"');
    expect(html).toContain('aria-valuemax="2"');
    expect(html).toContain(`Actualizat la ${hm(finishedAt)}; următoarea actualizare automată la 19:05`);
  });

  it('after a run with nothing deferred, only when it ended; the lines of accounts that synced are gone', () => {
    const finishedAt = today(9, 30);
    const state: Partial<AppState> = {
      syncRun: { runId: 4, done: 1, total: 1, finished: true, accounts: { a1: { connectionId: 'c1', accountId: 'a1', phase: 'done', stored: 3 } } },
      syncStatus: { running: false, intervalHours: 6, nextRunAt: today(15, 30), lastRun: { trigger: 'person', finishedAt, outcome: 'ok' } },
    };
    const html = render(state, createElement(SyncControls));
    expect(html).toContain('Actualizat la 09:30</p>');
    expect(html).not.toContain('următoarea');
    expect(render(state, createElement(AccountSyncStatus, { accountId: 'a1' }))).toBe('');
  });
});
