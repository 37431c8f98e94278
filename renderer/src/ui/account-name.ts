import type { Account } from '../../../common/domain.js';
import { formatIban } from '../../../common/iban.js';
import type { TextContext } from '../i18n/texts.js';

/**
 * An account in words: its product ("Cont curent") and its number. CEC's `name` is the customer
 * number, the same on every account, so it names an account only when the bank sent no product.
 */
export function accountTitle({ t }: TextContext, a: Pick<Account, 'product' | 'name' | 'kind'>): string {
  return a.product ?? a.name ?? t(a.kind === 'card' ? 'common:card' : 'common:account');
}

/** The IBAN grouped in fours, else a card's masked number. */
export const accountNumber = (a: Pick<Account, 'iban' | 'maskedPan'>): string =>
  a.iban !== undefined ? formatIban(a.iban) : (a.maskedPan ?? '');

/** An account's own screen (the account screen's route, `/accounts/:accountId`). */
export const accountPath = (accountId: string): string => `/accounts/${encodeURIComponent(accountId)}`;
