import { describe, expect, it } from 'vitest';
import {
  bgConsentInformation,
  bgConsentInformationVerbatim,
  bgConsentStatus,
  bgCreateConsentOAuth,
  consentInvalid,
  digestConsentId,
  digestConsentLocation,
  digestCreateConsent,
  gatewayHtml,
} from '../../test/fixtures/cec-answers.js';
import { answer, bgProfile, onlyCall, recordingContext } from '../../test/helpers/psd2-fakes.js';
import { BankError, BugIndicatingError, ProtocolError } from '../errors.js';
import {
  createConsentRequest,
  deleteConsentRequest,
  getConsentRequest,
  getConsentStatusRequest,
  processConsentResponse,
  processConsentStatusResponse,
  processCreateConsentResponse,
  processDeleteConsentResponse,
  type ConsentRequestBody,
} from './consents.js';

const REDIRECT = 'https://example.com/redirect';
const bgBody: ConsentRequestBody = {
  access: { balances: [{ iban: 'DE40100100103307118608' }], transactions: [{ iban: 'DE40100100103307118608' }] },
  recurringIndicator: true,
  validUntil: '2017-11-01',
  frequencyPerDay: 4,
  combinedServiceIndicator: false,
};

describe('createConsentRequest', () => {
  it('POSTs an empty body to CEC with TPP-Redirect-URI (digest §2.1)', async () => {
    const rec = recordingContext();
    await createConsentRequest(rec.ctx, { redirectUri: REDIRECT, body: bgBody });
    const req = onlyCall(rec);
    expect(req.method).toBe('POST');
    expect(req.url).toBe('https://api.cec.ro/cec/prod/psd29c/v1/consents');
    expect(req.headers.get('tpp-redirect-uri')).toBe(REDIRECT);
    expect(req.headers.has('authorization')).toBe(false);
    expect(req.headers.has('psu-ip-address')).toBe(false);
    expect(await req.text()).toBe('');
  });

  it('POSTs the Berlin Group body as JSON when the profile says so, with PSU-IP-Address', async () => {
    const rec = recordingContext(undefined, bgProfile);
    await createConsentRequest(rec.ctx, { redirectUri: REDIRECT, psuIpAddress: '192.0.2.10', body: bgBody });
    const req = onlyCall(rec);
    expect(req.url).toBe('https://api.cec.ro/cec/prod/v1/consents');
    expect(req.headers.get('content-type')).toBe('application/json');
    expect(req.headers.get('psu-ip-address')).toBe('192.0.2.10');
    expect(JSON.parse(await req.text())).toEqual(bgBody);
  });

  it('treats a Berlin Group bank without a body as a bug of the caller', async () => {
    const rec = recordingContext(undefined, bgProfile);
    await expect(createConsentRequest(rec.ctx, { redirectUri: REDIRECT })).rejects.toThrow(BugIndicatingError);
    expect(rec.calls).toHaveLength(0);
  });
});

describe('processCreateConsentResponse', () => {
  it('reads the digest 201: consent id, status, Location and scaOAuth', async () => {
    const res = answer(digestCreateConsent, 201, { location: digestConsentLocation });
    expect(await processCreateConsentResponse(res)).toEqual({
      consentId: digestConsentId,
      consentStatus: 'received',
      location: digestConsentLocation,
      scaOAuthHref: 'https://api.cec.ro/cec/prod/oauth/.well-known/oauthauthorization-server',
    });
  });

  it('reads the BG OAuth example, which has no Location', async () => {
    expect(await processCreateConsentResponse(answer(bgCreateConsentOAuth, 201))).toEqual({
      consentId: '1234-wertiq-983',
      consentStatus: 'received',
      scaOAuthHref: 'https://www.testbank.com/oauth/.well-known/oauth-authorization-server',
    });
  });

  it.each([
    ['consentId missing', '"consentId":"d5efc274-5674-11f0-b039-0a0800610000",', '', /consentId/],
    ['consentId as a fraction', '"consentId":"d5efc274-5674-11f0-b039-0a0800610000"', '"consentId":56.74', /consentId/],
    ['an unknown status', '"consentStatus":"received"', '"consentStatus":"pendingMaybe"', /consentStatus/],
  ])('refuses %s with a ProtocolError', async (_name, from, to, field) => {
    const error = await processCreateConsentResponse(answer(digestCreateConsent.replace(from, to), 201)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProtocolError);
    expect((error as Error).message).toMatch(field);
  });

  it('turns a 400 FORMAT_ERROR into a BankError', async () => {
    const body = '{"tppMessages":[{"category":"ERROR","code":"FORMAT_ERROR","text":"Header TPP-Redirect-URI is missing"}]}';
    await expect(processCreateConsentResponse(answer(body, 400))).rejects.toMatchObject({ code: 'FORMAT_ERROR', status: 400 });
  });
});

