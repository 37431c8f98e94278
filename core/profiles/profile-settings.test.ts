import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ValidationError } from '../errors.js';
import { generateKeyPairSync } from 'node:crypto';
import { CEC_PRODUCTION_BASE_URL, CEC_TEST_BASE_URL, isSimulator, parseProductionInput, settingsOf } from './profile-settings.js';

const certificatePem = readFileSync(new URL('../../sandbox/demo-tpp/demo-tpp.cert.pem', import.meta.url), 'utf8');
const demoKeyPem = readFileSync(new URL('../../sandbox/demo-tpp/demo-tpp.key.pem', import.meta.url), 'utf8');
const valid = {
  kind: 'cec-production', id: 'cec-main', baseUrl: CEC_PRODUCTION_BASE_URL, clientId: 'abc123', certificatePem,
  redirectUri: 'https://conturi.invalid/oauth/callback',
};
const failure = (input: unknown) => {
  try {
    parseProductionInput(input);
  } catch (error) {
    return error as ValidationError;
  }
  throw new Error('accepted');
};

describe('parseProductionInput', () => {
  it('accepts CEC production and test environments and drops a trailing slash', () => {
    expect(parseProductionInput(valid).baseUrl).toBe('https://api.cec.ro/cec/prod');
    expect(parseProductionInput({ ...valid, baseUrl: `${CEC_TEST_BASE_URL}/` }).baseUrl).toBe('https://api-test.cec.ro/cec/tpp');
  });

  it('names a known bank profile, and refuses an unknown one', () => {
    expect(parseProductionInput({ ...valid, bank: 'cec' }).bank).toBe('cec');
    expect(failure({ ...valid, bank: 'nobank' }).field).toBe('bank');
  });

  it('requires https, except plain http to a loopback simulator, which it labels as one', () => {
    expect(failure({ ...valid, baseUrl: 'http://api.cec.ro/cec/prod' }).field).toBe('baseUrl');
    expect(failure({ ...valid, baseUrl: 'http://10.0.0.5/cec/prod' }).field).toBe('baseUrl');
    expect(failure({ ...valid, baseUrl: 'file:///etc/passwd' }).field).toBe('baseUrl');
    expect(failure({ ...valid, redirectUri: 'javascript:alert(1)' }).field).toBe('redirectUri');
    expect(failure({ ...valid, baseUrl: 'https://api.cec.ro/cec/prod?x=1' }).field).toBe('baseUrl');
    const simulator = parseProductionInput({ ...valid, baseUrl: 'http://127.0.0.1:9000/cec/prod' });
    expect(simulator.baseUrl).toBe('http://127.0.0.1:9000/cec/prod');
    expect(isSimulator(simulator)).toBe(true);
    expect(isSimulator(parseProductionInput(valid))).toBe(false);
  });

  it('refuses a QWAC key that is not the key of its certificate, and keeps secrets out of the stored settings', () => {
    const qwac = { certificatePem, privateKeyPem: demoKeyPem };
    const input = parseProductionInput({ ...valid, clientSecret: 's3cret', qwac });
    expect(settingsOf(input)).toEqual({ ...valid, qwac: { certificatePem } });
    const otherKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    expect(failure({ ...valid, qwac: { certificatePem, privateKeyPem: otherKey } }).field).toBe('qwac.privateKeyPem');
    expect(failure({ ...valid, qwac: { certificatePem, privateKeyPem: 'PRIVATE KEY' } }).field).toBe('qwac.privateKeyPem');
  });

  it('refuses a certificate that is not a PEM X.509 and an empty client id', () => {
    expect(failure({ ...valid, certificatePem: '-----BEGIN CERTIFICATE----- nope -----END CERTIFICATE-----' }).field).toBe('certificatePem');
    expect(failure({ ...valid, clientId: '  ' }).field).toBe('clientId');
    expect(failure({ ...valid, id: 'Not Valid' }).field).toBe('id');
  });
});
