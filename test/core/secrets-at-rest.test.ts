/**
 * No secret readable on disk outside the keychain: the data folder is scanned byte by byte for
 * every value the app filed in the (real) keychain, and for the QWAC private key.
 */
import { readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../core/app-core.js';
import { createLogger } from '../../core/logging/logger.js';
import { clientSecretKey, qwacKeyKey, readClientSecret, sandboxSecretKey } from '../../core/profiles/profile-secrets.js';
import { RegistrationStore } from '../../core/store/registrations.js';
import { openDatabase } from '../../core/store/database.js';
import { embeddedSandbox, type EmbeddedSandbox } from '../../sandbox/embedded.js';
import { demoCertificatePem } from '../helpers/certificates.js';
import { APP_REDIRECT, psuPort, TestKeychain } from '../helpers/core-world.js';
import { selfSigned } from '../helpers/tls-certs.js';

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/**
 * What to look for in the files for one secret: the value itself, the secret inside a bound
 * client-secret entry, and each base64 line of a PEM key (a JSON file would escape its newlines)
 * except a line that is public anyway: an EC key's last line is its public point, which the
 * certificate (kept in the database, rightly) carries too.
 */
function needles(value: string, publicText: string): string[] {
  const found = new Set([value]);
  try {
    const inner = (JSON.parse(value) as { secret?: unknown }).secret;
    if (typeof inner === 'string') found.add(inner);
  } catch {
    // A bare value.
  }
  const publicFlat = publicText.replace(/\s+/g, '');
  for (const line of value.split(/\r?\n/)) if (/^[A-Za-z0-9+/=]{16,}$/.test(line) && !publicFlat.includes(line)) found.add(line);
  return [...found];
}

/** Which file holds which secret, as `file: account`. */
function scan(dir: string, secrets: Map<string, string>, publicText: string): string[] {
  const hits: string[] = [];
  for (const file of filesUnder(dir)) {
    const bytes = readFileSync(file);
    for (const [account, value] of secrets) {
      if (needles(value, publicText).some((n) => bytes.includes(Buffer.from(n, 'utf8')))) hits.push(`${relative(dir, file)}: ${account}`);
    }
  }
  return hits;
}

describe('no secret on disk outside the keychain', () => {
  const dir = mkdtempSync(join(tmpdir(), 'conturi-data-'));
  const keychain = new TestKeychain();
  const qwac = selfSigned('Conturi QWAC at rest');
  const bank: EmbeddedSandbox = embeddedSandbox({ port: 0, dataDir: join(dir, 'sandbox-bank') }, demoCertificatePem);
  let core: AppCore;

  beforeAll(async () => {
    // Laid out as the app lays out its data folder (host/web-app.ts, main/index.ts), its log included.
    core = createAppCore({
      fetch,
      keychain,
      databasePath: join(dir, 'conturi.sqlite'),
      redirectUri: APP_REDIRECT,
      embedded: bank,
      logger: await createLogger({ dir: join(dir, 'logs'), level: 'debug' }),
    });
  });
  afterAll(async () => {
    core.close();
    await bank.close();
    await keychain.clear();
    rmSync(dir, { recursive: true, force: true });
  });

  it('after connecting the sandbox and saving a production profile with a QWAC key and a client secret, no file holds any of them', async () => {
    const connection = await core.connections.connect({ profileId: 'sandbox', label: 'demo', port: psuPort({ user: 'demo', decision: 'allow' }), psuIpAddress: '192.0.2.3' });
    await core.connections.accounts(connection.id, {});
    const { url } = await bank.start();
    await core.saveProductionProfile({
      kind: 'cec-production', id: 'p1', baseUrl: url, clientId: 'client-p1', certificatePem: demoCertificatePem,
      redirectUri: 'https://tpp.example/cb', clientSecret: `secret-${'x'.repeat(24)}`, qwac,
    });
    expect([...keychain.written].sort()).toEqual([clientSecretKey('p1'), sandboxSecretKey('sandbox', new RegistrationStore(core.db).get('sandbox')?.clientId ?? ''), qwacKeyKey('p1'), `refresh:${connection.id}`].sort());

    const secrets = new Map<string, string>();
    for (const account of keychain.written) {
      const value = await keychain.get(account);
      if (value !== undefined) secrets.set(account, value);
    }
    secrets.set('the QWAC private key', qwac.privateKeyPem);
    expect(secrets.size).toBe(5);

    // While running (the WAL holds the latest writes), and once everything is closed and flushed.
    expect(scan(dir, secrets, qwac.certificatePem)).toEqual([]);
    core.close();
    await bank.close();
    expect(scan(dir, secrets, qwac.certificatePem)).toEqual([]);
  });
});

describe('moving secrets an older version kept in the database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'conturi-legacy-'));
  const keychain = new TestKeychain();
  const qwac = selfSigned('Conturi legacy QWAC');
  const databasePath = join(dir, 'conturi.sqlite');
  let core: AppCore;

  beforeAll(async () => {
    // The database as the previous version left it: the QWAC key inside the profile's settings, a bare client secret in the keychain.
    openDatabase(databasePath).close();
    const old = new Database(databasePath);
    old.pragma('journal_mode = WAL');
    const settings = {
      kind: 'cec-production', id: 'legacy', baseUrl: 'https://api.cec.ro/cec/prod', clientId: 'legacy-client', certificatePem: demoCertificatePem,
      redirectUri: 'https://tpp.example/cb', qwac: { certificatePem: qwac.certificatePem, privateKeyPem: qwac.privateKeyPem },
    };
    old.prepare('INSERT INTO bank_profiles (id, settings, created_at) VALUES (?, ?, ?)').run('legacy', JSON.stringify(settings), '2026-01-01T00:00:00Z');
    old.close();
    await keychain.set(clientSecretKey('legacy'), 'bare-legacy-secret');
    expect(scan(dir, new Map([['key', qwac.privateKeyPem]]), qwac.certificatePem)).not.toEqual([]);
    core = createAppCore({ fetch, keychain, databasePath, redirectUri: APP_REDIRECT, logger: await createLogger({ dir: join(dir, 'logs') }) });
    await core.production.ready();
  });
  afterAll(async () => {
    core.close();
    await keychain.clear();
    rmSync(dir, { recursive: true, force: true });
  });

  it('moves the QWAC key to the keychain and scrubs it from the file and the WAL', async () => {
    expect(await keychain.get(qwacKeyKey('legacy'))).toBe(qwac.privateKeyPem);
    expect(core.profiles.get('legacy')?.qwac).toEqual({ certificatePem: qwac.certificatePem });
    expect(scan(dir, new Map([['the QWAC private key', qwac.privateKeyPem]]), qwac.certificatePem)).toEqual([]);
  });

  it('binds the bare client secret to the profile’s bank origin and client id', async () => {
    expect(await readClientSecret(keychain, 'legacy')).toEqual({ binding: { origin: 'https://api.cec.ro', clientId: 'legacy-client' }, secret: 'bare-legacy-secret' });
    const settings = core.profiles.get('legacy');
    if (settings === undefined) throw new Error('no profile');
    expect((await core.environments.resolve(settings)).clientSecret).toBe('bare-legacy-secret');
  });
});
