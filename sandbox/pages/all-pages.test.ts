import { describe, expect, it } from 'vitest';
import {
  renderBulkPage,
  renderConsentPage,
  renderLoginPage,
  renderMessagePage,
  renderPaymentPage,
} from './index.js';
import { allNonced, externalReferences, tags } from './test-helpers.js';

const nonce = 'c2FuZGJveA==';
const target = { action: '/oauthcec/oauth2/authorize', hidden: { flow: 'f' }, nonce };
const payment = {
  paymentId: 'p', amount: '1.00', currency: 'RON', creditorName: 'B',
  creditorIban: 'RO59RNCB0857169988050001', remittance: 'r',
};
const pages: [string, string][] = [
  ['login', renderLoginPage({ ...target, appName: 'A', error: 'e' })],
  ['consent', renderConsentPage({
    ...target, appName: 'A', psuName: 'P', redirectUri: 'https://tpp.example/cb',
    accounts: [{ iban: 'RO42CECEAG0202RON0007466', currency: 'RON', product: 'Cont curent' }], error: 'e',
  })],
  ['payment', renderPaymentPage({ ...target, appName: 'A', psuName: 'P', payment, debtorOptions: ['RO1'] })],
  ['bulk', renderBulkPage({
    ...target, appName: 'A', psuName: 'P', debtorOptions: [],
    bulk: { paymentId: 'b', total: '1.00', currency: 'RON', payments: [payment] },
  })],
  ['message', renderMessagePage({ nonce, title: 'T', message: 'M', tone: 'error' })],
];

describe.each(pages)('the %s page', (_name, page) => {
  it('is a complete Romanian document', () => {
    expect(page).toMatch(/^<!doctype html>\n<html lang="ro">\n<head>\n<meta charset="utf-8">/);
    expect(page.trimEnd()).toMatch(/<\/body>\n<\/html>$/);
    expect(tags(page, 'h1')).toHaveLength(1);
  });

  it('references no external asset', () => {
    expect(externalReferences(page)).toEqual([]);
    expect(tags(page, 'img')).toEqual([]);
    expect(tags(page, 'link').every((l) => l.includes('href="data:,"'))).toBe(true);
  });

  it('puts the nonce on every style and script block and uses no inline handlers or style attributes', () => {
    expect(allNonced(page, nonce)).toBe(true);
    expect(page).not.toMatch(/\son[a-z]+\s*=/i);
    expect(page).not.toMatch(/\sstyle\s*=/i);
  });

  it('makes every button a submit button', () => {
    expect(tags(page, 'button').every((b) => b.startsWith('<button type="submit"'))).toBe(true);
  });

  it('gives every visible form control a label', () => {
    const controls = [...tags(page, 'input'), ...tags(page, 'select')].filter((t) => !t.includes('type="hidden"'));
    for (const control of controls) {
      const id = /\sid="([^"]+)"/.exec(control)?.[1];
      expect(id, control).toBeDefined();
      expect(page).toContain(`<label for="${id}"`);
    }
  });
});

describe('externalReferences', () => {
  it.each(['<img src="https://cdn.example/x.png">', '<link href="//fonts.example/f.css">', '<style>a{background:url(x)}</style>'])(
    'finds the off-page reference in %s',
    (markup) => {
      expect(externalReferences(markup)).not.toEqual([]);
    },
  );
});
