import { TransactionsPanel } from '../../ui/transactions-panel.js';

export function TransactionsScreen() {
  return <TransactionsPanel />;
}
