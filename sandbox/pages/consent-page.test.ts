import { describe, expect, it } from 'vitest';
import { renderConsentPage, type ConsentPageOptions } from './consent-page.js';
import { attr, controlLabelled, escapedHostile, hostile, tags } from './test-helpers.js';

const RON = 'RO42CECEAG0202RON0007466';
const EUR = 'RO12CECEB00030EUR0283338';
const base: ConsentPageOptions = {
  action: '/oauthcec/oauth2/authorize/consent',
  hidden: { flow: 'f1' },
  nonce: 'N0nce',
  appName: 'Conturi',
  psuName: 'Ion Popescu',
  redirectUri: 'https://tpp.example/cb',
  accounts: [
    { iban: RON, currency: 'RON', product: 'Cont curent - persoane fizice - LEI' },
    { iban: EUR, currency: 'EUR', product: 'Cont curent - persoane fizice - EUR' },
  ],
};

/** The markup of the fieldset whose legend is `legend`. */
function fieldset(page: string, legend: string): string {
  return page.match(new RegExp(`<fieldset>\\s*<legend>${legend}</legend>[\\s\\S]*?</fieldset>`))?.[0] ?? '';
}

describe('renderConsentPage', () => {
  it("shows the guide's heading, greeting, purpose and instructions", () => {
    const page = renderConsentPage(base);
    expect(page).toContain('<h1>Solicitare acord accesare conturi</h1>');
    expect(page).toContain('Bine ati venit, Ion Popescu');
    expect(page).toContain(
      'Aplicatia Conturi SOLICITA permisiunea de a accesa conturile dvs. deschise la CEC Bank cu scopul: AIS Vizualizare date conturi',
    );
    expect(page).toContain(
      'Actionati Permit Acces! daca sunteti de acord sau Nu sunt de acord! daca nu sunteti de acord.',
    );
    expect(page).toContain('Apasand Permit Acces! veti fi redirectat la adresa https://tpp.example/cb');
  });

  it('has one checkbox per IBAN in each of Conturi, Balante and Tranzactii, labelled by the IBAN alone', () => {
    const page = renderConsentPage(base);
    for (const [legend, name] of [['Conturi', 'accounts'], ['Balante', 'balances'], ['Tranzactii', 'transactions']] as const) {
      const group = fieldset(page, legend);
      const boxes = tags(group, 'input');
      expect(boxes.map((b) => [attr(b, 'type'), attr(b, 'name'), attr(b, 'value')])).toEqual([
        ['checkbox', name, RON],
        ['checkbox', name, EUR],
      ]);
      expect(group).toContain(`>${RON}</label>`);
      expect(group).toContain('Cont curent - persoane fizice - LEI · RON</span>');
    }
  });

  it('describes each checkbox with its product and currency outside the label', () => {
    const page = renderConsentPage(base);
    const box = tags(fieldset(page, 'Balante'), 'input')[1] ?? '';
    const desc = attr(box, 'aria-describedby');
    expect(page).toContain(`<span class="hint" id="${desc}">Cont curent - persoane fizice - EUR · EUR</span>`);
  });

  it('ticks exactly the boxes listed in checked', () => {
    const page = renderConsentPage({ ...base, checked: { accounts: [RON, EUR], balances: [EUR], transactions: [] } });
    const ticked = (legend: string) =>
      tags(fieldset(page, legend), 'input').filter((t) => / checked\b/.test(t)).map((t) => attr(t, 'value'));
    expect(ticked('Conturi')).toEqual([RON, EUR]);
    expect(ticked('Balante')).toEqual([EUR]);
    expect(ticked('Tranzactii')).toEqual([]);
    expect(tags(renderConsentPage(base), 'input').some((t) => / checked\b/.test(t))).toBe(false);
  });

  it('offers a select-all checkbox that is not submitted, driven by a nonce script', () => {
    const page = renderConsentPage(base);
    const all = controlLabelled(page, 'Selecteaza / Deselecteaza tot') ?? '';
    expect(attr(all, 'id')).toBe('select-all');
    expect(attr(all, 'name')).toBeUndefined();
    expect(tags(page, 'script')).toEqual(['<script nonce="N0nce">']);
  });

  it('submits allow and deny as decision, deny without validation', () => {
    const page = renderConsentPage(base);
    expect(page).toContain('<button type="submit" class="primary" name="decision" value="allow">Permit Acces!</button>');
    expect(page).toContain(
      '<button type="submit" class="secondary" name="decision" value="deny" formnovalidate>Nu sunt de acord!</button>',
    );
  });

  it('renders the hidden fields and the error alert', () => {
    const page = renderConsentPage({ ...base, error: 'Selectati cel putin un cont.' });
    expect(page).toContain('<input type="hidden" name="flow" value="f1">');
    expect(page).toContain('role="alert" id="form-error">Selectati cel putin un cont.</p>');
  });

  it('escapes every interpolated field', () => {
    const page = renderConsentPage({
      ...base,
      hidden: { [hostile('hname')]: hostile('hvalue') },
      appName: hostile('app'),
      psuName: hostile('psu'),
      redirectUri: hostile('redirect'),
      accounts: [{ iban: hostile('iban'), currency: hostile('currency'), product: hostile('product') }],
      checked: { accounts: [hostile('iban')], balances: [], transactions: [] },
      error: hostile('error'),
    });
    for (const field of ['hname', 'hvalue', 'app', 'psu', 'redirect', 'iban', 'currency', 'product', 'error']) {
      expect(page).toContain(escapedHostile(field));
      expect(page).not.toContain(hostile(field));
    }
    expect(tags(page, 'script')).toEqual(['<script nonce="N0nce">']);
  });
});
