import { strings } from '../strings.js';
import { AccountsPanel } from './accounts-panel.js';
import { AuthorizingBanner, EphemeralBanner, ErrorBanner, StoreLockedBanner } from './banners.js';
import { ConnectForm } from './connect-form.js';
import { ConnectionsList } from './connections-list.js';
import { SettingsPanel } from './settings-panel.js';
import { TransactionsPanel } from './transactions-panel.js';

export function App() {
  return (
    <>
      <header className="app-header">
        <h1>{strings.appTitle}</h1>
        <ConnectForm />
      </header>
      <StoreLockedBanner />
      <EphemeralBanner />
      <ErrorBanner />
      <AuthorizingBanner />
      <main className="layout">
        <div className="column">
          <ConnectionsList />
          <AccountsPanel />
          <SettingsPanel />
        </div>
        <div className="column wide">
          <TransactionsPanel />
        </div>
      </main>
    </>
  );
}
