import { accounts as enAccounts } from './locales/en/accounts.js';
import { common as enCommon } from './locales/en/common.js';
import { connections as enConnections } from './locales/en/connections.js';
import { errors as enErrors } from './locales/en/errors.js';
import { payments as enPayments } from './locales/en/payments.js';
import { settings as enSettings } from './locales/en/settings.js';
import { sync as enSync } from './locales/en/sync.js';
import { transactions as enTransactions } from './locales/en/transactions.js';
import { accounts } from './locales/ro/accounts.js';
import { common } from './locales/ro/common.js';
import { connections } from './locales/ro/connections.js';
import { errors } from './locales/ro/errors.js';
import { payments } from './locales/ro/payments.js';
import { settings } from './locales/ro/settings.js';
import { sync } from './locales/ro/sync.js';
import { transactions } from './locales/ro/transactions.js';

/**
 * Every text the person reads, by language and namespace. Romanian is the source: each English
 * namespace is typed after it. A screen owns its namespace pair; register it here.
 */
export const resources = {
  ro: { common, errors, connections, accounts, transactions, sync, settings, payments },
  en: { common: enCommon, errors: enErrors, connections: enConnections, accounts: enAccounts, transactions: enTransactions, sync: enSync, settings: enSettings, payments: enPayments },
} as const;

export type Language = keyof typeof resources;
export const LANGUAGES = Object.keys(resources) as Language[];
export type Namespace = keyof (typeof resources)['ro'];
export const NAMESPACES = Object.keys(resources.ro) as Namespace[];
