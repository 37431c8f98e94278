import type { Translation } from '../../translation.js';
import type { insights as ro } from '../ro/insights.js';

export const insights: Translation<typeof ro> = {
  heading: 'Insights',
  empty: 'No transaction booked in this period.',
  nothingYet: 'No transactions to chart yet. Connect a bank and sync, then choose a period.',
  showTable: 'Show the figures as a table',
  spending: 'Spending',
  transactions: 'Transactions',
  period: {
    label: 'The period charted',
    accounts: 'Accounts',
    allAccounts: 'All accounts',
    from: 'From',
    to: 'To',
    presets: 'Common periods',
    currency: 'Currency',
    preset: {
      month: 'This month',
      quarter: 'Last 3 months',
      year: 'Last 12 months',
      calendarYear: 'This year',
    },
  },
  monthly: {
    title: 'Income and spending by month',
    description: 'Booked amounts in {{currency}}, month by month. A bar opens its transactions.',
    month: 'Month',
    income: 'Income',
    spending: 'Spending',
    net: 'Net',
  },
  byCategory: {
    title: 'Spending by category',
    description: 'What was spent in {{currency}} in the chosen period, by category, largest first. A bar opens the category’s transactions.',
    name: 'Category',
  },
  byCounterparty: {
    title: 'Spending by counterparty',
    description: 'The largest payees in {{currency}} in the chosen period. A bar opens the transactions to them.',
    name: 'Counterparty',
  },
};
