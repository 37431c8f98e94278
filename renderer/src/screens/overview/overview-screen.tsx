import { selectConnectionIds } from '../../store/selectors.js';
import { AccountsPanel } from '../../ui/accounts-panel.js';
import { ConnectForm } from '../../ui/connect-form.js';
import { useApp } from '../../ui/store-context.js';
import { TransactionsPanel } from '../../ui/transactions-panel.js';

/** Every account of every connection and the chosen one's latest transactions; on the first run, the way to connect one. */
export function OverviewScreen() {
  const none = useApp((s) => s.connectionsLoaded && selectConnectionIds(s).length === 0);
  return (
    <>
      {none && <ConnectForm />}
      <div className="layout">
        <div className="column">
          <AccountsPanel />
        </div>
        <div className="column wide">
          <TransactionsPanel />
        </div>
      </div>
    </>
  );
}
