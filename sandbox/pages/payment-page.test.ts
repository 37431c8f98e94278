import { describe, expect, it } from 'vitest';
import { renderPaymentPage, type PaymentPageOptions } from './payment-page.js';
import { attr, controlLabelled, escapedHostile, hostile, tags } from './test-helpers.js';

const base: PaymentPageOptions = {
  action: '/oauthcec/oauth2/authorize/payment',
  hidden: { flow: 'f1' },
  nonce: 'N0nce',
  appName: 'AppTestTpp1',
  psuName: 'Ion Popescu',
  payment: {
    paymentId: '5d935a04-7756-11eb-a2f7-0a06001a0000',
    amount: '100.00',
    currency: 'RON',
    debtorIban: 'RO42CECEAG0202RON0007466',
    creditorName: 'Creditor Name',
    creditorIban: 'RO51RZBR7531710377217771',
    remittance: 'test description',
  },
};
const withoutDebtor = { ...base, payment: { ...base.payment, debtorIban: undefined } };

/** The `<td>` text of the row headed `header`. */
function row(page: string, header: string): string | undefined {
  return page.match(new RegExp(`<th scope="row">${header}</th><td[^>]*>([^<]*)</td>`))?.[1];
}

describe('renderPaymentPage', () => {
  it("shows the guide's heading and every row with its value", () => {
    const page = renderPaymentPage(base);
    expect(page).toContain(
      '<h1>Confirmare Plata din cont deschis la CEC Bank initiata din aplicatia "AppTestTpp1"</h1>',
    );
    expect(page).toContain('Pentru a confirma plata cu datele de mai jos actionati "Confirm plata!".');
    expect(row(page, 'Identificator plata')).toBe('5d935a04-7756-11eb-a2f7-0a06001a0000');
    expect(row(page, 'Suma de plata')).toBe('100.00 RON');
    expect(row(page, 'Iban Cont platitor')).toBe('RO42CECEAG0202RON0007466');
    expect(row(page, 'Denumire Beneficiar')).toBe('Creditor Name');
    expect(row(page, 'Iban Cont beneficiar')).toBe('RO51RZBR7531710377217771');
    expect(row(page, 'Detalii plata')).toBe('test description');
  });

  it('shows no payer select when the TPP named the debtor account', () => {
    expect(tags(renderPaymentPage({ ...base, debtorOptions: ['RO99X'] }), 'select')).toEqual([]);
  });

  it('offers the payer accounts in a select labelled "Iban Cont platitor" when no debtor was sent', () => {
    const page = renderPaymentPage({ ...withoutDebtor, debtorOptions: ['RO42A', 'RO42B'] });
    const select = controlLabelled(page, 'Iban Cont platitor') ?? '';
    expect(attr(select, 'name')).toBe('debtorIban');
    expect(page).toContain('<option value="RO42A">RO42A</option><option value="RO42B">RO42B</option>');
    expect(tags(page, 'button').filter((b) => b.includes('disabled'))).toEqual([]);
  });

  it('explains that no account can pay, and disables confirming, when there is no option', () => {
    const page = renderPaymentPage({ ...withoutDebtor, debtorOptions: [] });
    expect(tags(page, 'select')).toEqual([]);
    expect(page).toContain('<p class="alert" role="alert">Nu aveti niciun cont curent in RON din care sa puteti efectua aceasta plata.</p>');
    expect(page).toMatch(/value="confirm" disabled>Confirm plata!/);
    expect(page).toMatch(/value="refuse" formnovalidate>Refuz plata!/);
  });

  it('submits confirm and refuse as decision, refuse without validation', () => {
    const page = renderPaymentPage(base);
    expect(page).toContain('<button type="submit" class="primary" name="decision" value="confirm">Confirm plata!</button>');
    expect(page).toContain(
      '<button type="submit" class="secondary" name="decision" value="refuse" formnovalidate>Refuz plata!</button>',
    );
    expect(page).toContain('<form method="post" action="/oauthcec/oauth2/authorize/payment">');
    expect(page).toContain('<input type="hidden" name="flow" value="f1">');
  });

  it('escapes every interpolated field', () => {
    const page = renderPaymentPage({
      action: hostile('action'),
      hidden: { [hostile('hname')]: hostile('hvalue') },
      nonce: 'N0nce',
      appName: hostile('app'),
      psuName: hostile('psu'),
      payment: {
        paymentId: hostile('id'),
        amount: hostile('amount'),
        currency: hostile('currency'),
        creditorName: hostile('creditor'),
        creditorIban: hostile('creditorIban'),
        remittance: hostile('remittance'),
      },
      debtorOptions: [hostile('option')],
      error: hostile('error'),
    });
    const fields = ['action', 'hname', 'hvalue', 'app', 'psu', 'id', 'amount', 'currency', 'creditor', 'creditorIban', 'remittance', 'option', 'error'];
    for (const field of fields) {
      expect(page).toContain(escapedHostile(field));
      expect(page).not.toContain(hostile(field));
    }
    expect(tags(page, 'script')).toEqual([]);
    expect(row(renderPaymentPage({ ...base, payment: { ...base.payment, debtorIban: hostile('debtor') } }), 'Iban Cont platitor')).toBe(
      escapedHostile('debtor'),
    );
  });
});
