import type { Translation } from '../../translation.js';
import type { account as ro } from '../ro/account.js';

export const account: Translation<typeof ro> = {
  balances: 'Balances',
  noBalances: 'The bank has not given balances for this account yet. Sync, or check that the consent includes balances.',
  chart: 'Balance over time',
  chartType: 'Balance type',
  chartEmpty: 'The balance over time shows after a few syncs: the app keeps the balance of each day it reads the account.',
  chartLoading: 'Loading the balance history…',
  copyIban: 'Copy IBAN',
  copied: 'IBAN copied',
  copyFailed: 'The IBAN could not be copied; select it and copy it by hand.',
  notFound: 'This account is no longer in the local copy.',
  back: 'Back to the overview',
};
