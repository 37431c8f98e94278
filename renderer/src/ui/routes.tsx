import type { RouteObject } from 'react-router';
import { CategoriesScreen } from '../screens/categories/categories-screen.js';
import { ConnectCecScreen } from '../screens/connect-cec/connect-cec-screen.js';
import { ConnectionsScreen } from '../screens/connections/connections-screen.js';
import { BeneficiariesScreen } from '../screens/payments/beneficiaries-screen.js';
import { BulkScreen } from '../screens/payments/bulk-screen.js';
import { NewPaymentScreen } from '../screens/payments/new-payment-screen.js';
import { PaymentTimelineScreen } from '../screens/payments/payment-timeline-screen.js';
import { PaymentsScreen } from '../screens/payments/payments-screen.js';
import { OverviewScreen } from '../screens/overview/overview-screen.js';
import { SettingsScreen } from '../screens/settings/settings-screen.js';
import { TransactionsScreen } from '../screens/transactions/transactions-screen.js';
import { AppShell, NotFound } from './shell/app-shell.js';

/**
 * The screens by address. A hash router: the same addresses work on Electron's `app://` scheme
 * and in browser mode without the host knowing them, and a screen's state (filters) lives in its
 * address so back, forward and reload keep it. Browser mode's one-time `#secret=` is taken off
 * the address before the router starts (see bridge/secret.ts). The screens with charts load on
 * first visit (`lazy`): recharts is a third of the bundle, and every other screen, the first one
 * included, starts without parsing it.
 */
export const ROUTES: RouteObject[] = [
  {
    path: '/',
    element: <AppShell />,
    children: [
      { index: true, element: <OverviewScreen /> },
      { path: 'transactions', element: <TransactionsScreen /> },
      { path: 'categories', element: <CategoriesScreen /> },
      { path: 'insights', lazy: async () => ({ Component: (await import('../screens/insights/insights-screen.js')).InsightsScreen }) },
      { path: 'connect/cec', element: <ConnectCecScreen /> },
      { path: 'accounts/:accountId', lazy: async () => ({ Component: (await import('../screens/account/account-screen.js')).AccountScreen }) },
      { path: 'connections', element: <ConnectionsScreen /> },
      { path: 'payments', element: <PaymentsScreen /> },
      { path: 'payments/new', element: <NewPaymentScreen /> },
      { path: 'payments/beneficiaries', element: <BeneficiariesScreen /> },
      { path: 'payments/bulk', element: <BulkScreen /> },
      { path: 'payments/:id', element: <PaymentTimelineScreen /> },
      { path: 'settings', element: <SettingsScreen /> },
      { path: '*', element: <NotFound /> },
    ],
  },
];

/** The sidebar's links, in its order; `label` is a key of the common namespace. */
export const NAV_ITEMS = [
  { path: '/', label: 'nav.overview' },
  { path: '/transactions', label: 'nav.transactions' },
  { path: '/categories', label: 'nav.categories' },
  { path: '/insights', label: 'nav.insights' },
  { path: '/payments', label: 'nav.payments' },
  { path: '/connections', label: 'nav.connections' },
  { path: '/settings', label: 'nav.settings' },
] as const;
