import type { AccountWithBalances } from '../../common/index.js';
import { normaliseIban } from '../iban/iban.js';
import type { ConsentInformation } from '../psd2/consents.js';
import type { GrantRecord } from '../store/connections.js';

type Ref = { iban?: string; maskedPan?: string };

const sameIban = (r: Ref, a: AccountWithBalances): boolean => r.iban !== undefined && a.iban !== undefined && normaliseIban(r.iban) === a.iban;

/**
 * A card is named in the consent by its masked PAN; a card the bank answers in the plain-account
 * shape (an IBAN, no masked PAN) can only be named by that IBAN.
 */
const matches = (refs: Ref[], a: AccountWithBalances): boolean =>
  refs.some((r) => (a.kind === 'card' && a.maskedPan !== undefined ? r.maskedPan === a.maskedPan : sameIban(r, a)));

/**
 * What the PSU actually granted, learned from the bank's answers rather than assumed: the
 * accounts the bank lists under the consent, with the permissions its consent information names.
 */
export function grantsFrom(info: ConsentInformation, accounts: AccountWithBalances[]): GrantRecord[] {
  return accounts.map((a) => ({
    id: a.id,
    kind: a.kind,
    iban: a.iban,
    maskedPan: a.maskedPan,
    currency: a.currency,
    name: a.name,
    product: a.product,
    cashAccountType: a.cashAccountType,
    resourceId: a.resourceId,
    balances: matches(info.access.balances, a),
    transactions: matches(info.access.transactions, a),
  }));
}
