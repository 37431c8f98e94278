import { describe, expect, it } from 'vitest';
import { methods } from '../../../../common/contract.js';
import { defaultRedirectUri, problemsOf, rules, type FieldName } from './wizard-rules.js';

const save = methods['profiles:save-production'].input.shape;
const register = methods['enrolment:register'].input.shape;
const createApp = methods['enrolment:create-app'].input.shape;

/** Each mirrored rule beside the contract schema it mirrors, with values on both sides of its bounds. */
const cases: [FieldName, { safeParse(v: unknown): { success: boolean } }, string[]][] = [
  ['profileId', save.id, ['cec', 'cec-2', 'CEC', 'c c', '', 'a'.repeat(40), 'a'.repeat(41)]],
  ['baseUrl', save.baseUrl, ['https://api.cec.ro/cec/prod', 'http://127.0.0.1:8080/cec/prod', 'http://localhost:1/', 'http://[::1]:3/', 'http://bank.example/', 'ftp://bank.example/', 'https://u:p@bank.example/', 'https://bank.example/#x', 'javascript:alert(1)', 'nu e adresă', `https://b.ro/${'a'.repeat(2000)}`]],
  ['redirectUri', save.redirectUri, ['https://conturi.invalid/oauth/callback', 'http://127.0.0.1:47613/oauth/callback', 'http://evil.example/cb']],
  ['clientId', save.clientId, ['abc', '', '   ', 'x'.repeat(200), 'x'.repeat(201)]],
  ['email', register.username, ['ana@firma.ro', 'ana.pop@sandbox.local', 'ana@', 'ana', 'a@b', '@firma.ro', `${'x'.repeat(250)}@a.ro`]],
  ['password', register.password, ['12345678', 'scurt', 'x'.repeat(128), 'x'.repeat(129)]],
  ['firstName', register.firstName, ['Ana', '', ' ', 'x'.repeat(100), 'x'.repeat(101)]],
  ['organization', register.organization, ['Conturi Test', '', 'x'.repeat(101)]],
  ['appName', createApp.appName, ['Conturi', '', 'x'.repeat(64), 'x'.repeat(65)]],
  ['appTitle', createApp.appTitle, ['Conturi', 'x'.repeat(101)]],
];

describe('the wizard’s checks', () => {
  it.each(cases)('%s accepts exactly what the contract accepts', (field, schema, values) => {
    for (const value of values) {
      const input = field === 'email' || field === 'baseUrl' || field === 'redirectUri' ? value.trim() : value;
      expect({ value, ok: rules[field](value) === undefined }).toEqual({ value, ok: schema.safeParse(input).success });
    }
  });

  it('names what is wrong: bounds for lengths, the password’s minimum, the shape of a PEM file', () => {
    expect(rules.clientId('x'.repeat(201))).toEqual({ kind: 'tooLong', max: 200 });
    expect(rules.password('scurt')).toEqual({ kind: 'password', min: 8 });
    expect(rules.email('ana@')).toEqual({ kind: 'email' });
    expect(rules.baseUrl('http://bank.example/')).toEqual({ kind: 'url' });
    expect(rules.certificate('')).toEqual({ kind: 'required' });
    expect(rules.certificate('MIIB'.repeat(40))).toEqual({ kind: 'certificate' });
    expect(rules.certificate(`-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n`)).toEqual({ kind: 'tooShort', min: 100 });
    const pem = `-----BEGIN CERTIFICATE-----\n${'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A'.repeat(4)}\n-----END CERTIFICATE-----\n`;
    expect(rules.certificate(pem)).toBeUndefined();
    expect(rules.qwacCertificate('')).toBeUndefined();
    expect(rules.qwacKey('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----')).toEqual({ kind: 'privateKey' });
    expect(rules.qwacKey('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----')).toBeUndefined();
    expect(problemsOf({ clientId: '', clientSecret: '' })).toEqual({ clientId: { kind: 'required' } });
  });

  it('proposes the redirect browser mode’s host catches, else the Electron window’s', () => {
    expect(defaultRedirectUri({ protocol: 'http:', origin: 'http://127.0.0.1:5123' })).toBe('http://127.0.0.1:5123/oauth/callback');
    expect(defaultRedirectUri({ protocol: 'app:', origin: 'app://conturi' })).toBe('https://conturi.invalid/oauth/callback');
  });
});
