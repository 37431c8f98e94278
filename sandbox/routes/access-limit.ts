import type { BankContext } from '../context.js';
import { bankDay } from '../dates.js';
import { reject } from '../errors.js';
import type { Consent } from '../state/records.js';

/**
 * PSD2 RTS art. 36 as §5 of the digest fixes it: a read of one account's balances or
 * transactions without `PSU-IP-Address` is an unattended access, counted per consent and account
 * per Bucharest calendar day; the 5th (or past the consent's `frequencyPerDay`) is 429.
 * Returns the function that records the access once the answer is ready.
 */
export function unattendedAccess(ctx: BankContext, consent: Consent, resourceId: string, psuPresent: boolean): () => void {
  if (psuPresent) return () => {};
  const key = `${consent.consentId}|${resourceId}|${bankDay(ctx.now())}`;
  const used = ctx.state.data.accessCounts[key] ?? 0;
  if (used >= consent.frequencyPerDay) {
    reject(429, 'ACCESS_EXCEEDED', `The ${consent.frequencyPerDay} accesses a day without the PSU are used up for this account`);
  }
  return () => {
    ctx.state.data.accessCounts[key] = used + 1;
    ctx.state.changed();
  };
}
