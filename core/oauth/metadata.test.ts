import { describe, expect, it } from 'vitest';
import { NetworkError, ProtocolError } from '../errors.js';
import { cecMetadataJson } from '../../test/fixtures/cec-oauth.js';
import { discoveryRequest, processDiscoveryResponse } from './metadata.js';

const json = (body: string, status = 200) => new Response(body, { status, headers: { 'content-type': 'application/json' } });
const withFields = (fields: Record<string, unknown>) => json(JSON.stringify({ ...JSON.parse(cecMetadataJson), ...fields }));

describe('discoveryRequest', () => {
  it('GETs the metadata URL asking for JSON, without following redirects', async () => {
    const seen: Request[] = [];
    const fetchFn: typeof fetch = async (input, init) => {
      seen.push(new Request(input, init));
      return json(cecMetadataJson);
    };
    await discoveryRequest(fetchFn, 'https://api.cec.ro/cec/prod/oauth/.well-known/oauthauthorization-server');
    expect(seen).toHaveLength(1);
    expect(seen[0]?.method).toBe('GET');
    expect(seen[0]?.url).toBe('https://api.cec.ro/cec/prod/oauth/.well-known/oauthauthorization-server');
    expect(seen[0]?.headers.get('accept')).toBe('application/json');
    expect(seen[0]?.redirect).toBe('manual');
  });

  it('turns a failed connection into a NetworkError', async () => {
    const fetchFn: typeof fetch = async () => { throw new TypeError('fetch failed'); };
    await expect(discoveryRequest(fetchFn, 'https://api.cec.ro/x')).rejects.toBeInstanceOf(NetworkError);
  });
});

describe('processDiscoveryResponse', () => {
  it('reads the guide\'s metadata, turning its string lists into arrays', async () => {
    const metadata = await processDiscoveryResponse(json(cecMetadataJson));
    expect(metadata.issuer).toBe('https://api.cec.ro');
    expect(metadata.authorization_endpoint).toBe('https://api.cec.ro/cec/prod/oauth/oauth2/authorize');
    expect(metadata.token_endpoint).toBe('https://api.cec.ro/cec/prod/oauth/oauth2/token');
    expect(metadata.response_types_supported).toEqual(['code', 'none']);
    expect(metadata.response_modes_supported).toEqual(['fragment', 'form_post']);
    expect(metadata.grant_types_supported).toEqual(['authorization_code']);
    expect(metadata.registration_endpoint).toBe('https://apiportal.cec.ro/cec/prod/');
    expect(metadata['name']).toBe('TpplauthCec');
  });

  it('reads "[]" as an empty list', async () => {
    const metadata = await processDiscoveryResponse(withFields({ code_challenge_methods_supported: '[]' }));
    expect(metadata.code_challenge_methods_supported).toEqual([]);
  });

  it('reads RFC 8414 JSON arrays as they are', async () => {
    const metadata = await processDiscoveryResponse(withFields({ response_types_supported: ['code'], code_challenge_methods_supported: ['S256'] }));
    expect(metadata.response_types_supported).toEqual(['code']);
    expect(metadata.code_challenge_methods_supported).toEqual(['S256']);
  });

  it('tolerates spaces and quotes inside a string list', async () => {
    const metadata = await processDiscoveryResponse(withFields({ grant_types_supported: '[ "authorization_code", refresh_token ]' }));
    expect(metadata.grant_types_supported).toEqual(['authorization_code', 'refresh_token']);
  });

  it.each(['issuer', 'authorization_endpoint', 'token_endpoint'])('rejects a %s that is not an http(s) URL', async (field) => {
    await expect(processDiscoveryResponse(withFields({ [field]: 'not a url' }))).rejects.toThrow(new RegExp(`^OAuth metadata: ${field} `));
    await expect(processDiscoveryResponse(withFields({ [field]: 'javascript:alert(1)' }))).rejects.toBeInstanceOf(ProtocolError);
  });

  it('rejects a document without a token_endpoint', async () => {
    const { token_endpoint: _dropped, ...rest } = JSON.parse(cecMetadataJson);
    await expect(processDiscoveryResponse(json(JSON.stringify(rest)))).rejects.toThrow('OAuth metadata: token_endpoint');
  });

  it('rejects a list that is neither an array nor a string', async () => {
    await expect(processDiscoveryResponse(withFields({ response_types_supported: 7 }))).rejects.toBeInstanceOf(ProtocolError);
  });

  it('rejects an HTML page', async () => {
    const page = new Response('<html>maintenance</html>', { status: 200, headers: { 'content-type': 'text/html' } });
    await expect(processDiscoveryResponse(page)).rejects.toBeInstanceOf(ProtocolError);
  });

  it('rejects an answer other than 200', async () => {
    await expect(processDiscoveryResponse(json('{}', 404))).rejects.toThrow('OAuth metadata: expected 200, got 404');
  });
});
