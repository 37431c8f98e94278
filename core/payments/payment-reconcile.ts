import type { TokenManager } from '../auth/token-manager.js';
import type { Keychain } from '../keychain/keychain.js';
import type { ResolvedBank } from '../profiles/bank-environments.js';
import { hasPisToken, readAtBank } from './payment-bank.js';
import { stateOfStatus, statusCode } from './payment-state.js';
import type { PaymentRecord } from './payment-store.js';
import type { PaymentService } from './payment-service.js';

/**
 * Looks for a transfer among the payer's booked transactions in the local copy, matched on our
 * endToEndIdentification, the amount and the creditor: `booked` when one is there, `not-found`
 * when the copy covers the account and has none, `cannot-tell` when no connection covers it.
 */
export type BookedLookup = (query: { debtorIban: string | null; endToEndId: string; amount: string; currency: string; creditorIban: string }) => 'booked' | 'not-found' | 'cannot-tell';

export interface ReconcileDeps {
  keychain: Keychain;
  tokens: TokenManager;
  resolveBank(profileId: string): Promise<ResolvedBank>;
  findBooked?: BookedLookup | undefined;
  follow(id: string): void;
}

/**
 * Settles what an intent of unknown outcome did at the bank, from the strongest evidence down:
 * 1. its status, read with its PIS token when we hold one;
 * 2. without a token and not known to be authorised, a DELETE: 204 proves it never executes,
 *    405 proves the PSU authorised it;
 * 3. the payer's booked transactions carrying our endToEndIdentification.
 * An intent whose bank id we never learnt cannot have been authorised: only we could have shown
 * its page, and only with that id. It is then `not-executed` unless a booked transaction says
 * otherwise. Anything unproved stays `pending`: the person is never offered to pay it again.
 */
export async function reconcile(service: PaymentService, deps: ReconcileDeps, p: PaymentRecord): Promise<void> {
  const s = p.state;
  const paymentId = 'paymentId' in s ? s.paymentId : null;
  if (s.kind !== 'unknown' && s.kind !== 'awaiting-sca' && s.kind !== 'authorised' && s.kind !== 'settling') return;
  const booked = bookedOf(deps, p);
  if (paymentId === null) {
    if (booked === 'booked') {
      service.to(p, { kind: 'unknown', paymentId: null, reason: { code: 'booked-transaction-found' }, reconciliation: 'pending' });
    } else {
      service.to(p, { kind: 'unknown', paymentId: null, reason: { code: 'never-identified' }, reconciliation: 'not-executed' });
    }
    return;
  }
  if (await hasPisToken(deps.keychain, p.id)) {
    const reading = await readAtBank(deps.tokens, await deps.resolveBank(p.profileId), p, paymentId);
    const code = statusCode(reading.status);
    if (code !== null) {
      service.store.updateItems(p.id, reading.items.map((i, position) => ({ position, bankPaymentId: i.paymentId, status: statusCode(i.status) })));
      service.to(p, stateOfStatus(paymentId, code), code === 'RCVD' ? {} : { authorisedOnce: true });
      deps.follow(p.id);
    }
    return;
  }
  if (!p.authorisedOnce && (await service.cancelAtBank(p, paymentId)) === 'cancelled') return;
  if (booked === 'booked') {
    service.to(service.record(p.id), { kind: 'settled', paymentId, status: 'ACSC' }, { authorisedOnce: true });
  }
}

/** The booked-transaction evidence for a single payment; a bulk is read item by item only through its token. */
function bookedOf(deps: ReconcileDeps, p: PaymentRecord): 'booked' | 'not-found' | 'cannot-tell' {
  const item = p.items[0];
  if (deps.findBooked === undefined || p.kind !== 'single' || item === undefined) return 'cannot-tell';
  return deps.findBooked({ debtorIban: p.debtorIban, endToEndId: item.endToEndId, amount: item.amount, currency: p.currency, creditorIban: item.creditorIban });
}
