import type { Translation } from '../../translation.js';
import type { transactions as ro } from '../ro/transactions.js';

export const transactions: Translation<typeof ro> = {
  heading: 'Transactions',
  pick: 'Choose an account to see its latest transactions.',
  loading: 'Loading the transactions…',
  empty: 'No transaction saved for this account.',
  pending: 'pending',
};
