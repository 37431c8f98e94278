import { describe, expect, it } from 'vitest';
import { renderBulkPage, type BulkPageOptions } from './bulk-page.js';
import { attr, controlLabelled, escapedHostile, hostile, tags } from './test-helpers.js';

const base: BulkPageOptions = {
  action: '/oauthcec/oauth2/authorize/payment',
  hidden: { flow: 'f1' },
  nonce: 'N0nce',
  appName: 'Sandbox dev',
  psuName: 'Ion Popescu',
  bulk: {
    paymentId: 'b-1',
    total: '11.00',
    currency: 'RON',
    debtorIban: 'RO30CECEB00002003765290100',
    payments: [
      { amount: '1.00', currency: 'RON', creditorName: 'BCR', creditorIban: 'RO59RNCB0857169988050001', remittance: 'bulk cont' },
      { amount: '10.00', currency: 'RON', creditorName: 'Raiffeisen', creditorIban: 'RO82RZBR0000060023923579', remittance: 'test plata' },
    ],
  },
};
const withoutDebtor = { ...base, bulk: { ...base.bulk, debtorIban: undefined } };

describe('renderBulkPage', () => {
  it("uses the guide's heading and instruction", () => {
    const page = renderBulkPage(base);
    expect(page).toContain('<h1>Confirmare Plata din cont deschis la CEC Bank initiata din aplicatia "Sandbox dev"</h1>');
    expect(page).toContain('Pentru a confirma plata cu datele de mai jos actionati "Confirm plata!".');
  });

  it('lists the payments in a captioned table with column headers, and the total', () => {
    const page = renderBulkPage(base);
    expect(page).toContain('<caption>Platile incluse (2)</caption>');
    expect(page).toContain(
      '<th scope="col">Suma</th><th scope="col">Denumire Beneficiar</th><th scope="col">Iban Beneficiar</th><th scope="col">Detalii plata</th>',
    );
    expect(page).toContain(
      '<tr>\n<td class="num">10.00 RON</td>\n<td>Raiffeisen</td>\n<td class="iban">RO82RZBR0000060023923579</td>\n<td>test plata</td>\n</tr>',
    );
    expect(page).toContain('<th scope="row">Suma totala</th><td class="num">11.00 RON</td>');
  });

  it('shows the named payer as text under "Iban Platitor"', () => {
    const page = renderBulkPage({ ...base, debtorOptions: ['RO99X'] });
    expect(page).toContain('<th scope="row">Iban Platitor</th><td class="iban">RO30CECEB00002003765290100</td>');
    expect(tags(page, 'select')).toEqual([]);
  });

  it('offers a select labelled "Iban Platitor" when no payer was named', () => {
    const page = renderBulkPage({ ...withoutDebtor, debtorOptions: ['RO42A'] });
    expect(attr(controlLabelled(page, 'Iban Platitor') ?? '', 'name')).toBe('debtorIban');
    expect(page).toContain('<option value="RO42A">RO42A</option>');
  });

  it('disables confirming and says why when no account can pay', () => {
    const page = renderBulkPage(withoutDebtor);
    expect(page).toContain('role="alert">Nu aveti niciun cont curent in RON din care sa puteti efectua aceasta plata.</p>');
    expect(page).toMatch(/value="confirm" disabled>Confirm plata!/);
  });

  it('submits confirm and refuse as decision with the hidden fields', () => {
    const page = renderBulkPage(base);
    expect(page).toContain('name="decision" value="confirm">Confirm plata!</button>');
    expect(page).toContain('name="decision" value="refuse" formnovalidate>Refuz plata!</button>');
    expect(page).toContain('<input type="hidden" name="flow" value="f1">');
  });

  it('escapes every interpolated field', () => {
    const page = renderBulkPage({
      action: hostile('action'),
      hidden: { [hostile('hname')]: hostile('hvalue') },
      nonce: 'N0nce',
      appName: hostile('app'),
      psuName: hostile('psu'),
      bulk: {
        paymentId: hostile('id'),
        total: hostile('total'),
        currency: hostile('currency'),
        debtorIban: hostile('debtor'),
        payments: [
          {
            amount: hostile('amount'),
            currency: hostile('itemCurrency'),
            creditorName: hostile('creditor'),
            creditorIban: hostile('creditorIban'),
            remittance: hostile('remittance'),
          },
        ],
      },
      error: hostile('error'),
    });
    const fields = ['action', 'hname', 'hvalue', 'app', 'psu', 'id', 'total', 'currency', 'debtor', 'amount', 'itemCurrency', 'creditor', 'creditorIban', 'remittance', 'error'];
    for (const field of fields) {
      expect(page).toContain(escapedHostile(field));
      expect(page).not.toContain(hostile(field));
    }
    const select = renderBulkPage({ ...withoutDebtor, debtorOptions: [hostile('option')] });
    expect(select).toContain(`<option value="${escapedHostile('option')}">${escapedHostile('option')}</option>`);
    expect(tags(page, 'script')).toEqual([]);
  });
});
