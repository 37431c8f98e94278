import { describe, expect, it } from 'vitest';
import { ProtocolError } from '../errors.js';
import { cecProfile, type BankProfile } from '../profiles/bank-profile.js';
import { CEC_BASE, cecMetadataJson } from '../../test/fixtures/cec-oauth.js';
import { processDiscoveryResponse } from './metadata.js';
import { resolveEndpoint, sameBankOrigin } from './endpoints.js';

const metadata = await processDiscoveryResponse(new Response(cecMetadataJson, { headers: { 'content-type': 'application/json' } }));
const followsMetadata: BankProfile = { ...cecProfile, quirks: { ...cecProfile.quirks, preferConfiguredEndpoints: false } };

describe('resolveEndpoint', () => {
  it('keeps CEC\'s configured /oauthcec token path over the metadata\'s /oauth one', () => {
    expect(resolveEndpoint('token', { baseUrl: CEC_BASE, profile: cecProfile, metadata }).href).toBe(`${CEC_BASE}/oauthcec/oauth2/token`);
  });

  it('takes the metadata\'s token endpoint for a profile that trusts it', () => {
    expect(resolveEndpoint('token', { baseUrl: CEC_BASE, profile: followsMetadata, metadata }).href).toBe(`${CEC_BASE}/oauth/oauth2/token`);
  });

  it('falls back to the configured path without metadata', () => {
    expect(resolveEndpoint('token', { baseUrl: `${CEC_BASE}/`, profile: followsMetadata }).href).toBe(`${CEC_BASE}/oauthcec/oauth2/token`);
  });

  it('refuses a published endpoint on another origin', () => {
    const foreign = { ...metadata, token_endpoint: 'https://token.evil.example/token' };
    expect(() => resolveEndpoint('token', { baseUrl: CEC_BASE, profile: followsMetadata, metadata: foreign })).toThrow(ProtocolError);
  });
});

describe('sameBankOrigin', () => {
  it('resolves a relative URL against the base and refuses a malformed one', () => {
    expect(sameBankOrigin('/cec/prod/x', CEC_BASE, 'it').href).toBe('https://api.cec.ro/cec/prod/x');
    expect(() => sameBankOrigin('http://[::1', CEC_BASE, 'it')).toThrow('it is not a URL');
  });
});
