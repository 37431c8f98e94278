import { describe, expect, it } from 'vitest';
import type { CallbackAnswer } from './authorization-session.js';
import { renderCallbackPage } from './callback-page.js';

const text = (answer: CallbackAnswer) => /<p role="status">([^<]*)<\/p>/.exec(renderCallbackPage(answer, { nonce: 'n' }).html)?.[1];

describe('renderCallbackPage', () => {
  it('says authorised only for an exchanged code, in Romanian with its diacritics', () => {
    expect(text({ kind: 'authorized' })).toBe('Autorizare finalizată. Puteți închide această fereastră.');
    expect(text({ kind: 'refused' })).toBe('Autorizarea a fost refuzată. Puteți închide această fereastră.');
    expect(text({ kind: 'failed', why: 'x' })).toBe('Autorizarea nu a reușit. Puteți închide această fereastră și încerca din nou din aplicație.');
    expect(text({ kind: 'not-for-this-request', why: 'x' })).toBe('Acest răspuns nu aparține autorizării în curs și a fost ignorat. Dacă ați început o autorizare, continuați în pagina băncii.');
    expect(text({ kind: 'no-session' })).toBe('Nu există nicio autorizare în curs. Puteți închide această fereastră și reveni în aplicație.');
  });

  it.each([
    [{ kind: 'authorized' }, 200, true],
    [{ kind: 'refused' }, 200, true],
    [{ kind: 'failed', why: 'x' }, 200, false],
    [{ kind: 'not-for-this-request', why: 'x' }, 400, false],
    [{ kind: 'no-session' }, 400, false],
  ] as const)('answers %o with %i, closing itself: %s', (answer, status, closes) => {
    const page = renderCallbackPage(answer, { nonce: 'n' });
    expect(page.status).toBe(status);
    expect(page.html.includes('<script nonce="n">window.close();</script>')).toBe(closes);
    expect(page.headers).toMatchObject({ 'content-security-policy': page.csp, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
    expect(page.csp).toContain("script-src 'nonce-n'");
  });

  it('shows why, escaped, so a bank\'s description cannot inject markup', () => {
    const page = renderCallbackPage({ kind: 'failed', why: 'OAuth invalid_grant: <img src=x onerror=alert(1)>' });
    expect(page.html).toContain('<small>OAuth invalid_grant: &lt;img src=x onerror=alert(1)&gt;</small>');
    expect(page.html).not.toContain('<img');
  });

  it('in the Electron window carries its policy in a <meta> and runs no script', () => {
    const page = renderCallbackPage({ kind: 'failed', why: 'x' }, { nonce: 'n', inWindow: true });
    expect(page.html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-n'; style-src 'nonce-n'; form-action 'none'; base-uri 'none'">`);
    expect(page.html).not.toContain('<script');
  });
});
