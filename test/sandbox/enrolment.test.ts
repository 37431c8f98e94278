import { beforeAll, describe, expect, it } from 'vitest';
import { createConsent, type TestBank } from '../helpers/bank.js';
import { useBank } from '../helpers/enrolled-bank.js';
import { bareBase64, demoCertificate, demoCertificatePem, expiredCertificate } from '../helpers/certificates.js';
import { call, tppCode, type Answer } from '../helpers/http.js';
import { createAppKeys, guideCreateAppBody, guideRedirectUri, guideRegisterBody } from '../fixtures/cec-guide.js';

/** The guide's John Doe with another mailbox, so one bank can hold several of him. */
const john = (tag: string) => ({
  register: { ...guideRegisterBody, username: `john.doe+${tag}@yahoo.com` },
  app: { ...guideCreateAppBody, username: `john.doe+${tag}@yahoo.com` },
});

const jsonHeaders = (extra: Record<string, string | undefined> = {}): Record<string, string> => {
  const all: Record<string, string | undefined> = { 'Content-Type': 'application/json', 'TPP-Signature-Certificate': demoCertificate, ...extra };
  return Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => e[1] !== undefined));
};

const register = (bank: TestBank, body: unknown, headers = jsonHeaders()) =>
  call(`${bank.url}/dynamic-users-register/portal/users/register`, {
    method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const createApp = (bank: TestBank, body: unknown, headers = jsonHeaders({ 'Redirect-Uri': guideRedirectUri })) =>
  call(`${bank.url}/dynamic-users-register/create/app`, {
    method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body),
  });

async function mailTo(bank: TestBank, username: string): Promise<{ to: string; link: string }[]> {
  const mail = await call<{ messages: { to: string; link: string }[] }>(`${bank.origin}/sandbox/mailbox?to=${encodeURIComponent(username)}`);
  expect(mail.status).toBe(200);
  return mail.body.messages;
}

/** Registers and opens the activation link, as the developer does from the mail. */
async function registerAndActivate(bank: TestBank, body: { username: string }): Promise<void> {
  expect((await register(bank, body)).status).toBe(201);
  const [message] = await mailTo(bank, body.username);
  expect((await fetch(message?.link as string)).status).toBe(200);
}

/** A tppMessages error body of exactly one message, whose text shows nothing of the bank's insides. */
function expectCleanError(answer: Answer, status: number, code: string): void {
  expect(answer.status).toBe(status);
  expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
  expect(answer.body).toEqual({ tppMessages: [{ category: 'ERROR', code, text: expect.any(String) }] });
  expect(answer.text).not.toMatch(/\bat .+:\d+:\d+|node_modules|\.ts\b|SyntaxError|Unexpected token/);
}

describe('POST /dynamic-users-register/portal/users/register', () => {
  const env = useBank();

  it('answers 201 to the guide body and mails an absolute activation link that opens', async () => {
    const res = await register(env.bank, guideRegisterBody);
    expect(res.status).toBe(201);
    const messages = await mailTo(env.bank, guideRegisterBody.username);
    expect(messages).toHaveLength(1);
    const link = new URL(messages[0]?.link as string);
    expect(link.origin).toBe(env.bank.origin);
    expect(messages[0]?.to).toBe(guideRegisterBody.username);
    const page = await fetch(link, { redirect: 'manual' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('refuses a username already registered with 409, whatever its case', async () => {
    const body = john('dup').register;
    expect((await register(env.bank, body)).status).toBe(201);
    const again = await register(env.bank, { ...body, username: body.username.toUpperCase() });
    expect(again.status).toBe(409);
    expect(tppCode(again)).toBe('USER_EXISTS');
    expect(await mailTo(env.bank, body.username)).toHaveLength(1);
  });

  it('refuses a call without TPP-Signature-Certificate with 401 CERTIFICATE_MISSING', async () => {
    const res = await register(env.bank, john('nocert').register, jsonHeaders({ 'TPP-Signature-Certificate': undefined }));
    expectCleanError(res, 401, 'CERTIFICATE_MISSING');
    expect(await mailTo(env.bank, john('nocert').register.username)).toHaveLength(0);
  });

  it('refuses a certificate that is not X.509 with 401 CERTIFICATE_INVALID', async () => {
    const garbage = '-----BEGIN CERTIFICATE----- bm90IGEgY2VydGlmaWNhdGU= -----END CERTIFICATE-----';
    const res = await register(env.bank, john('garbage').register, jsonHeaders({ 'TPP-Signature-Certificate': garbage }));
    expectCleanError(res, 401, 'CERTIFICATE_INVALID');
  });

  it('refuses an expired certificate with 401 CERTIFICATE_EXPIRED', async () => {
    const res = await register(env.bank, john('expired').register, jsonHeaders({ 'TPP-Signature-Certificate': expiredCertificate() }));
    expectCleanError(res, 401, 'CERTIFICATE_EXPIRED');
  });

  it('accepts the certificate as bare base64 DER (the Berlin Group form)', async () => {
    const res = await register(env.bank, john('bare').register, jsonHeaders({ 'TPP-Signature-Certificate': bareBase64(demoCertificatePem) }));
    expect(res.status).toBe(201);
  });

  it('answers malformed JSON with 400 FORMAT_ERROR in a tppMessages body and no stack trace', async () => {
    const res = await register(env.bank, '{"username": "john.doe@yahoo.com", "password": ');
    expectCleanError(res, 400, 'FORMAT_ERROR');
  });

  it('refuses a body without the guide fields with 400 FORMAT_ERROR', async () => {
    const { organization: _dropped, ...rest } = john('noorg').register;
    expectCleanError(await register(env.bank, rest), 400, 'FORMAT_ERROR');
  });
});

describe('POST /dynamic-users-register/create/app', () => {
  const env = useBank();
  beforeAll(async () => {
    expect((await register(env.bank, guideRegisterBody)).status).toBe(201);
  });

  it('refuses an account whose activation link was not opened with 403 USER_NOT_ACTIVATED', async () => {
    const res = await createApp(env.bank, guideCreateAppBody);
    expectCleanError(res, 403, 'USER_NOT_ACTIVATED');
  });

  it('answers 201 after activation with exactly the guide keys and credentials that work', async () => {
    const [message] = await mailTo(env.bank, guideRegisterBody.username);
    expect((await fetch(message?.link as string)).status).toBe(200);
    const res = await createApp(env.bank, guideCreateAppBody);
    expect(res.status).toBe(201);
    expect(Object.keys(res.body).sort()).toEqual([...createAppKeys].sort());
    expect(res.body['Application Name']).toBe(guideCreateAppBody.app_name);
    expect(res.body['Application_Title']).toBe(guideCreateAppBody.app_title);
    expect(res.body['client id']).toMatch(/^\S{8,}$/);
    expect(res.body['client secret']).toMatch(/^\S{16,}$/);
    // The credentials are the TPP's from now on: a consent call with them is accepted.
    const creds = { clientId: res.body['client id'], clientSecret: res.body['client secret'], redirectUri: guideRedirectUri };
    const consent = await createConsent(env.bank, creds);
    expect(new URL(consent.location).searchParams.get('redirect_uri')).toBe(guideRedirectUri);
  });

  it('gives every app its own client id and secret', async () => {
    const first = await createApp(env.bank, guideCreateAppBody);
    const second = await createApp(env.bank, { ...guideCreateAppBody, app_name: 'JohnAPP2' });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(first.body['client id']).not.toBe(second.body['client id']);
    expect(first.body['client secret']).not.toBe(second.body['client secret']);
  });

  it('refuses the organisation with its spaces ("John ORG") with 400 FORMAT_ERROR', async () => {
    const res = await createApp(env.bank, { ...guideCreateAppBody, organization: guideRegisterBody.organization });
    expectCleanError(res, 400, 'FORMAT_ERROR');
  });

  it('refuses a wrong password with 401', async () => {
    const res = await createApp(env.bank, { ...guideCreateAppBody, password: 'not-the-password' });
    expectCleanError(res, 401, 'USER_INVALID');
  });

  it('refuses an unknown username with 401', async () => {
    const res = await createApp(env.bank, { ...guideCreateAppBody, username: 'jane.doe@yahoo.com' });
    expectCleanError(res, 401, 'USER_INVALID');
  });

  it('refuses a call without Redirect-Uri with 400 FORMAT_ERROR', async () => {
    const res = await createApp(env.bank, guideCreateAppBody, jsonHeaders());
    expectCleanError(res, 400, 'FORMAT_ERROR');
  });

  it('refuses a relative Redirect-Uri with 400 FORMAT_ERROR', async () => {
    const res = await createApp(env.bank, guideCreateAppBody, jsonHeaders({ 'Redirect-Uri': '/redirect' }));
    expectCleanError(res, 400, 'FORMAT_ERROR');
  });

  it('refuses a call without TPP-Signature-Certificate with 401 CERTIFICATE_MISSING', async () => {
    const res = await createApp(env.bank, guideCreateAppBody, jsonHeaders({ 'Redirect-Uri': guideRedirectUri, 'TPP-Signature-Certificate': undefined }));
    expectCleanError(res, 401, 'CERTIFICATE_MISSING');
  });

  it('refuses an expired certificate with 401 CERTIFICATE_EXPIRED', async () => {
    const headers = jsonHeaders({ 'Redirect-Uri': guideRedirectUri, 'TPP-Signature-Certificate': expiredCertificate() });
    expectCleanError(await createApp(env.bank, guideCreateAppBody, headers), 401, 'CERTIFICATE_EXPIRED');
  });

  it('accepts the certificate as bare base64 DER', async () => {
    const headers = jsonHeaders({ 'Redirect-Uri': guideRedirectUri, 'TPP-Signature-Certificate': bareBase64(demoCertificatePem) });
    expect((await createApp(env.bank, guideCreateAppBody, headers)).status).toBe(201);
  });

  it('answers malformed JSON with 400 FORMAT_ERROR in a tppMessages body and no stack trace', async () => {
    expectCleanError(await createApp(env.bank, '{"username": '), 400, 'FORMAT_ERROR');
  });

  it('applies the guide rule to any organisation: "John ORG" registers, "John-ORG" creates', async () => {
    const { register: reg, app } = john('rule');
    await registerAndActivate(env.bank, reg);
    expect(app.organization).toBe(reg.organization.replace(/ /g, '-'));
    expect((await createApp(env.bank, app)).status).toBe(201);
  });
});
