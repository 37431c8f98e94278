import { describe, expect, it } from 'vitest';
import { AuthorizationCancelledError, OAuthError, ProtocolError } from '../errors.js';
import { cecCallbackUrl, cecRedirectUri } from '../../test/fixtures/cec-oauth.js';
import { parseAuthorizationCallback, type AuthorizationCallback, type ExpectedCallback } from './callback.js';

const expected: ExpectedCallback = { redirectUri: cecRedirectUri, state: 'st-1' };
const parse = (url: string, exp = expected) => parseAuthorizationCallback(url, exp);
const errorOf = (result: AuthorizationCallback) => {
  if (result.kind !== 'error') throw new Error(`expected an error, got ${result.kind}`);
  return result.error;
};

describe('parseAuthorizationCallback', () => {
  it('returns the code of the guide\'s redirect once our state is on it', () => {
    expect(parse(`${cecCallbackUrl}&state=st-1`)).toEqual({ kind: 'code', code: 'AAAM...' });
  });

  it('accepts the guide\'s redirect without state when the profile says the bank drops it', () => {
    expect(parse(cecCallbackUrl, { ...expected, stateMayBeOmitted: true })).toEqual({ kind: 'code', code: 'AAAM...' });
    expect((errorOf(parse(`${cecRedirectUri}?code=c&state=st-2`, { ...expected, stateMayBeOmitted: true })) as OAuthError).error).toBe('state_mismatch');
  });

  it('treats the guide\'s redirect without state as a state mismatch', () => {
    const error = errorOf(parse(cecCallbackUrl));
    expect(error).toBeInstanceOf(OAuthError);
    expect((error as OAuthError).error).toBe('state_mismatch');
  });

  it('reports another request\'s state as a mismatch', () => {
    expect((errorOf(parse(`${cecRedirectUri}?code=c&state=st-2`)) as OAuthError).error).toBe('state_mismatch');
  });

  it('checks the state before believing an error', () => {
    expect((errorOf(parse(`${cecRedirectUri}?error=access_denied&state=forged`)) as OAuthError).error).toBe('state_mismatch');
  });

  it.each(['access_denied', 'acces_denied'])('turns error=%s into AuthorizationCancelledError', (code) => {
    const error = errorOf(parse(`${cecRedirectUri}?error=${code}&state=st-1`));
    expect(error).toBeInstanceOf(AuthorizationCancelledError);
    expect((error as AuthorizationCancelledError).reason).toBe('access_denied');
  });

  it('turns another error into an OAuthError with its description', () => {
    const error = errorOf(parse(`${cecRedirectUri}?error=invalid_scope&error_description=scope+must+be+AIS&state=st-1`));
    expect(error).toBeInstanceOf(OAuthError);
    expect(error).toMatchObject({ error: 'invalid_scope', errorDescription: 'scope must be AIS' });
  });

  it('reports a redirect with neither code nor error as a ProtocolError', () => {
    expect(errorOf(parse(`${cecRedirectUri}?state=st-1`))).toBeInstanceOf(ProtocolError);
    expect(errorOf(parse(`${cecRedirectUri}?code=&state=st-1`))).toBeInstanceOf(ProtocolError);
  });

  it.each(['code', 'state', 'error'])('reports a repeated %s as a ProtocolError', (name) => {
    const url = `${cecRedirectUri}?code=c&state=st-1&error=x&${name}=again`;
    expect(errorOf(parse(url))).toBeInstanceOf(ProtocolError);
  });

  it.each([
    ['another path', 'https://example.com/redirect2?code=c&state=st-1'],
    ['a longer path', 'https://example.com/redirect/more?code=c&state=st-1'],
    ['a shorter path', 'https://example.com/?code=c&state=st-1'],
    ['another scheme', 'http://example.com/redirect?code=c&state=st-1'],
    ['another host', 'https://example.com.evil.example/redirect?code=c&state=st-1'],
    ['another port', 'https://example.com:8443/redirect?code=c&state=st-1'],
    ['user info', 'https://user@example.com/redirect?code=c&state=st-1'],
    ['the bank\'s own page', 'https://api.cec.ro/cec/prod/oauthcec/oauth2/authorize?code=c&state=st-1'],
    ['not a URL', 'not a url'],
  ])('ignores %s as not ours', (_what, url) => {
    expect(parse(url)).toEqual({ kind: 'not-ours' });
  });

  it('matches the default port written out and the host in capitals', () => {
    expect(parse('https://EXAMPLE.com:443/redirect?code=c&state=st-1')).toEqual({ kind: 'code', code: 'c' });
  });

  it('matches loopback and custom-scheme redirects exactly', () => {
    const loopback = { redirectUri: 'http://127.0.0.1:53682/cb', state: 's' };
    expect(parse('http://127.0.0.1:53682/cb?code=c&state=s', loopback)).toEqual({ kind: 'code', code: 'c' });
    expect(parse('http://127.0.0.1:53683/cb?code=c&state=s', loopback)).toEqual({ kind: 'not-ours' });
    const custom = { redirectUri: 'ro.conturi.desktop:/oauth/callback', state: 's' };
    expect(parse('ro.conturi.desktop:/oauth/callback?code=c&state=s', custom)).toEqual({ kind: 'code', code: 'c' });
    expect(parse('ro.conturi.desktop:/oauth/callbackx?code=c&state=s', custom)).toEqual({ kind: 'not-ours' });
  });

  it('requires the registered redirect\'s own query parameters', () => {
    const withQuery = { redirectUri: 'https://tpp.example/cb?bank=cec', state: 's' };
    expect(parse('https://tpp.example/cb?bank=cec&code=c&state=s', withQuery)).toEqual({ kind: 'code', code: 'c' });
    expect(parse('https://tpp.example/cb?bank=bcr&code=c&state=s', withQuery)).toEqual({ kind: 'not-ours' });
  });

  it('reads the query only, never the fragment', () => {
    expect(errorOf(parse(`${cecRedirectUri}#code=c&state=st-1`))).toBeInstanceOf(OAuthError);
  });
});
