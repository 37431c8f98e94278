/**
 * Pieces shared by the pages' forms: the post target with its hidden fields, the error box,
 * and the payer field of the payment pages.
 */
import { html, type SafeHtml } from './html.js';

/** Where a page's form posts, the hidden fields it carries, and the response's CSP nonce. */
export interface FormTarget {
  action: string;
  hidden: Record<string, string>;
  nonce: string;
}

/** A `method="post"` form to `target.action` with every hidden entry as an input. */
export function postForm(target: FormTarget, content: SafeHtml): SafeHtml {
  const hidden = Object.entries(target.hidden).map(
    ([name, value]) => html`<input type="hidden" name="${name}" value="${value}">\n`,
  );
  return html`<form method="post" action="${target.action}">
${hidden}${content}
</form>`;
}

/** The page-level error, announced by screen readers as soon as the page shows. */
export function errorAlert(error: string | undefined): SafeHtml | false {
  return error ? html`<p class="alert" role="alert" id="form-error">${error}</p>` : false;
}

/** The payer row of the payment pages, and whether the PSU has anything to pay from. */
export interface PayerField {
  /** `<th>` + `<td>` of the row. */
  row: SafeHtml;
  /** Shown under the table when no account can pay. */
  problem: SafeHtml | false;
  canPay: boolean;
}

/**
 * The payer IBAN as text when the TPP sent `debtorAccount`, otherwise a select of the PSU's
 * accounts that may pay in the payment's currency (spec §3.2, §5 "Payer select").
 */
export function payerField(o: {
  label: string;
  currency: string;
  debtorIban?: string;
  debtorOptions?: string[];
}): PayerField {
  if (o.debtorIban !== undefined) {
    return {
      row: html`<th scope="row">${o.label}</th><td class="iban">${o.debtorIban}</td>`,
      problem: false,
      canPay: true,
    };
  }
  const options = o.debtorOptions ?? [];
  if (options.length === 0) {
    return {
      row: html`<th scope="row">${o.label}</th><td>-</td>`,
      problem: html`<p class="alert" role="alert">Nu aveti niciun cont curent in ${o.currency} din care sa puteti efectua aceasta plata.</p>`,
      canPay: false,
    };
  }
  const items = options.map((iban) => html`<option value="${iban}">${iban}</option>`);
  return {
    row: html`<th scope="row"><label for="debtorIban">${o.label}</label></th><td><select id="debtorIban" name="debtorIban" class="iban" required>${items}</select></td>`,
    problem: false,
    canPay: true,
  };
}

/**
 * Confirm first in document order so Enter picks it; disabled when nothing can pay.
 * Refuse skips validation: refusing must always be possible.
 */
export function paymentButtons(canPay: boolean): SafeHtml {
  return html`<div class="actions">
<button type="submit" class="primary" name="decision" value="confirm"${canPay ? '' : html` disabled`}>Confirm plata!</button>
<button type="submit" class="secondary" name="decision" value="refuse" formnovalidate>Refuz plata!</button>
</div>`;
}

/** The guide's closing line under both payment pages. */
export const PAYMENT_FOOTNOTE = html`<p class="muted">Puteti autoriza plata numai daca sunteti utilizator al serviciului Internet Banking-CECOnline.</p>`;
