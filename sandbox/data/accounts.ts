import type { AccountKind, CurrencyCode } from '../state/types.js';
import { cecIban } from './cec-iban.js';
import type { UniqueIds } from './ids.js';
import type { Rng } from './prng.js';
import type { PsuProfile } from './profiles.js';
import type { Card } from './spending.js';

/** What an account is for in the demo story; decides which history it gets. */
export type AccountRole = 'salary' | 'euro' | 'savings' | 'credit' | 'side';

/** An account's identity and product, before it has a history. */
export interface AccountShell {
  role: AccountRole;
  kind: AccountKind;
  currency: CurrencyCode;
  product: string;
  cashAccountType: string;
  resourceId: string;
  iban: string;
  name: string;
  /** The card its purchases are made with: a debit card on current accounts, none on savings. */
  card?: Card;
  creditLimitMinor?: number;
}

/** The credit limit of every demo credit card: 10,000 lei. */
const CREDIT_LIMIT_MINOR = 1_000_000;

const currentProduct: Record<string, string> = {
  RON: 'Cont curent - persoane fizice - LEI',
  EUR: 'Cont curent - persoane fizice - EUR',
};

/**
 * Opens the PSU's accounts: RON current (salary), EUR current, RON savings, RON credit card, then
 * extra current accounts alternating RON and EUR up to `count`. All share the PSU's branch, as
 * accounts opened at one CEC office do, and the PSU's customer number as `name`.
 */
export function openAccounts(profile: PsuProfile, count: number, ids: UniqueIds, rng: Rng): AccountShell[] {
  const customer = ids.next('customer', 6);
  const debitCard = (bin: string): Card => ({
    maskedPan: `${bin}******${rng.digits(4, true)}`,
    city: profile.city,
    purchaseCode: 'PMNT-CCRD-POSD',
  });
  const open = (role: AccountRole, kind: AccountKind, currency: CurrencyCode, product: string, cashAccountType: string, card?: Card): AccountShell => ({
    role,
    kind,
    currency,
    product,
    cashAccountType,
    resourceId: ids.next('resource', 8),
    iban: cecIban(profile.county, profile.branch, currency, ids.next('account', 7, true)),
    name: customer,
    ...(card ? { card } : {}),
  });

  const shells: AccountShell[] = [
    open('salary', 'current', 'RON', currentProduct.RON ?? '', 'CurrentAccount', debitCard('479345')),
    open('euro', 'current', 'EUR', currentProduct.EUR ?? '', 'CurrentAccount', debitCard('479346')),
    open('savings', 'savings', 'RON', 'Cont de economii - LEI', 'SavingsAccount'),
    {
      ...open('credit', 'card', 'RON', 'Card de credit CEC Bank Visa', 'CardAccount',
        { maskedPan: `425605******${rng.digits(4, true)}`, city: profile.city, purchaseCode: 'PMNT-CCRD-POSC' }),
      creditLimitMinor: CREDIT_LIMIT_MINOR,
    },
  ];
  for (let i = shells.length; i < count; i++) {
    const currency: CurrencyCode = i % 2 === 0 ? 'RON' : 'EUR';
    shells.push(open('side', 'current', currency, currentProduct[currency] ?? '', 'CurrentAccount', debitCard(currency === 'RON' ? '479345' : '479346')));
  }
  return shells;
}
