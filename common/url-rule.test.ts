import { describe, expect, it } from 'vitest';
import { methods } from './contract.js';
import { isSimulatorUrl } from './url-rule.js';

const cert = 'x'.repeat(100);
/** Every URL input of the contract, with a valid rest around it. */
const urlInputs = {
  'profiles:save-production baseUrl': (url: string) =>
    methods['profiles:save-production'].input.safeParse({ id: 'p1', baseUrl: url, clientId: 'c', certificatePem: cert, redirectUri: 'https://tpp.example/cb' }),
  'profiles:save-production redirectUri': (url: string) =>
    methods['profiles:save-production'].input.safeParse({ id: 'p1', baseUrl: 'https://api.cec.ro/cec/prod', clientId: 'c', certificatePem: cert, redirectUri: url }),
  'enrolment:register baseUrl': (url: string) =>
    methods['enrolment:register'].input.safeParse({ baseUrl: url, certificatePem: cert, username: 'a@b.ro', password: 'parola-sigura', firstName: 'A', lastName: 'B', organization: 'O' }),
  'enrolment:create-app baseUrl': (url: string) =>
    methods['enrolment:create-app'].input.safeParse({ profileId: 'p1', baseUrl: url, certificatePem: cert, username: 'a@b.ro', password: 'p', organization: 'O', appName: 'A', appTitle: 'T', redirectUri: 'https://tpp.example/cb' }),
  'enrolment:create-app redirectUri': (url: string) =>
    methods['enrolment:create-app'].input.safeParse({ profileId: 'p1', baseUrl: 'https://api.cec.ro/cec/prod', certificatePem: cert, username: 'a@b.ro', password: 'p', organization: 'O', appName: 'A', appTitle: 'T', redirectUri: url }),
};

const refused = [
  'file:///etc/passwd',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'ftp://files.example/x',
  'http://api.cec.ro/cec/prod',
  'http://192.168.1.10/cec/prod',
  'http://localhost.evil.example/',
  'http://127.0.0.1.nip.io/',
  'http://[::ffff:127.0.0.1]/',
  'https://user:pass@api.cec.ro/cec/prod',
  'https://api.cec.ro/cec/prod#x',
  'ws://127.0.0.1:1/',
];
const accepted = ['https://api.cec.ro/cec/prod', 'http://127.0.0.1:8080/cec/prod', 'http://127.3.4.5/', 'http://localhost:9/cb', 'http://[::1]:7/cec/prod', 'https://conturi.invalid/oauth/callback'];

describe('the contract’s URL inputs', () => {
  for (const [name, parse] of Object.entries(urlInputs)) {
    it.each(refused)(`${name} refuses %s`, (url) => {
      expect(parse(url).success).toBe(false);
    });
    it.each(accepted)(`${name} accepts %s`, (url) => {
      expect(parse(url).success).toBe(true);
    });
  }
});

describe('isSimulatorUrl', () => {
  it('is true for plain http to loopback and false for https', () => {
    expect(isSimulatorUrl('http://127.0.0.1:8080/cec/prod')).toBe(true);
    expect(isSimulatorUrl('http://[::1]:8080/')).toBe(true);
    expect(isSimulatorUrl('https://127.0.0.1/')).toBe(false);
    expect(isSimulatorUrl('https://api.cec.ro/cec/prod')).toBe(false);
  });
});