describe('consent reads', () => {
  it('go without a bearer before authorisation and with one after', async () => {
    const rec = recordingContext();
    await getConsentStatusRequest(rec.ctx, 'c/1');
    await getConsentRequest(rec.ctx, 'c-1', { accessToken: 'tok' });
    const [status, info] = rec.calls;
    expect(status?.url).toBe('https://api.cec.ro/cec/prod/psd29c/v1/consents/c%2F1/status');
    expect(status?.headers.has('authorization')).toBe(false);
    expect(info?.url).toBe('https://api.cec.ro/cec/prod/psd29c/v1/consents/c-1');
    expect(info?.headers.get('authorization')).toBe('Bearer tok');
  });

  it('read the BG status example', async () => {
    expect(await processConsentStatusResponse(answer(bgConsentStatus))).toBe('valid');
  });

  it('map partiallyAuthorised to received: not usable yet', async () => {
    expect(await processConsentStatusResponse(answer('{"consentStatus":"partiallyAuthorised"}'))).toBe('received');
  });

  it('read the BG consent information', async () => {
    expect(await processConsentResponse(answer(bgConsentInformation))).toEqual({
      consentStatus: 'valid',
      access: {
        accounts: [],
        balances: [{ iban: 'DE2310010010123456789' }],
        transactions: [{ iban: 'DE2310010010123456789' }, {}],
      },
      recurringIndicator: true,
      validUntil: '2017-11-01',
      frequencyPerDay: 4,
      lastActionDate: '2017-10-25',
    });
  });

  it('read the BG example verbatim: "recurringIndicator": "true" is true, the missing lastActionDate absent', async () => {
    const info = await processConsentResponse(answer(bgConsentInformationVerbatim));
    expect(info).toMatchObject({ consentStatus: 'valid', recurringIndicator: true, frequencyPerDay: 4 });
    expect(info).not.toHaveProperty('lastActionDate');
  });

  it('read frequencyPerDay "4" as 4 and refuse "four"', async () => {
    expect((await processConsentResponse(answer(bgConsentInformation.replace('"frequencyPerDay":4', '"frequencyPerDay":"4"')))).frequencyPerDay).toBe(4);
    await expect(processConsentResponse(answer(bgConsentInformation.replace('"frequencyPerDay":4', '"frequencyPerDay":"four"')))).rejects.toThrow(/frequencyPerDay/);
  });

  it('accept a CEC consent not yet authorised, which has no validUntil', async () => {
    const info = await processConsentResponse(answer(bgConsentInformation.replace('"validUntil":"2017-11-01",', '')));
    expect(info).not.toHaveProperty('validUntil');
  });
});

describe('deleteConsentRequest / processDeleteConsentResponse', () => {
  it('DELETEs the consent and takes 204 as done', async () => {
    const rec = recordingContext(() => new Response(null, { status: 204 }));
    const res = await deleteConsentRequest(rec.ctx, 'c-1', { accessToken: 'tok' });
    expect(onlyCall(rec).method).toBe('DELETE');
    await expect(processDeleteConsentResponse(res)).resolves.toBeUndefined();
  });

  it('turns 401 CONSENT_INVALID and a gateway page into BankErrors', async () => {
    await expect(processDeleteConsentResponse(answer(consentInvalid, 401))).rejects.toMatchObject({ code: 'CONSENT_INVALID' });
    await expect(processDeleteConsentResponse(answer(gatewayHtml, 503, { 'content-type': 'text/html' }))).rejects.toBeInstanceOf(BankError);
  });
});
