import type { Translation } from '../../translation.js';
import type { accounts as ro } from '../ro/accounts.js';

export const accounts: Translation<typeof ro> = {
  heading: 'Accounts',
  loading: 'Loading the accounts…',
  none: 'No account in this connection.',
  reauthorize: 'Authorise again',
  noAccess: 'The bank can no longer be read through this connection; the saved data is shown.',
  open: 'Open the account',
  openNamed: 'Open the account {{name}}',
};
