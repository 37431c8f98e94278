import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { StoredAccount } from '../../../../common/queries.js';
import { createFakeBridge } from '../../bridge/fake-bridge.js';
import { createI18n } from '../../i18n/i18n.js';
import { createAppStore } from '../../store/app-store.js';
import { AppProviders } from '../../ui/app-providers.js';
import { checkPaymentForm, payableAccounts, type PaymentFormValues } from './payment-form-model.js';
import { PaymentForm } from './payment-form.js';

const EUR_ACCOUNT: StoredAccount = {
  id: 'acc-eur', connectionId: 'c1', kind: 'account', resourceId: 'r1', iban: 'RO66CECEB00030EUR0000001', currency: 'EUR', name: 'Cont EUR', balances: [], readable: true,
};
const blank: PaymentFormValues = { from: '', name: '', iban: '', amount: '', currency: 'RON', details: '', save: false };
const good: PaymentFormValues = { ...blank, name: 'Maria Popescu', iban: 'RO49AAAA1B31007593840000', amount: '1.234,56' };

/** The form as the person sees it after typing `values` (every keystroke renders it again with the new values). */
const typed = (values: PaymentFormValues, showAll = false) => {
  const store = createAppStore(createFakeBridge().bridge);
  return renderToStaticMarkup(createElement(AppProviders, {
    store, i18n: createI18n('ro'),
    children: createElement(PaymentForm, { values, accounts: [EUR_ACCOUNT], showAll, onChange: () => undefined, onReview: () => undefined }),
  }));
};

describe('the payment form, checked as typed', () => {
  it('nothing typed yet: no problem is shown; after Review every missing field is named', () => {
    expect(typed(blank)).not.toContain('role="alert"');
    const all = typed(blank, true);
    expect(all).toContain('Scrie numele beneficiarului.');
    expect(all).toContain('Scrie IBAN-ul beneficiarului.');
    expect(all).toContain('Scrie suma.');
  });

  it('an IBAN with a wrong check digit is refused by mod 97 as it is typed; a good one is shown in groups of four', () => {
    expect(typed({ ...good, iban: 'RO49AAAA1B31007593840001' })).toContain('IBAN-ul nu trece verificarea (mod 97)');
    const html = typed({ ...good, iban: 'ro49aaaa1b31007593840000' });
    expect(html).toContain('Se citește: RO49 AAAA 1B31 0075 9384 0000');
    expect(html).not.toContain('role="alert"');
  });

  it('amounts: the Romanian way and the plain way are read exactly; zero, a sign, too many decimals and an ambiguous mark are refused', () => {
    expect(checkPaymentForm(good, []).ready?.amount).toBe('1234.56');
    expect(checkPaymentForm({ ...good, amount: '1234.56' }, []).ready?.amount).toBe('1234.56');
    expect(typed({ ...good, amount: '0,00' })).toContain('Suma trebuie să fie mai mare decât zero.');
    expect(typed({ ...good, amount: '-5' })).toContain('Scrie suma fără semn.');
    expect(typed({ ...good, amount: '12,345' })).toContain('„12,345” poate fi 12345 sau 12.345');
    expect(typed({ ...good, amount: '1,2345' })).toContain('Moneda RON are cel mult 2 zecimale.');
  });

  it('the details are counted, and past 140 refused; a name past 70 is refused', () => {
    expect(typed({ ...good, details: 'Chirie' })).toContain('6 / 140');
    expect(typed({ ...good, details: 'x'.repeat(141) })).toContain('Detaliile au 141 de caractere; banca primește cel mult 140.');
    expect(typed({ ...good, name: 'n'.repeat(71) })).toContain('Numele are 71 de caractere; banca primește cel mult 70.');
  });

  it('a RON payment from a EUR account is refused with the reason, and nothing is ready to send', () => {
    const values = { ...good, from: 'acc-eur', currency: 'RON' };
    expect(typed(values)).toContain('Contul ales este în EUR, iar plata în RON');
    expect(checkPaymentForm(values, [EUR_ACCOUNT]).ready).toBeNull();
    expect(checkPaymentForm({ ...values, currency: 'EUR' }, [EUR_ACCOUNT]).ready).toMatchObject({ debtorIban: EUR_ACCOUNT.iban, currency: 'EUR', amount: '1234.56' });
  });
});

describe('the accounts to pay from', () => {
  it('current accounts only: a savings account (CEC spells it SavingsAccount, ISO 20022 SVGS) cannot pay a transfer', () => {
    const savings = { ...EUR_ACCOUNT, id: 's', cashAccountType: 'SavingsAccount' };
    const svgs = { ...EUR_ACCOUNT, id: 'v', cashAccountType: 'SVGS' };
    const current = { ...EUR_ACCOUNT, id: 'c', cashAccountType: 'CurrentAccount' };
    expect(payableAccounts([savings, svgs, current, EUR_ACCOUNT]).map((a) => a.id)).toEqual(['c', 'acc-eur']);
  });
});
