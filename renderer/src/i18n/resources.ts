import { account as enAccount } from './locales/en/account.js';
import { accounts as enAccounts } from './locales/en/accounts.js';
import { categories as enCategories } from './locales/en/categories.js';
import { connectCec as enConnectCec } from './locales/en/connect-cec.js';
import { insights as enInsights } from './locales/en/insights.js';
import { common as enCommon } from './locales/en/common.js';
import { connections as enConnections } from './locales/en/connections.js';
import { errors as enErrors } from './locales/en/errors.js';
import { payments as enPayments } from './locales/en/payments.js';
import { ledger as enLedger } from './locales/en/ledger.js';
import { settings as enSettings } from './locales/en/settings.js';
import { sync as enSync } from './locales/en/sync.js';
import { transactions as enTransactions } from './locales/en/transactions.js';
import { overview as enOverview } from './locales/en/overview.js';
import { palette as enPalette } from './locales/en/palette.js';
import { states as enStates } from './locales/en/states.js';
import { welcome as enWelcome } from './locales/en/welcome.js';
import { notices as enNotices } from './locales/en/notices.js';
import { bankFields as enBankFields } from './locales/en/bank-fields.js';
import { account } from './locales/ro/account.js';
import { accounts } from './locales/ro/accounts.js';
import { categories } from './locales/ro/categories.js';
import { connectCec } from './locales/ro/connect-cec.js';
import { insights } from './locales/ro/insights.js';
import { common } from './locales/ro/common.js';
import { connections } from './locales/ro/connections.js';
import { errors } from './locales/ro/errors.js';
import { payments } from './locales/ro/payments.js';
import { ledger } from './locales/ro/ledger.js';
import { settings } from './locales/ro/settings.js';
import { sync } from './locales/ro/sync.js';
import { transactions } from './locales/ro/transactions.js';
import { overview } from './locales/ro/overview.js';
import { palette } from './locales/ro/palette.js';
import { states } from './locales/ro/states.js';
import { welcome } from './locales/ro/welcome.js';
import { notices } from './locales/ro/notices.js';
import { bankFields } from './locales/ro/bank-fields.js';

/**
 * Every text the person reads, by language and namespace. Romanian is the source: each English
 * namespace is typed after it. A screen owns its namespace pair; register it here.
 */
export const resources = {
  ro: { common, errors, connections, accounts, transactions, sync, settings,
    overview, welcome, palette, states, notices, categories, insights, connectCec, payments, ledger, account, bankFields },
  en: { common: enCommon, errors: enErrors, connections: enConnections, accounts: enAccounts, transactions: enTransactions, sync: enSync, settings: enSettings,
    overview: enOverview, welcome: enWelcome, palette: enPalette, states: enStates, notices: enNotices, categories: enCategories, insights: enInsights, connectCec: enConnectCec, payments: enPayments, ledger: enLedger, account: enAccount, bankFields: enBankFields },
} as const;

export type Language = keyof typeof resources;
export const LANGUAGES = Object.keys(resources) as Language[];
export type Namespace = keyof (typeof resources)['ro'];
export const NAMESPACES = Object.keys(resources.ro) as Namespace[];
