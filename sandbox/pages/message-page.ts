/**
 * A page that ends a flow at the bank instead of redirecting: errors the TPP must not receive
 * at an unverified address (e.g. an unregistered redirect_uri), or news such as an activated
 * account.
 */
import { html, renderDocument } from './layout.js';

/** Inputs of the message page. */
export interface MessagePageOptions {
  nonce: string;
  title: string;
  message: string;
  tone: 'error' | 'info';
}

/** Renders a title and one message; an error is announced through `role="alert"`. */
export function renderMessagePage(o: MessagePageOptions): string {
  const body =
    o.tone === 'error'
      ? html`<p class="alert" role="alert">${o.message}</p>`
      : html`<p class="info">${o.message}</p>`;
  return renderDocument({ nonce: o.nonce, title: `CEC Bank - ${o.title}`, main: html`<h1>${o.title}</h1>\n${body}` });
}
