/** A `transactions` row as SQLite hands it over (amount_micros read as a BigInt), without its rowid. */
export interface TransactionRow {
  account_id: string;
  status: 'booked' | 'pending';
  bank_key: string;
  day: string;
  booking_date: string | null;
  value_date: string | null;
  amount: string;
  amount_micros: bigint;
  currency: string;
  counterparty_name: string | null;
  counterparty_iban: string | null;
  remittance: string | null;
  entry_reference: string | null;
  bank_transaction_code: string | null;
  end_to_end_id: string | null;
}
