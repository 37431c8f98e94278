import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ValidationError } from '../errors.js';
import { CEC_PRODUCTION_BASE_URL, CEC_TEST_BASE_URL, parseProductionSettings } from './profile-settings.js';

const certificatePem = readFileSync(new URL('../../sandbox/demo-tpp/demo-tpp.cert.pem', import.meta.url), 'utf8');
const valid = {
  kind: 'cec-production', id: 'cec-main', baseUrl: CEC_PRODUCTION_BASE_URL, clientId: 'abc123', certificatePem,
  redirectUri: 'https://conturi.invalid/oauth/callback',
};
const failure = (input: unknown) => {
  try {
    parseProductionSettings(input);
  } catch (error) {
    return error as ValidationError;
  }
  throw new Error('accepted');
};

describe('parseProductionSettings', () => {
  it('accepts CEC production and test environments and drops a trailing slash', () => {
    expect(parseProductionSettings(valid).baseUrl).toBe('https://api.cec.ro/cec/prod');
    expect(parseProductionSettings({ ...valid, baseUrl: `${CEC_TEST_BASE_URL}/` }).baseUrl).toBe('https://api-test.cec.ro/cec/tpp');
  });

  it('names a known bank profile, and refuses an unknown one', () => {
    expect(parseProductionSettings({ ...valid, bank: 'cec' }).bank).toBe('cec');
    expect(failure({ ...valid, bank: 'nobank' }).field).toBe('bank');
  });

  it('requires https, except plain http to a simulator on 127.0.0.1 when asked for by name', () => {
    expect(failure({ ...valid, baseUrl: 'http://api.cec.ro/cec/prod' }).field).toBe('baseUrl');
    expect(failure({ ...valid, baseUrl: 'http://127.0.0.1:9000/cec/prod' }).field).toBe('baseUrl');
    expect(failure({ ...valid, baseUrl: 'http://10.0.0.5/cec/prod', allowInsecureHttp: true }).field).toBe('baseUrl');
    expect(parseProductionSettings({ ...valid, baseUrl: 'http://127.0.0.1:9000/cec/prod', allowInsecureHttp: true }).baseUrl).toBe('http://127.0.0.1:9000/cec/prod');
  });

  it('refuses a certificate that is not a PEM X.509 and an empty client id', () => {
    expect(failure({ ...valid, certificatePem: '-----BEGIN CERTIFICATE----- nope -----END CERTIFICATE-----' }).field).toBe('certificatePem');
    expect(failure({ ...valid, clientId: '  ' }).field).toBe('clientId');
    expect(failure({ ...valid, id: 'Not Valid' }).field).toBe('id');
  });
});
