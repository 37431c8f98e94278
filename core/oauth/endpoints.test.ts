import { describe, expect, it } from 'vitest';
import { cecProfile } from '../profiles/bank-profile.js';
import { CEC_BASE } from '../../test/fixtures/cec-oauth.js';
import { resolveEndpoint, sameBankOrigin } from './endpoints.js';

describe('resolveEndpoint', () => {
  it('takes the profile\'s /oauthcec paths under the base, with or without a trailing slash', () => {
    expect(resolveEndpoint('token', { baseUrl: CEC_BASE, profile: cecProfile }).href).toBe(`${CEC_BASE}/oauthcec/oauth2/token`);
    expect(resolveEndpoint('authorize', { baseUrl: `${CEC_BASE}/`, profile: cecProfile }).href).toBe(`${CEC_BASE}/oauthcec/oauth2/authorize`);
  });
});

describe('sameBankOrigin', () => {
  it('resolves a relative URL against the base and refuses a malformed one', () => {
    expect(sameBankOrigin('/cec/prod/x', CEC_BASE, 'it').href).toBe('https://api.cec.ro/cec/prod/x');
    expect(() => sameBankOrigin('http://[::1', CEC_BASE, 'it')).toThrow('it is not a URL');
  });
});
