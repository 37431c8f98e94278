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
    expect(parse(`${cecCallbackUrl}&state=st-1`)).toEqual({ kind: 'code', code: 'AAAM...', stateChecked: true });
  });

  it('takes a state-less code only as a candidate, when the profile says the bank drops state', () => {
    expect(parse(cecCallbackUrl, { ...expected, stateMayBeOmitted: true })).toEqual({ kind: 'code', code: 'AAAM...', stateChecked: false });
    expect(parse(`${cecRedirectUri}?code=c&state=st-2`, { ...expected, stateMayBeOmitted: true }).kind).toBe('not-this-request');
  });

  it.each([
    ['error=access_denied', 'an error without state'],
    ['error=a&error=b', 'an error without state'],
    ['foo=1', 'no state and no single code'],
    ['code=1&code=2', 'no state and no single code'],
    ['code=', 'no state and no single code'],
    ['code=c&error=access_denied', 'an error without state'],
  ])('never lets a state-less %s end the flow, even when the bank may drop state', (query, why) => {
    const result = parse(`${cecRedirectUri}?${query}`, { ...expected, stateMayBeOmitted: true });
    expect(result).toEqual({ kind: 'not-this-request', why: expect.stringContaining(why) });
  });

  it.each([
    ['no state at all, a denial', 'error=access_denied', 'carries no state'],
    ['no state at all, a code', 'code=FORGED', 'carries no state'],
    ['no state at all, nothing', 'foo=1', 'carries no state'],
    ['a repeated state', 'state=a&state=b', 'repeats state'],
    ['a repeated state, ours first', 'state=st-1&state=b&code=c', 'repeats state'],
    ['a repeated code under a wrong state', 'code=1&code=2&state=a', 'another request'],
    ['a repeated error under no state', 'error=a&error=b', 'carries no state'],
    ['a single wrong state', 'code=c&state=st-2', 'another request'],
    ['an empty state', 'code=c&state=', 'another request'],
    ['a denial under a wrong state', 'error=access_denied&state=forged', 'another request'],
  ])('refuses %s as not this request, before reading anything else', (_what, query, why) => {
    expect(parse(`${cecRedirectUri}?${query}`)).toEqual({ kind: 'not-this-request', why: expect.stringContaining(why) });
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

  it('reports a redirect with our state but neither code nor error as a ProtocolError', () => {
    expect(errorOf(parse(`${cecRedirectUri}?state=st-1`))).toBeInstanceOf(ProtocolError);
    expect(errorOf(parse(`${cecRedirectUri}?code=&state=st-1`))).toBeInstanceOf(ProtocolError);
  });

  it.each(['code', 'error', 'error_description'])('reports a repeated %s under our state as a ProtocolError', (name) => {
    const url = `${cecRedirectUri}?code=c&state=st-1&error=x&error_description=d&${name}=again`;
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
    expect(parse('https://EXAMPLE.com:443/redirect?code=c&state=st-1')).toEqual({ kind: 'code', code: 'c', stateChecked: true });
  });

  it('matches loopback and custom-scheme redirects exactly', () => {
    const loopback = { redirectUri: 'http://127.0.0.1:53682/cb', state: 's' };
    expect(parse('http://127.0.0.1:53682/cb?code=c&state=s', loopback)).toEqual({ kind: 'code', code: 'c', stateChecked: true });
    expect(parse('http://127.0.0.1:53683/cb?code=c&state=s', loopback)).toEqual({ kind: 'not-ours' });
    const custom = { redirectUri: 'ro.conturi.desktop:/oauth/callback', state: 's' };
    expect(parse('ro.conturi.desktop:/oauth/callback?code=c&state=s', custom)).toEqual({ kind: 'code', code: 'c', stateChecked: true });
    expect(parse('ro.conturi.desktop:/oauth/callbackx?code=c&state=s', custom)).toEqual({ kind: 'not-ours' });
  });

  it('requires the registered redirect\'s own query parameters', () => {
    const withQuery = { redirectUri: 'https://tpp.example/cb?bank=cec', state: 's' };
    expect(parse('https://tpp.example/cb?bank=cec&code=c&state=s', withQuery)).toEqual({ kind: 'code', code: 'c', stateChecked: true });
    expect(parse('https://tpp.example/cb?bank=bcr&code=c&state=s', withQuery)).toEqual({ kind: 'not-ours' });
  });

  it('reads the query only, never the fragment', () => {
    expect(parse(`${cecRedirectUri}#code=c&state=st-1`).kind).toBe('not-this-request');
  });
});
