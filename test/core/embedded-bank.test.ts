/**
 * The `EmbeddedBank` port as core uses it: the sandbox's self-enrolment happens behind it (core
 * knows nothing of the sandbox's mailbox), and an enrolment without credentials is a bug.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_PROFILE } from '../../core/profiles/profile-settings.js';
import { BugIndicatingError } from '../../core/errors.js';
import { MemoryKeychain } from '../../core/keychain/memory-keychain.js';
import { BankEnvironments, type EmbeddedBank } from '../../core/profiles/bank-environments.js';
import { clientSecretKey, sandboxSecretKey } from '../../core/profiles/profile-secrets.js';
import { openDatabase, type Db } from '../../core/store/database.js';
import { RegistrationStore } from '../../core/store/registrations.js';
import { embeddedSandbox, type EmbeddedSandbox } from '../../sandbox/embedded.js';
import { demoCertificatePem } from '../helpers/certificates.js';
import { call, psd2Headers } from '../helpers/http.js';

let dir: string;
let db: Db;
let sandbox: EmbeddedSandbox;
let enrolments: string[];
/** The real embedded sandbox, counting the enrolments core asks of it. */
let counted: EmbeddedBank;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'conturi-embedded-'));
  db = openDatabase(join(dir, 'conturi.sqlite'));
  sandbox = embeddedSandbox({ port: 0 }, demoCertificatePem);
  enrolments = [];
  counted = {
    start: () => sandbox.start(),
    demoCertificatePem,
    enrol: (redirectUri) => {
      enrolments.push(redirectUri);
      return sandbox.enrol(redirectUri);
    },
  };
});
afterEach(async () => {
  db.close();
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

const environments = (embedded: EmbeddedBank, keychain: MemoryKeychain, redirectUri: string) =>
  new BankEnvironments({ fetch, keychain, registrations: new RegistrationStore(db), embedded, redirectUri, now: () => new Date() });

describe('BankEnvironments over the EmbeddedBank port', () => {
  it('has the embedded bank enrol the app once per redirect, and keeps the secret in the keychain, the id in the database', async () => {
    const keychain = new MemoryKeychain();
    const first = await environments(counted, keychain, 'https://conturi.invalid/a').resolve(SANDBOX_PROFILE);
    const again = await environments(counted, keychain, 'https://conturi.invalid/a').resolve(SANDBOX_PROFILE);
    expect(enrolments).toEqual(['https://conturi.invalid/a']);
    expect(again.clientId).toBe(first.clientId);
    expect(first.clientId).not.toBe('');
    expect(await keychain.get(sandboxSecretKey(SANDBOX_PROFILE.id, first.clientId))).toBe(first.clientSecret);
    expect(new RegistrationStore(db).get(SANDBOX_PROFILE.id)).toMatchObject({ clientId: first.clientId, redirectUri: 'https://conturi.invalid/a', baseUrl: first.psd2.baseUrl });

    // The bank knows the app: a PSD2 call under its client id passes the client check.
    const consent = await call(`${first.psd2.baseUrl}/psd29c/v1/consents`, {
      method: 'POST',
      headers: psd2Headers(first.clientId, { 'TPP-Redirect-URI': 'https://conturi.invalid/a', 'x-ibm-client-secret': first.clientSecret }),
    });
    expect(consent.status, consent.text).toBe(201);

    const moved = await environments(counted, keychain, 'https://conturi.invalid/b').resolve(SANDBOX_PROFILE);
    expect(enrolments).toEqual(['https://conturi.invalid/a', 'https://conturi.invalid/b']);
    expect(moved.clientId).not.toBe(first.clientId);
    // The replaced app's secret goes; the new one is filed under its own client id.
    expect(await keychain.get(sandboxSecretKey(SANDBOX_PROFILE.id, first.clientId))).toBeUndefined();
    expect(await keychain.get(sandboxSecretKey(SANDBOX_PROFILE.id, moved.clientId))).toBe(moved.clientSecret);
  });

  it('keeps two data folders\' sandbox secrets apart in one keychain: each folder resolves its own', async () => {
    const keychain = new MemoryKeychain();
    const other = openDatabase(join(dir, 'other.sqlite'));
    try {
      const mine = await environments(counted, keychain, 'https://conturi.invalid/a').resolve(SANDBOX_PROFILE);
      const theirs = await new BankEnvironments({ fetch, keychain, registrations: new RegistrationStore(other), embedded: counted, redirectUri: 'https://conturi.invalid/a', now: () => new Date() }).resolve(SANDBOX_PROFILE);
      expect(theirs.clientId).not.toBe(mine.clientId);
      const again = await environments(counted, keychain, 'https://conturi.invalid/a').resolve(SANDBOX_PROFILE);
      expect([again.clientId, again.clientSecret]).toEqual([mine.clientId, mine.clientSecret]);
    } finally {
      other.close();
    }
  });

  it('refuses an enrolment that came back without a client id as a bug, storing nothing', async () => {
    const keychain = new MemoryKeychain();
    const blank: EmbeddedBank = { ...counted, enrol: async (redirectUri) => ({ ...(await sandbox.enrol(redirectUri)), clientId: '' }) };
    await expect(environments(blank, keychain, 'https://conturi.invalid/a').resolve(SANDBOX_PROFILE)).rejects.toBeInstanceOf(BugIndicatingError);
    expect(new RegistrationStore(db).get(SANDBOX_PROFILE.id)).toBeUndefined();
    expect(await keychain.get(clientSecretKey(SANDBOX_PROFILE.id))).toBeUndefined();
  });
});
