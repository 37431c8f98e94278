import { describe, expect, it } from 'vitest';
import { pageCsp } from './csp.js';

describe('pageCsp', () => {
  it('allows only nonce scripts and styles, data: images and posts to self plus the given origins', () => {
    expect(pageCsp({ nonce: 'abc123+/=', formActionOrigins: ['https://tpp.example', 'http://127.0.0.1:5173'] })).toBe(
      "default-src 'none'; script-src 'nonce-abc123+/='; style-src 'nonce-abc123+/='; img-src data:; " +
        "form-action 'self' https://tpp.example http://127.0.0.1:5173; frame-ancestors 'none'; base-uri 'none'",
    );
  });

  it("lists only 'self' in form-action when there is no origin", () => {
    expect(pageCsp({ nonce: 'n', formActionOrigins: [] })).toBe(
      "default-src 'none'; script-src 'nonce-n'; style-src 'nonce-n'; img-src data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
  });

  it('lists a repeated origin once', () => {
    expect(pageCsp({ nonce: 'n', formActionOrigins: ['https://a.example', 'https://a.example'] })).toContain(
      "form-action 'self' https://a.example;",
    );
  });

  it('rejects a nonce that could add directives', () => {
    expect(() => pageCsp({ nonce: "n'; script-src *", formActionOrigins: [] })).toThrow(/nonce/);
  });

  it.each(['https://a.example; script-src *', "https://a.example'", 'https://a.example https://b', 'javascript:alert(1)', ''])(
    'rejects %j as a form-action origin',
    (origin) => {
      expect(() => pageCsp({ nonce: 'n', formActionOrigins: [origin] })).toThrow(/origin/);
    },
  );
});
