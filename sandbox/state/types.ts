/**
 * The sandbox bank's own records. They are the bank's inside view, not the wire format:
 * routes turn them into CEC's JSON shapes. Money is held as integer minor units (bani,
 * euro cents) so every balance and sum is exact; the wire renders them as decimals.
 */

export type CurrencyCode = 'RON' | 'EUR' | 'USD';

/** A transaction as the bank books it on one account. */
export interface BankTransaction {
  /** Unique across the bank; CEC uses 10-digit numbers as strings. */
  transactionId: string;
  /** Monotonic per account: the order the bank recorded it in; used by `entryReferenceFrom`. */
  entryReference: string;
  status: 'booked' | 'pending';
  /** ISO date (YYYY-MM-DD). Pending transactions have none yet. */
  bookingDate?: string;
  /** ISO date (YYYY-MM-DD). For pending ones, the day the card or transfer was entered. */
  valueDate: string;
  /** Signed: negative debits the account, positive credits it. */
  amountMinor: number;
  currency: CurrencyCode;
  /** The other party; absent fields are rendered as CEC does ("" / {}). */
  creditorName?: string;
  creditorIban?: string;
  debtorName?: string;
  debtorIban?: string;
  remittanceInformationUnstructured: string;
  /** The `endToEndIdentification` of the payment that booked it, on both sides of the transfer. */
  endToEndId?: string;
  /** e.g. 'PMNT-ICDT-STDO', 'PMNT-CCRD-POSD', 'PMNT-CCRD-CWDL' (ISO 20022 domain-family-subfamily). */
  bankTransactionCode?: string;
  /** Card transactions only: the card (masked) and the merchant category code. */
  maskedPan?: string;
  merchantCategoryCode?: string;
}

export type AccountKind = 'current' | 'savings' | 'card';

export interface BankAccount {
  /** CEC's account id: an 8-digit number as a string, used as `{account-id}` in paths. */
  resourceId: string;
  /** Romanian IBAN in CEC's form `RO..CECE` + 16 chars, valid mod-97. */
  iban: string;
  currency: CurrencyCode;
  kind: AccountKind;
  /** CEC's product label, e.g. "Cont curent - persoane fizice - LEI". */
  product: string;
  /** CEC's cashAccountType: 'CurrentAccount', 'SavingsAccount', 'CardAccount'. */
  cashAccountType: string;
  /** CEC sends a short number here (e.g. "421642"), not a holder name. */
  name: string;
  ownerName: string;
  /** Card accounts only. */
  maskedPan?: string;
  /** Card accounts only: the credit limit in minor units. */
  creditLimitMinor?: number;
  /** Booked balance in minor units; always equals openingBalanceMinor + the sum of booked amounts. */
  balanceMinor: number;
  /** Balance before the first booked transaction of the history. */
  openingBalanceMinor: number;
  /** Booked first (ascending bookingDate, then entryReference), then pending. */
  transactions: BankTransaction[];
  /** Next entryReference number to hand out on this account. */
  nextEntryReference: number;
}

/** A Payment Service User: a CEConline login. */
export interface Psu {
  /** The "User CEConline" login, e.g. 'demo'. */
  userId: string;
  /** Full name, shown on pages and used as debtor name. */
  displayName: string;
  accounts: BankAccount[];
}

export interface GenerateOptions {
  seed: number;
  /** Accounts per PSU; at least 4 (RON current, EUR current, savings, card). */
  accountsPerPsu?: number;
  /** Booked transactions per account (approximately, for the scale knob); default ~2+ years of history. */
  transactionsPerAccount?: number;
  /** "Today" for the history's end: the last booking date is at most this day. */
  today: Date;
}
