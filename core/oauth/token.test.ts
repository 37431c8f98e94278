import { describe, expect, it } from 'vitest';
import { BankError, OAuthError, ProtocolError, toAppError } from '../errors.js';
import { RFC7636_VERIFIER } from '../../test/fixtures/rfc7636.js';
import { cecRedirectUri, cecTokenBodyFields, cecTokenJson, cecTokenScope } from '../../test/fixtures/cec-oauth.js';
import { authorizationCodeGrantRequest, processTokenResponse, refreshTokenGrantRequest } from './token.js';

const NOW = new Date('2026-11-26T10:00:00Z');
const TOKEN_URL = 'https://api.cec.ro/cec/prod/oauthcec/oauth2/token';
const json = (body: string, status = 200) => new Response(body, { status, headers: { 'content-type': 'application/json' } });
const withFields = (fields: Record<string, unknown>) => {
  const body: Record<string, unknown> = { ...JSON.parse(cecTokenJson), ...fields };
  for (const [k, v] of Object.entries(fields)) if (v === undefined) delete body[k];
  return json(JSON.stringify(body));
};

/** A fetch that records what it was asked and answers the guide's token JSON. */
function recorder() {
  const seen: Request[] = [];
  const fetchFn: typeof fetch = async (input, init) => {
    seen.push(new Request(input, init));
    return json(cecTokenJson);
  };
  return { seen, fetchFn };
}

