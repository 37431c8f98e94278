import type { Translation } from '../../translation.js';
import type { errors as ro } from '../ro/errors.js';

export const errors: Translation<typeof ro> = {
  retryInSeconds_one: 'Try again in a second.',
  retryInSeconds_few: 'Try again in {{count}} seconds.',
  retryInSeconds_other: 'Try again in {{count}} seconds.',
  retryAfter: 'Try again after {{time}}.',
  retryLater: 'Try again later.',
  checkInternet: 'Check your internet connection.',
  checkInternetRetry: 'Check your internet connection and try again.',
  reference: 'Reference for the bank: {{id}}.',
  misconfigured: 'The bank does not recognise the app’s registration (client or certificate). Check the bank’s profile in Settings; authorising again will not help.',
  state: {
    'reauth-required': 'The bank asks for a new authorisation.',
    'consent-expired': 'The consent you gave the bank has expired.',
    'rate-limited': 'The bank limits how often it can be asked.',
    offline: 'The bank does not answer.',
    'sca-cancelled': 'The authorisation was cancelled.',
    'invalid-input': 'The request is not valid: {{message}}',
    'keychain-unavailable': 'The system keychain is not available.',
    'app-unreachable': 'The app does not answer. Check that it is running and try again.',
    'app-refused': 'The app refused the request. Open the address the app printed again.',
    'popup-blocked': 'The browser blocked the bank’s window. Allow pop-ups for this page and try again.',
    failed: 'Something went wrong ({{code}}): {{message}}',
  },
  failure: {
    'reauth-required': 'The bank asks for a new authorisation. Authorise again.',
    'consent-expired': 'The consent you gave the bank has expired. Renew it to see the accounts.',
    failed: 'The accounts could not be read.',
  },
};
