import { describe, expect, it } from 'vitest';
import { BugIndicatingError, ProtocolError } from '../errors.js';
import { cecProfile } from '../profiles/bank-profile.js';
import { RFC7636_CHALLENGE } from '../../test/fixtures/rfc7636.js';
import { CEC_BASE, cecConsentId, cecConsentLocation, cecRedirectUri } from '../../test/fixtures/cec-oauth.js';
import { buildAuthorizationUrl, type AuthorizationUrlInput } from './authorize-url.js';

const input = (over: Partial<AuthorizationUrlInput> = {}): AuthorizationUrlInput => ({
  baseUrl: CEC_BASE,
  profile: cecProfile,
  clientId: 'cec-client-id',
  redirectUri: cecRedirectUri,
  scope: `AIS:${cecConsentId}`,
  pkce: { challenge: RFC7636_CHALLENGE, method: 'S256' },
  state: 'st-1',
  ...over,
});
const build = (over: Partial<AuthorizationUrlInput> = {}) => new URL(buildAuthorizationUrl(input(over)));
const ours = {
  response_type: 'code',
  client_id: 'cec-client-id',
  redirect_uri: cecRedirectUri,
  scope: `AIS:${cecConsentId}`,
  code_challenge: RFC7636_CHALLENGE,
  code_challenge_method: 'S256',
  state: 'st-1',
};

describe('buildAuthorizationUrl', () => {
  it('completes the guide\'s Location header, replacing its <value>/<method> placeholders', () => {
    const url = build({ location: cecConsentLocation });
    expect(`${url.origin}${url.pathname}`).toBe(`${CEC_BASE}/oauthcec/oauth2/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual(ours);
  });

  it('sets each parameter once even when the Location repeats it', () => {
    const location = `${CEC_BASE}/oauthcec/oauth2/authorize?code_challenge=&code_challenge=x&state=old&response_type=token`;
    const url = build({ location });
    for (const [name, value] of Object.entries(ours)) expect(url.searchParams.getAll(name)).toEqual([value]);
  });

  it('keeps parameters of the Location it does not own', () => {
    const url = build({ location: `${cecConsentLocation}&ui_locales=ro` });
    expect(url.searchParams.get('ui_locales')).toBe('ro');
  });

  it('takes a Location under /oauth as well as /oauthcec', () => {
    expect(build({ location: `${CEC_BASE}/oauth/oauth2/authorize?code_challenge=` }).pathname).toBe('/cec/prod/oauth/oauth2/authorize');
  });

  it('prefers the Location header to the configured path', () => {
    const location = `${CEC_BASE}/oauth/oauth2/authorize?consent=1`;
    const url = build({ location });
    expect(url.pathname).toBe('/cec/prod/oauth/oauth2/authorize');
    expect(url.searchParams.get('consent')).toBe('1');
  });

  it('resolves a relative Location against the bank base', () => {
    expect(build({ location: '/cec/prod/oauthcec/oauth2/authorize?x=1' }).origin).toBe('https://api.cec.ro');
  });

  it('falls back to the configured /oauthcec endpoint without a Location', () => {
    const url = build({ baseUrl: `${CEC_BASE}/` });
    expect(`${url.origin}${url.pathname}`).toBe(`${CEC_BASE}/oauthcec/oauth2/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual(ours);
  });

  it('rejects a Location on another origin', () => {
    for (const location of [
      'https://evil.example/cec/prod/oauthcec/oauth2/authorize',
      'http://api.cec.ro/cec/prod/oauthcec/oauth2/authorize',
      'https://api.cec.ro:8443/cec/prod/oauthcec/oauth2/authorize',
      '//evil.example/oauthcec/oauth2/authorize',
    ]) {
      expect(() => build({ location })).toThrow(ProtocolError);
    }
  });

  it.each([
    ['scope', 'AIS:another-consent'],
    ['client_id', 'someone-else'],
    ['redirect_uri', 'https://evil.example/redirect'],
  ])('rejects a Location whose %s contradicts ours', (name, value) => {
    const location = `${CEC_BASE}/oauthcec/oauth2/authorize?${name}=${encodeURIComponent(value)}`;
    expect(() => build({ location })).toThrow(ProtocolError);
    expect(() => build({ location })).toThrow(`${name}=${value}`);
  });

  it('accepts a Location whose redirect_uri differs only in host case', () => {
    const location = `${CEC_BASE}/oauthcec/oauth2/authorize?redirect_uri=${encodeURIComponent('https://EXAMPLE.com/redirect')}`;
    expect(build({ location }).searchParams.get('redirect_uri')).toBe(cecRedirectUri);
  });

  it('treats empty values in the Location as placeholders', () => {
    const location = `${CEC_BASE}/oauthcec/oauth2/authorize?scope=&client_id=&redirect_uri=`;
    expect(Object.fromEntries(build({ location }).searchParams)).toEqual(ours);
  });

  it('builds PIS scopes alike', () => {
    expect(build({ scope: 'PIS:fa92baca-572b-11f0-b868-0a0800610000' }).searchParams.get('scope')).toBe('PIS:fa92baca-572b-11f0-b868-0a0800610000');
  });

  it('refuses a scope that is not AIS:/PIS: and an empty state, as our own bugs', () => {
    expect(() => build({ scope: 'openid' })).toThrow(BugIndicatingError);
    expect(() => build({ state: '' })).toThrow(BugIndicatingError);
  });

  it('drops a fragment of the Location', () => {
    expect(build({ location: `${cecConsentLocation}#frag` }).hash).toBe('');
  });
});
