import type { Translation } from '../../translation.js';
import type { overview as ro } from '../ro/overview.js';

export const overview: Translation<typeof ro> = {
  heading: 'Overview',
  totals: 'Totals by currency',
  totalsEmpty: 'Totals appear after the first sync.',
  totalsAccounts_one: 'of {{count}} account',
  totalsAccounts_few: 'of {{count}} accounts',
  totalsAccounts_other: 'of {{count}} accounts',
  lastSync: 'Last sync: {{at}}',
  neverSynced: 'Not synced yet',
  accounts: 'Accounts',
  bankGroup: 'Accounts at {{bank}}',
  noAccounts: 'No account has arrived through this connection yet. Press “Sync” or open Connections.',
  noBalance: 'Balance not known yet',
  openAccount: 'Open account {{name}}',
  recent: 'Latest transactions',
  recentEmpty: 'No transaction stored yet. They appear after a sync.',
  allTransactions: 'All transactions',
  expiringBanner_one: 'The consent “{{label}}” expires in {{count}} day.',
  expiringBanner_few: 'The consent “{{label}}” expires in {{count}} days.',
  expiringBanner_other: 'The consent “{{label}}” expires in {{count}} days.',
  expiringTodayBanner: 'The consent “{{label}}” expires today.',
  expiredBanner: 'The consent “{{label}}” has expired. Its accounts are no longer updated.',
  renew: 'Renew',
  budgetBanner: 'The bank allows only a few automatic reads a day: some accounts will be read at the next automatic update, at {{time}}. “Sync” reads them now.',
};
