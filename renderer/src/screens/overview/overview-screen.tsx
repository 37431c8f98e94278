import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../ui/store-context.js';
import { SyncControls } from '../../ui/sync-controls.js';
import { WelcomeScreen } from '../welcome/welcome-screen.js';
import { AccountGroups, AccountsSkeleton } from './account-groups.js';
import { OverviewBanners } from './overview-banners.js';
import { RecentTransactions } from './recent-transactions.js';
import { TotalsCard } from './totals-card.js';
import './overview.css';

/**
 * Every account of every connection at a glance, from the local copy (so offline too): what needs
 * the person, the totals per currency, the accounts by bank and consent, the newest transactions.
 * Before the first connection, the welcome screen instead.
 */
export function OverviewScreen() {
  const none = useApp((s) => s.connectionsLoaded && s.connections.length === 0);
  const loaded = useApp((s) => s.connectionsLoaded && s.accountsLoaded);
  const headingId = useId();
  const { t } = useTranslation('overview');
  if (none) return <WelcomeScreen />;

  return (
    <section className="overview" aria-labelledby={headingId}>
      <div className="overview-head">
        <h1 id={headingId}>{t('heading')}</h1>
        <SyncControls />
      </div>
      <OverviewBanners />
      <div className="overview-grid">
        <div className="column">
          <TotalsCard />
          {loaded ? <AccountGroups /> : <AccountsSkeleton />}
        </div>
        <div className="column">
          <RecentTransactions />
        </div>
      </div>
    </section>
  );
}
