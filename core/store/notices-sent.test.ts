import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../common/index.js';
import { consentNotices } from '../notices/notice-rules.js';
import { openDatabase } from './database.js';
import { NoticesSentStore } from './notices-sent.js';

describe('NoticesSentStore', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the day each reminder was given across a restart, so the app does not repeat it that day', () => {
    dir = mkdtempSync(join(tmpdir(), 'conturi-notices-'));
    const path = join(dir, 'conturi.sqlite');
    const expiring: Connection = {
      id: 'c1', profileId: 'sandbox', label: 'Personal', consentId: 'k1', consentStatus: 'valid', status: 'expiring',
      validUntil: '2027-01-20', daysLeft: 6, createdAt: '2027-01-01T00:00:00Z', accounts: [],
    };
    const first = openDatabase(path);
    const due = consentNotices([expiring], '2027-01-14', new NoticesSentStore(first).all());
    expect(due.notices).toHaveLength(1);
    new NoticesSentStore(first).record(due.sent);
    first.close();

    const again = openDatabase(path);
    const store = new NoticesSentStore(again);
    expect(consentNotices([expiring], '2027-01-14', store.all()).notices).toEqual([]);
    store.record(consentNotices([expiring], '2027-01-15', store.all()).sent);
    expect(store.all()).toEqual(new Map([['consent-expiring:c1', '2027-01-15']]));
    again.close();
  });
});
