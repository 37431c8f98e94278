import type { TokenManager } from '../auth/token-manager.js';
import type { ResolvedBank } from '../profiles/bank-environments.js';
import { refreshTokenKey } from '../auth/token-manager.js';
import type { Keychain } from '../keychain/keychain.js';
import {
  getBulkRequest, getPaymentStatusRequest, processBulkResponse, processPaymentStatusResponse, type PaymentService,
} from './pis-requests.js';
import type { PaymentRecord } from './payment-store.js';

/** The key a payment's PIS tokens go under in the TokenManager (and so `refresh:pis:<id>` in the keychain). */
export const pisTokenKey = (paymentId: string): string => `pis:${paymentId}`;

export const serviceOf = (p: Pick<PaymentRecord, 'kind'>): PaymentService => (p.kind === 'single' ? 'payments' : 'bulk-payments');

/** Whether a PIS refresh token of this intent is in the keychain: without one its status cannot be read. */
export async function hasPisToken(keychain: Keychain, intentId: string): Promise<boolean> {
  return (await keychain.get(refreshTokenKey(pisTokenKey(intentId)))) !== undefined;
}

export interface BankReading {
  status: string;
  /** A bulk's items in order (empty for a single payment). */
  items: { paymentId: string | null; status: string | null }[];
}

/** Reads the bank's status of an intent with its PIS token (a bulk with each item's, through the `d/` read). */
export async function readAtBank(tokens: TokenManager, bank: ResolvedBank, p: PaymentRecord, paymentId: string): Promise<BankReading> {
  return tokens.withAccessToken(pisTokenKey(p.id), bank, async (accessToken) => {
    if (p.kind === 'bulk') return processBulkResponse(await getBulkRequest(bank.psd2, paymentId, accessToken));
    return { status: await processPaymentStatusResponse(await getPaymentStatusRequest(bank.psd2, serviceOf(p), paymentId, accessToken)), items: [] };
  });
}
