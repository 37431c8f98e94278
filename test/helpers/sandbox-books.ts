import type { TestBank } from './bank.js';
import { call } from './http.js';

/** A payment as the sandbox's books list it (docs/sandbox-control.md, "Payments, counted"). */
export interface BookedPayment {
  paymentId: string;
  bulkId?: string;
  status: string;
  statusReason?: string;
  debtorIban?: string;
  psuId?: string;
  creditorIban: string;
  creditorName: string;
  amount: string;
  currency: string;
  remittance: string;
  endToEndIdentification?: string;
  requestId?: string;
  createdAt: string;
  authorised: boolean;
  bookedTransactionId?: string;
  authorisedAt?: string;
  finalAt?: string;
}

export interface PaymentCounts {
  initiated: number;
  authorised: number;
  settled: number;
  payments: BookedPayment[];
}

/** Every payment the bank holds, with its counts; filtered by debtor IBAN and endToEndId when given. */
export async function bankPayments(bank: TestBank, filter: { debtorIban?: string; endToEndId?: string } = {}): Promise<PaymentCounts> {
  const query = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => e[1] !== undefined)).toString();
  const res = await call<PaymentCounts>(`${bank.origin}/sandbox/payments${query === '' ? '' : `?${query}`}`);
  if (res.status !== 200) throw new Error(`sandbox payments: ${res.status} ${res.text}`);
  return res.body;
}

/** One PSU's payments per debtor account, with their counts. */
export async function psuPayments(bank: TestBank, user: string): Promise<(PaymentCounts & { iban: string; currency: string })[]> {
  const res = await call<{ accounts: (PaymentCounts & { iban: string; currency: string })[] }>(`${bank.origin}/sandbox/psus/${user}/payments`);
  if (res.status !== 200) throw new Error(`sandbox psu payments: ${res.status} ${res.text}`);
  return res.body.accounts;
}

/** Makes the next `count` committed payment initiations lose their answer (0 disarms); returns the count armed. */
export async function armDropAfterCommit(bank: TestBank, count: number): Promise<number> {
  const res = await call<{ dropAfterCommit: number }>(`${bank.origin}/sandbox/faults/drop-after-commit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ count }),
  });
  if (res.status !== 200) throw new Error(`arm drop: ${res.status} ${res.text}`);
  return res.body.dropAfterCommit;
}
