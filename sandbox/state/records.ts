import type { CurrencyCode, Psu } from './types.js';

/** A developer registered through the Dynamic Users Register. */
export interface DeveloperUser {
  username: string;
  /** scrypt hash, hex; the sandbox never keeps a password in clear. */
  passwordHash: string;
  passwordSalt: string;
  firstName: string;
  lastName: string;
  organization: string;
  activated: boolean;
  /** `digestSecret` of the token in the activation link; the link itself lives only in the mail. */
  activationTokenHash: string;
  createdAt: string;
}

/** A TPP application created by `create/app`; its credentials are shown once. */
export interface TppApp {
  clientId: string;
  /** `digestSecret` of the client secret: `create/app` shows the secret once and keeps only this. */
  clientSecretHash: string;
  appName: string;
  appTitle: string;
  organization: string;
  username: string;
  /** The `Redirect-Uri` registered at creation; authorize and token require it exactly. */
  redirectUri: string;
  createdAt: string;
}

export interface MailMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  /** Absolute activation link. */
  link: string;
  sentAt: string;
}

export type ConsentStatus = 'received' | 'valid' | 'rejected' | 'revokedByPsu' | 'expired' | 'terminatedByTpp';

export interface ConsentAccess {
  accounts: string[];
  balances: string[];
  transactions: string[];
}

export interface Consent {
  consentId: string;
  clientId: string;
  status: ConsentStatus;
  createdAt: string;
  /** ISO date, inclusive; at most 180 days after authorisation. */
  validUntil: string;
  recurringIndicator: boolean;
  frequencyPerDay: number;
  /** The Berlin Group `access` body when the TPP sent one (CEC's own clients send none). */
  requestedAccess?: unknown;
  /** IBANs per permission, as the PSU ticked them on the consent page. */
  access: ConsentAccess;
  psuId?: string;
  lastActionDate: string;
  tppRedirectUri?: string;
}

export interface AuthCode {
  /** `digestSecret` of the code; the code itself went to the TPP in the redirect. */
  codeHash: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  codeChallenge: string;
  psuId: string;
  expiresAt: number;
  used: boolean;
}

export interface TokenRecord {
  /** `digestSecret` of the token; the token itself went to the TPP once, in the token answer. */
  tokenHash: string;
  type: 'access' | 'refresh';
  clientId: string;
  scope: string;
  psuId: string;
  expiresAt: number;
  /** Seconds since the epoch when the PSU consented (CEC's `consented_on`). */
  consentedOn: number;
}

export type TransactionStatus = 'RCVD' | 'ACCP' | 'ACTC' | 'ACSP' | 'ACSC' | 'RJCT' | 'CANC' | 'PART';

export interface InstructedAmount {
  amountMinor: number;
  currency: CurrencyCode;
}

export interface Payment {
  paymentId: string;
  clientId: string;
  product: string;
  status: TransactionStatus;
  createdAt: string;
  debtorIban?: string;
  instructedAmount: InstructedAmount;
  creditorIban: string;
  creditorName: string;
  remittance: string;
  endToEndIdentification?: string;
  psuId?: string;
  authorisedAt?: number;
  /** Set for the items of a bulk. */
  bulkId?: string;
  requestId?: string;
  /** The bank's transaction id once booked on the debtor account. */
  bookedTransactionId?: string;
  statusReason?: string;
  /**
   * ISO instant the status became final by the bank's clock. Settlement runs lazily at the next
   * request, so for an authorised payment this is when its lifecycle ended (authorised + settle
   * time), not when a request happened to notice it: the moment any reader could first see it.
   */
  finalAt?: string;
}

export interface BulkPayment {
  paymentIdBulk: string;
  transactionId: string;
  clientId: string;
  product: string;
  status: TransactionStatus;
  createdAt: string;
  debtorIban?: string;
  itemIds: string[];
  psuId?: string;
  authorisedAt?: number;
}

/** One authorize request on its way through the bank's pages (login → consent/payment page). */
export interface PendingAuthorization {
  id: string;
  clientId: string;
  redirectUri: string;
  state?: string;
  scope: string;
  kind: 'AIS' | 'PIS';
  resourceId: string;
  codeChallenge: string;
  psuId?: string;
  expiresAt: number;
}

/**
 * Everything the bank keeps; serialisable as JSON for `--data-dir`. It holds no usable secret:
 * what was handed out once is kept as a digest, and the mailbox stays in memory.
 */
export interface BankSnapshot {
  version: 2;
  seed: number;
  psus: Psu[];
  users: DeveloperUser[];
  apps: TppApp[];
  consents: Consent[];
  codes: AuthCode[];
  tokens: TokenRecord[];
  payments: Payment[];
  bulks: BulkPayment[];
  /** `${consentId}|${resourceId}|${day}` → unattended accesses that day. */
  accessCounts: Record<string, number>;
  /** `${consentId}|${resourceId}` → highest entryReference delivered (for deltaList). */
  deltaMarks: Record<string, number>;
  nextTransactionId: number;
}