describe('authorizationCodeGrantRequest', () => {
  const grant = { tokenUrl: TOKEN_URL, clientId: 'cid', code: 'AAAM...', redirectUri: cecRedirectUri, codeVerifier: RFC7636_VERIFIER, scope: cecTokenScope };

  it('POSTs the guide\'s form, in its order, with accept and x-ibm-client-id', async () => {
    const { seen, fetchFn } = recorder();
    await authorizationCodeGrantRequest(fetchFn, grant);
    const req = seen[0] as Request;
    expect(req.method).toBe('POST');
    expect(req.url).toBe(TOKEN_URL);
    expect(req.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(req.headers.get('accept')).toBe('application/json');
    expect(req.headers.get('x-ibm-client-id')).toBe('cid');
    const body = new URLSearchParams(await req.text());
    expect([...body.keys()]).toEqual(cecTokenBodyFields);
    expect(Object.fromEntries(body)).toEqual({
      grant_type: 'authorization_code', client_id: 'cid', code: 'AAAM...', redirect_uri: cecRedirectUri, scope: cecTokenScope, code_verifier: RFC7636_VERIFIER,
    });
  });

  it('sends client_secret only when given', async () => {
    const { seen, fetchFn } = recorder();
    await authorizationCodeGrantRequest(fetchFn, { ...grant, clientSecret: 's3cret' });
    const body = new URLSearchParams(await (seen[0] as Request).text());
    expect(body.get('client_secret')).toBe('s3cret');
  });
});

describe('refreshTokenGrantRequest', () => {
  it('POSTs grant_type=refresh_token with client_id and the refresh token', async () => {
    const { seen, fetchFn } = recorder();
    await refreshTokenGrantRequest(fetchFn, { tokenUrl: TOKEN_URL, clientId: 'cid', refreshToken: 'AAJz...' });
    const req = seen[0] as Request;
    expect(req.headers.get('x-ibm-client-id')).toBe('cid');
    expect(await req.text()).toBe('grant_type=refresh_token&client_id=cid&refresh_token=AAJz...');
  });

  it('adds client_secret when given', async () => {
    const { seen, fetchFn } = recorder();
    await refreshTokenGrantRequest(fetchFn, { tokenUrl: TOKEN_URL, clientId: 'cid', clientSecret: 'x', refreshToken: 'r' });
    expect(await (seen[0] as Request).text()).toBe('grant_type=refresh_token&client_id=cid&refresh_token=r&client_secret=x');
  });
});

describe('processTokenResponse', () => {
  it('reads the guide\'s token answer into absolute instants', async () => {
    expect(await processTokenResponse(json(cecTokenJson), NOW)).toEqual({
      accessToken: 'AAIk...',
      tokenType: 'bearer',
      expiresAt: new Date(NOW.getTime() + 3595_000),
      scope: cecTokenScope,
      refreshToken: 'AAJz...',
      refreshTokenExpiresAt: new Date(NOW.getTime() + 2_682_000_000),
      consentedOn: new Date(1_614_240_924_000),
    });
  });

  it('accepts token_type in any case', async () => {
    expect((await processTokenResponse(withFields({ token_type: 'Bearer' }), NOW)).tokenType).toBe('bearer');
  });

  it('leaves out what a refresh answer does not carry', async () => {
    const set = await processTokenResponse(withFields({ refresh_token: undefined, refresh_token_expires_in: undefined, consented_on: undefined }), NOW);
    expect(Object.keys(set).sort()).toEqual(['accessToken', 'expiresAt', 'scope', 'tokenType']);
  });

  it('fills a missing scope with the expected one and rejects a different one', async () => {
    expect((await processTokenResponse(withFields({ scope: undefined }), NOW, { expectedScope: 'PIS:p1' })).scope).toBe('PIS:p1');
    await expect(processTokenResponse(withFields({ scope: undefined }), NOW)).rejects.toThrow('scope is missing');
    await expect(processTokenResponse(json(cecTokenJson), NOW, { expectedScope: 'AIS:other' })).rejects.toThrow(ProtocolError);
  });

  it('reads expires_in and consented_on sent as digit strings ("3595"), and null as absent', async () => {
    const set = await processTokenResponse(withFields({ expires_in: '3595', consented_on: '1614240924', refresh_token_expires_in: null }), NOW);
    expect(set.expiresAt).toEqual(new Date(NOW.getTime() + 3595_000));
    expect(set.consentedOn).toEqual(new Date(1_614_240_924_000));
    expect(set).not.toHaveProperty('refreshTokenExpiresAt');
  });

  it.each([
    ['expires_in as a non-numeric string', { expires_in: 'soon' }, 'expires_in'],
    ['expires_in as a fractional string', { expires_in: '3595.5' }, 'expires_in'],
    ['a fractional expires_in', { expires_in: 3595.5 }, 'expires_in'],
    ['a zero expires_in', { expires_in: 0 }, 'expires_in'],
    ['no expires_in', { expires_in: undefined }, 'expires_in'],
    ['a negative refresh_token_expires_in', { refresh_token_expires_in: -1 }, 'refresh_token_expires_in'],
    ['another token_type', { token_type: 'mac' }, 'token_type'],
    ['no access_token', { access_token: undefined }, 'access_token'],
    ['an empty access_token', { access_token: '' }, 'access_token'],
  ])('rejects %s as a ProtocolError', async (_what, fields, field) => {
    const answer = processTokenResponse(withFields(fields), NOW);
    await expect(answer).rejects.toBeInstanceOf(ProtocolError);
    await expect(processTokenResponse(withFields(fields), NOW)).rejects.toThrow(`token answer: ${field}`);
  });

  it('turns an RFC 6749 error answer into an OAuthError with its status', async () => {
    const res = json('{"error":"invalid_grant","error_description":"PKCE verification failed"}', 400);
    const error = await processTokenResponse(res, NOW).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OAuthError);
    expect(error).toMatchObject({ error: 'invalid_grant', errorDescription: 'PKCE verification failed', status: 400 });
  });

  it('turns a 401 invalid_client into an OAuthError', async () => {
    await expect(processTokenResponse(json('{"error":"invalid_client"}', 401), NOW)).rejects.toMatchObject({ error: 'invalid_client', status: 401 });
  });

  it('reads a gateway\'s 5xx page as the bank being down: offline and retryable, with its request id and Retry-After', async () => {
    const page = new Response('<html><body>502 Bad Gateway</body></html>', { status: 502, headers: { 'content-type': 'text/html', 'x-request-id': 'gw-1', 'retry-after': '120' } });
    const error = await processTokenResponse(page, NOW).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(BankError);
    expect(toAppError(error)).toMatchObject({ code: 'HTTP_502', state: 'offline', retryable: true, requestId: 'gw-1', retryAfter: 120 });
    const text = new Response('Service Unavailable', { status: 503, headers: { 'content-type': 'text/plain' } });
    expect(toAppError(await processTokenResponse(text, NOW).catch((e: unknown) => e))).toMatchObject({ code: 'HTTP_503', state: 'offline', retryable: true });
  });

  it('reads a 429 without an RFC 6749 body as rate-limited', async () => {
    const limited = new Response('Too Many Requests', { status: 429, headers: { 'retry-after': 'Tue, 01 Dec 2026 14:05:00 GMT' } });
    expect(toAppError(await processTokenResponse(limited, NOW).catch((e: unknown) => e))).toMatchObject({ state: 'rate-limited', retryAfter: '2026-12-01T14:05:00.000Z' });
  });

  it('keeps the request id of an RFC 6749 error answer', async () => {
    const refused = new Response('{"error":"invalid_client"}', { status: 401, headers: { 'content-type': 'application/json', 'x-request-id': 'tok-7' } });
    expect(toAppError(await processTokenResponse(refused, NOW).catch((e: unknown) => e))).toMatchObject({ code: 'invalid_client', state: 'misconfigured', requestId: 'tok-7' });
  });

  it('reports an error answer without an RFC 6749 body as a ProtocolError', async () => {
    await expect(processTokenResponse(json('{"tppMessages":[{"category":"ERROR","code":"FORMAT_ERROR"}]}', 400), NOW)).rejects.toThrow(ProtocolError);
  });

  it('reports a 200 that is not JSON as a ProtocolError', async () => {
    const page = new Response('<html>login</html>', { status: 200, headers: { 'content-type': 'text/html' } });
    await expect(processTokenResponse(page, NOW)).rejects.toBeInstanceOf(ProtocolError);
  });
});
