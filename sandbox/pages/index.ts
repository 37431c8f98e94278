/** The sandbox bank's server-rendered pages: pure functions from data to an HTML document. */
export { pageCsp } from './csp.js';
export type { FormTarget } from './form-parts.js';
export { renderLoginPage, type LoginPageOptions } from './login-page.js';
export {
  renderConsentPage,
  type ConsentAccount,
  type ConsentChecked,
  type ConsentPageOptions,
} from './consent-page.js';
export { renderPaymentPage, type PaymentPageOptions, type PaymentSummary } from './payment-page.js';
export { renderBulkPage, type BulkItem, type BulkPageOptions, type BulkSummary } from './bulk-page.js';
export { renderMessagePage, type MessagePageOptions } from './message-page.js';
