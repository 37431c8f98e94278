/**
 * The currencies a payment from a CEC account can be in: `sepa-credit-transfers` at CEC carries
 * RON and EUR, the currencies its current accounts are kept in (digest §3.1). The payment form and
 * the bulk CSV check it before anything is sent, so the bank's 400 is never the first word.
 */
export const PAYABLE_CURRENCIES = ['RON', 'EUR'] as const;

export type PayableCurrency = (typeof PAYABLE_CURRENCIES)[number];

export const isPayableCurrency = (code: string): code is PayableCurrency => (PAYABLE_CURRENCIES as readonly string[]).includes(code);
