/**
 * "Solicitare acord accesare conturi": CEC's consent is created with an empty body, so the PSU
 * picks here, per IBAN, what the TPP may see: the account, its balances, its transactions
 * (guide §2.1.3; spec §2.3).
 */
import { errorAlert, postForm, type FormTarget } from './form-parts.js';
import { html, renderDocument, type SafeHtml } from './layout.js';

/** One of the PSU's accounts as the consent page lists it. */
export interface ConsentAccount {
  iban: string;
  currency: string;
  product: string;
}

/** IBANs ticked in each group, to redisplay the PSU's choice after an error. */
export interface ConsentChecked {
  accounts: string[];
  balances: string[];
  transactions: string[];
}

/** Inputs of the consent page; the form posts `accounts`, `balances`, `transactions` and `decision`. */
export interface ConsentPageOptions extends FormTarget {
  appName: string;
  psuName: string;
  redirectUri: string;
  accounts: ConsentAccount[];
  checked?: ConsentChecked;
  error?: string;
}

type Group = keyof ConsentChecked;
const GROUPS: { name: Group; legend: string }[] = [
  { name: 'accounts', legend: 'Conturi' },
  { name: 'balances', legend: 'Balante' },
  { name: 'transactions', legend: 'Tranzactii' },
];

// Revealed by the script itself so that, without scripts, no control sits there doing nothing.
// Kept in step with the boxes (checked / indeterminate) so it never states something false.
const SELECT_ALL_SCRIPT = `(() => {
  const all = document.getElementById('select-all');
  const boxes = Array.from(document.querySelectorAll('fieldset input[type="checkbox"]'));
  if (!all) return;
  const sync = () => {
    const on = boxes.filter((b) => b.checked).length;
    all.checked = on > 0 && on === boxes.length;
    all.indeterminate = on > 0 && on < boxes.length;
  };
  all.addEventListener('change', () => { for (const b of boxes) b.checked = all.checked; sync(); });
  for (const b of boxes) b.addEventListener('change', sync);
  sync();
  document.getElementById('select-all-row')?.removeAttribute('hidden');
})();`;

// The label holds the IBAN alone so each box's accessible name is exactly the IBAN;
// product and currency are attached as its description.
function groupFieldset(group: Group, legend: string, o: ConsentPageOptions): SafeHtml {
  const ticked = new Set(o.checked?.[group] ?? []);
  const rows = o.accounts.map((a, i) => {
    const id = `${group}-${i}`;
    return html`<div class="check">
<input type="checkbox" id="${id}" name="${group}" value="${a.iban}" aria-describedby="${id}-desc"${ticked.has(a.iban) ? html` checked` : false}>
<label for="${id}" class="iban">${a.iban}</label>
<span class="hint" id="${id}-desc">${a.product} · ${a.currency}</span>
</div>`;
  });
  const empty = o.accounts.length === 0 && html`<p class="muted">Nu exista conturi de plati disponibile.</p>`;
  return html`<fieldset>
<legend>${legend}</legend>
${rows}${empty}
</fieldset>`;
}

/** Renders the AIS consent page as a complete HTML document. */
export function renderConsentPage(o: ConsentPageOptions): string {
  const content = html`<div class="check select-all" id="select-all-row" hidden>
<input type="checkbox" id="select-all">
<label for="select-all">Selecteaza / Deselecteaza tot</label>
</div>
${GROUPS.map((g) => groupFieldset(g.name, g.legend, o))}
<p>Actionati Permit Acces! daca sunteti de acord sau Nu sunt de acord! daca nu sunteti de acord.</p>
<p class="muted wrap">Apasand Permit Acces! veti fi redirectat la adresa ${o.redirectUri}</p>
<div class="actions">
<button type="submit" class="primary" name="decision" value="allow">Permit Acces!</button>
<button type="submit" class="secondary" name="decision" value="deny" formnovalidate>Nu sunt de acord!</button>
</div>`;

  const main = html`<h1>Solicitare acord accesare conturi</h1>
<p>Bine ati venit, ${o.psuName}</p>
<p>Aplicatia ${o.appName} SOLICITA permisiunea de a accesa conturile dvs. deschise la CEC Bank cu scopul: AIS Vizualizare date conturi</p>
${errorAlert(o.error)}
${postForm(o, content)}`;

  return renderDocument({
    nonce: o.nonce,
    title: 'CEC Bank - Solicitare acord accesare conturi',
    main,
    script: SELECT_ALL_SCRIPT,
  });
}
