import type { Money } from './money.js';

/**
 * The states the UI shows for a failure, whatever its cause, each with what the person can do:
 * decided once, in core's `toUiState` (the app-… and popup states by the transport itself).
 */
export type UiErrorState =
  | 'reauth-required' // authorise again at the bank
  | 'consent-expired' // renew the consent
  | 'rate-limited' // wait: the bank limits calls (see AppError.retryAfter)
  | 'offline' // the bank cannot be reached or is down for now: retry later
  | 'sca-cancelled' // the authorisation was refused, closed or timed out
  | 'misconfigured' // the app's registration at the bank (client, certificate) is wrong: not the person's doing
  | 'invalid-input' // what the person entered was refused
  | 'keychain-unavailable' // the OS keychain cannot be used
  | 'app-unreachable' // the app's own back end does not answer (browser mode)
  | 'app-refused' // the app's back end refused the page (stale secret, untrusted sender)
  | 'popup-blocked' // the browser blocked the bank's window
  | 'failed'; // anything else

/** The bank's consent status (Berlin Group `consentStatus`). */
export type ConsentStatus = 'received' | 'valid' | 'rejected' | 'revokedByPsu' | 'expired' | 'terminatedByTpp';

/** What the app makes of a connection, for the person. */
export type ConnectionStatus =
  | 'authorizing' // consent created, the PSU has not finished the bank's pages
  | 'active'
  | 'expiring' // valid, with at most 14 days left
  | 'expired'
  | 'revoked' // by the PSU at the bank or by us
  | 'rejected' // the PSU refused on the bank's page
  | 'reauth-required'; // the refresh token no longer works

/** The permissions the PSU ticked for one account, learned from the bank's answers. */
export interface GrantedAccount {
  /** The app's own id for the account: stable across consents (IBAN + currency). */
  accountId: string;
  iban: string;
  currency?: string;
  balances: boolean;
  transactions: boolean;
}

export interface Connection {
  id: string;
  profileId: string;
  /** A name the person gave, e.g. "CEC — personal". */
  label: string;
  consentId: string;
  consentStatus: ConsentStatus;
  status: ConnectionStatus;
  /** ISO date, inclusive. */
  validUntil?: string;
  /** Days left until validUntil (0 on the last day); absent until the consent is valid. */
  daysLeft?: number;
  createdAt: string;
  accounts: GrantedAccount[];
}

export type AccountKind = 'account' | 'card';

export interface Account {
  /** The app's own id: stable across consents (derived from IBAN + currency, or masked PAN). */
  id: string;
  connectionId: string;
  kind: AccountKind;
  /** The bank's id under this consent; changes with a new consent, so never a key. */
  resourceId: string;
  iban?: string;
  maskedPan?: string;
  currency: string;
  name?: string;
  product?: string;
  cashAccountType?: string;
}

export interface Balance {
  /** Berlin Group balanceType: closingBooked, interimAvailable, expected… */
  type: string;
  amount: Money;
  referenceDate?: string;
  creditLimitIncluded?: boolean;
}

export interface AccountWithBalances extends Account {
  balances: Balance[];
}

export interface Transaction {
  /**
   * The bank's transactionId (or cardTransactionId), else its entryReference; with neither, a
   * content fingerprint `fp:…` (core's `fingerprintTransactions`), which counts identical twins.
   */
  id: string;
  accountId: string;
  status: 'booked' | 'pending';
  bookingDate?: string;
  valueDate?: string;
  /** Signed: negative leaves the account. */
  amount: Money;
  counterpartyName?: string;
  counterpartyIban?: string;
  remittance?: string;
  entryReference?: string;
  /**
   * The payer's reference the bank carried with a transfer (Berlin Group `endToEndId`): on the
   * booking of a payment this app made, the `endToEndIdentification` it sent.
   */
  endToEndId?: string;
  bankTransactionCode?: string;
}

/**
 * An item of a bank answer that could not be read: left out and reported, so the rest of its
 * page or list still shows and the person sees "1 transaction could not be read".
 */
export interface SkippedItem {
  /**
   * The list it sat in, as the bank names it: `accounts`, `cardAccounts`, `booked`, `pending`,
   * `balances`, or a nested list such as `accounts[0].balances` (one balance of a listed account).
   */
  list: string;
  /** Its position in that list, from 0. */
  index: number;
  /** Why, naming the field: "booked[3]: transactionAmount.currency must be an ISO 4217 currency code". */
  reason: string;
}

export interface TransactionPage {
  transactions: Transaction[];
  /** The items of this page that could not be read. */
  skipped: SkippedItem[];
  /**
   * Present when the bank has more pages: an opaque token for core, which keeps the bank's
   * `_links.next` itself. The bank's links never reach the renderer.
   */
  cursor?: string;
}

/**
 * True when the bank will answer reads for the connection: the consent is valid, whether or not
 * its end is near. Every "which connections can we read" filter uses this one.
 */
export const isReadable = (status: ConnectionStatus): boolean => status === 'active' || status === 'expiring';
