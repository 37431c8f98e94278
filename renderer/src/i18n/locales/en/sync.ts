import type { Translation } from '../../translation.js';
import type { sync as ro } from '../ro/sync.js';

export const sync: Translation<typeof ro> = {
  run: 'Sync',
  progress: 'Syncing',
  queued: 'queued',
  page: 'page {{page}}',
  nothingNew: 'nothing new',
  new_one: '{{count}} new',
  new_few: '{{count}} new',
  new_other: '{{count}} new',
  deferred: 'deferred',
  deferredUntil: 'deferred until {{time}}',
  count_one: '{{done}} of {{count}} account',
  count_few: '{{done}} of {{count}} accounts',
  count_other: '{{done}} of {{count}} accounts',
  updatedAt: 'Updated at {{time}}',
  nextAuto: 'next automatic update at {{time}}',
};
