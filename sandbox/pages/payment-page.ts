/**
 * "Confirmare Plata din cont deschis la CEC Bank": the PSU checks a single payment and
 * confirms or refuses it; picks the payer account when the TPP sent no `debtorAccount`
 * (guide §2.2.4; spec §3.2).
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

/** The payment as the page shows it; `amount` is already a decimal string ("100.00"). */
export interface PaymentSummary {
  paymentId: string;
  amount: string;
  currency: string;
  debtorIban?: string;
  creditorName: string;
  creditorIban: string;
  remittance: string;
}

/** Inputs of the payment page; the form posts `decision` and, when chosen here, `debtorIban`. */
export interface PaymentPageOptions extends FormTarget {
  appName: string;
  psuName: string;
  payment: PaymentSummary;
  /** The PSU's accounts able to pay in the payment's currency; used only without `debtorIban`. */
  debtorOptions?: string[];
  error?: string;
}

/** Renders the single-payment authorisation page as a complete HTML document. */
export function renderPaymentPage(o: PaymentPageOptions): string {
  const p = o.payment;
  const payer = payerField({
    label: 'Iban Cont platitor',
    currency: p.currency,
    debtorIban: p.debtorIban,
    debtorOptions: o.debtorOptions,
  });
  const content = html`<p>Pentru a confirma plata cu datele de mai jos actionati "Confirm plata!".</p>
<table class="details">
<tbody>
<tr><th scope="row">Identificator plata</th><td class="iban">${p.paymentId}</td></tr>
<tr><th scope="row">Suma de plata</th><td class="num">${p.amount} ${p.currency}</td></tr>
<tr>${payer.row}</tr>
<tr><th scope="row">Denumire Beneficiar</th><td>${p.creditorName}</td></tr>
<tr><th scope="row">Iban Cont beneficiar</th><td class="iban">${p.creditorIban}</td></tr>
<tr><th scope="row">Detalii plata</th><td>${p.remittance}</td></tr>
</tbody>
</table>
${payer.problem}
${paymentButtons(payer.canPay)}`;

  const main = html`<h1>Confirmare Plata din cont deschis la CEC Bank initiata din aplicatia "${o.appName}"</h1>
<p class="muted">Bine ati venit, ${o.psuName}</p>
${errorAlert(o.error)}
${postForm(o, content)}
${PAYMENT_FOOTNOTE}`;

  return renderDocument({ nonce: o.nonce, title: 'CEC Bank - Confirmare Plata', main });
}
