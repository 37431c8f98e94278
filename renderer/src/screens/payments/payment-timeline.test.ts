import { createElement } from 'react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { PaymentReason, PaymentState, PaymentView } from '../../../../common/payments.js';
import { createI18n } from '../../i18n/i18n.js';
import type { Language } from '../../i18n/resources.js';
import { renderScreen } from '../render-for-test.js';
import { fundsText, reasonText } from './payment-texts.js';
import { PaymentTimelineScreen } from './payment-timeline-screen.js';

const at = (n: number) => `2026-11-30T10:0${n}:00.000Z`;

/** A single payment whose DELETE the bank refused with 405: the PSU had already authorised it. */
function view(state: PaymentState, steps: PaymentState[]): PaymentView {
  return {
    id: 'p1', kind: 'single', profileId: 'sandbox', debtorIban: 'RO66CECEB00030RON0000001', total: { amount: '150.00', currency: 'RON' },
    items: [{ endToEndId: 'e2e-1', creditorName: 'Maria Popescu', creditorIban: 'RO49AAAA1B31007593840000', amount: { amount: '150.00', currency: 'RON' }, remittance: 'Chirie noiembrie', bankPaymentId: 'cec-77', status: null }],
    state, createdAt: at(0), updatedAt: at(3), canCancel: false, canRetry: false,
    timeline: steps.map((s, i) => ({ at: at(i), state: s })),
  };
}

const afterAuthorisation: PaymentState = { kind: 'unknown', paymentId: 'cec-77', reason: { code: 'authorised-at-bank' }, reconciliation: 'pending' };
const steps: PaymentState[] = [{ kind: 'draft' }, { kind: 'initiating' }, { kind: 'awaiting-sca', paymentId: 'cec-77', status: 'RCVD' }, afterAuthorisation];

const shown = (v: PaymentView, language: Language = 'ro') => renderScreen(
  createElement(Routes, null, createElement(Route, { path: '/payments/:id', element: createElement(PaymentTimelineScreen) })),
  { path: '/payments/p1', state: { payments: [v] }, language },
);
/** What a person reads: the markup without its tags. */
const words = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

const ro = createI18n('ro').getFixedT('ro', ['payments', 'common']);
const en = createI18n('en').getFixedT('en', ['payments', 'common']);
const reason = (r: PaymentReason, t = ro) => reasonText(t as Parameters<typeof reasonText>[0], r);

describe('the payment timeline, its reason said in the person’s language', () => {
  it('a cancel refused after authorisation (405) reads in Romanian, with no English on the page', () => {
    const page = words(shown(view(afterAuthorisation, steps)));
    expect(page).toContain('Motiv: banca spune că ai autorizat-o deja, deci nu mai poate fi anulată; rezultatul se citește de la bancă.');
    expect(page).not.toMatch(/\b(the|and|it|is|of|was|bank|payment|reason|outcome|cancel\w*|authori[sz]\w*|PSU)\b/i);
  });

  it('the same page in English says it in English', () => {
    expect(words(shown(view(afterAuthorisation, steps), 'en'))).toContain('Reason: the bank says you already authorised it');
  });

  it('a technical detail is folded under “Detalii tehnice”, apart from the sentence', () => {
    const lost: PaymentState = { kind: 'unknown', paymentId: null, reason: { code: 'initiation-unanswered', detail: 'fetch failed' }, reconciliation: 'pending' };
    const html = shown(view(lost, [{ kind: 'draft' }, { kind: 'initiating' }, lost]));
    expect(html).toContain('Motiv: banca nu a răspuns când i-a fost trimisă plata.');
    expect(html).toMatch(/<details class="payment-reason-detail"><summary>Detalii tehnice<\/summary><code>fetch failed<\/code><\/details>/);
  });

  it('names the bank’s ISO 20022 reason codes in words with the code beside them, and shows an unknown code as itself', () => {
    expect(reason({ code: 'bank-reason', bankCode: 'AM04' })).toBe('fonduri insuficiente (codul băncii AM04).');
    expect(reason({ code: 'bank-reason', bankCode: 'AC01' })).toBe('număr de cont greșit (codul băncii AC01).');
    expect(reason({ code: 'bank-reason', bankCode: 'AM04' }, en)).toBe('insufficient funds (the bank’s code AM04).');
    expect(reason({ code: 'bank-reason', bankCode: 'ZZ42' })).toBe('codul băncii ZZ42.');
    for (const bankCode of ['AB05', 'AC04', 'AC06', 'AG01', 'AM05', 'MS02', 'MS03', 'RR04']) {
      expect(reason({ code: 'bank-reason', bankCode })).not.toContain('bankReason.');
    }
  });

  it('says a reason an earlier version wrote as text without showing that text as the sentence', () => {
    expect(reason({ code: 'legacy', detail: 'the bank refused the payment' })).toBe('motivul a fost scris de o versiune anterioară a aplicației (vezi detaliile).');
  });
});

describe('the funds advice, in the person’s language', () => {
  const t = ro as Parameters<typeof fundsText>[0];
  it('says why there is no advice from the code, never from a text of core', () => {
    expect(fundsText(t, { kind: 'unknown', reason: 'no-connection' }, 'RON')).toBe('Fondurile nu pot fi verificate: nicio conexiune nu cuprinde acest cont.');
    expect(fundsText(t, { kind: 'unknown', reason: 'no-consent' }, 'RON')).toBe('Fondurile nu pot fi verificate: niciun acord valabil nu cuprinde soldurile acestui cont.');
    expect(fundsText(t, { kind: 'unknown', reason: 'currency-mismatch', accountCurrency: 'RON', accountId: 'a1' }, 'EUR')).toBe('Fondurile nu pot fi verificate: contul este în RON, iar plata în EUR.');
    expect(fundsText(t, { kind: 'unknown', reason: 'check-failed', accountId: 'a1' }, 'RON')).toBe('Fondurile nu pot fi verificate acum: banca nu a putut răspunde.');
    expect(fundsText(t, { kind: 'insufficient', accountId: 'a1', connectionId: 'c1' }, 'RON')).toBe('Fonduri insuficiente');
  });
});
