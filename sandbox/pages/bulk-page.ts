/**
 * The bulk payment page: the PSU authorises every payment of the bulk at once, from one payer
 * account. CEC reuses the single payment's heading and lists the payments in a table
 * (guide §2.4.4; spec §3.6).
 */
import {
  errorAlert,
  PAYMENT_FOOTNOTE,
  paymentButtons,
  payerField,
  postForm,
  type FormTarget,
} from './form-parts.js';
import { html, renderDocument } from './layout.js';

/** One payment inside the bulk; `amount` is a decimal string. */
export interface BulkItem {
  amount: string;
  currency: string;
  creditorName: string;
  creditorIban: string;
  remittance: string;
}

/** The bulk as the page shows it; `total` is the sum of the items, computed by the bank. */
export interface BulkSummary {
  paymentId: string;
  total: string;
  currency: string;
  debtorIban?: string;
  payments: BulkItem[];
}

/** Inputs of the bulk page; the form posts `decision` and, when chosen here, `debtorIban`. */
export interface BulkPageOptions extends FormTarget {
  appName: string;
  psuName: string;
  bulk: BulkSummary;
  debtorOptions?: string[];
  error?: string;
}

/** Renders the bulk payment authorisation page as a complete HTML document. */
export function renderBulkPage(o: BulkPageOptions): string {
  const b = o.bulk;
  const payer = payerField({
    label: 'Iban Platitor',
    currency: b.currency,
    debtorIban: b.debtorIban,
    debtorOptions: o.debtorOptions,
  });
  const rows = b.payments.map(
    (item) => html`<tr>
<td class="num">${item.amount} ${item.currency}</td>
<td>${item.creditorName}</td>
<td class="iban">${item.creditorIban}</td>
<td>${item.remittance}</td>
</tr>
`,
  );
  const content = html`<table class="details">
<tbody>
<tr><th scope="row">Identificator plata</th><td class="iban">${b.paymentId}</td></tr>
<tr>${payer.row}</tr>
<tr><th scope="row">Suma totala</th><td class="num">${b.total} ${b.currency}</td></tr>
<tr><th scope="row">Numar plati</th><td>${b.payments.length}</td></tr>
</tbody>
</table>
${payer.problem}
<p>Pentru a confirma plata cu datele de mai jos actionati "Confirm plata!".</p>
<div class="scroll">
<table>
<caption>Platile incluse (${b.payments.length})</caption>
<thead><tr><th scope="col">Suma</th><th scope="col">Denumire Beneficiar</th><th scope="col">Iban Beneficiar</th><th scope="col">Detalii plata</th></tr></thead>
<tbody>
${rows}</tbody>
</table>
</div>
${paymentButtons(payer.canPay)}`;

  const main = html`<h1>Confirmare Plata din cont deschis la CEC Bank initiata din aplicatia "${o.appName}"</h1>
<p class="muted">Bine ati venit, ${o.psuName}</p>
${errorAlert(o.error)}
${postForm(o, content)}
${PAYMENT_FOOTNOTE}`;

  return renderDocument({ nonce: o.nonce, title: 'CEC Bank - Confirmare Plata multipla', main, wide: true });
}
