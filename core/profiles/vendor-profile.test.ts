import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadVendorProfile, VENDOR_PROFILE_ENV, VENDOR_PROFILE_FILE, vendorProfilePaths } from './vendor-profile.js';

const demoCert = new URL('../../sandbox/demo-tpp/demo-tpp.cert.pem', import.meta.url);
const demoKey = new URL('../../sandbox/demo-tpp/demo-tpp.key.pem', import.meta.url);
const base = { baseUrl: 'https://api.cec.ro/cec/prod/', clientId: 'vendor-client', redirectUri: 'https://conturi.invalid/oauth/callback', certificateFile: 'eidas.pem' };

describe('the vendor profile file', () => {
  let dir: string;
  const write = (content: unknown, name = VENDOR_PROFILE_FILE) => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };
  const load = (path: string) => loadVendorProfile({ paths: [path], required: false });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'conturi-vendor-'));
    copyFileSync(demoCert, join(dir, 'eidas.pem'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('looks at the development variable alone when set, else the data folder, then the resources', () => {
    expect(vendorProfilePaths({ env: { [VENDOR_PROFILE_ENV]: '/x/dev.json' }, dataDir: '/data', resourcesDir: '/res' })).toEqual({ paths: ['/x/dev.json'], required: true });
    expect(vendorProfilePaths({ env: {}, dataDir: '/data', resourcesDir: '/res' }))
      .toEqual({ paths: [join('/data', VENDOR_PROFILE_FILE), join('/res', VENDOR_PROFILE_FILE)], required: false });
    expect(vendorProfilePaths({ env: { [VENDOR_PROFILE_ENV]: '' }, dataDir: null })).toEqual({ paths: [], required: false });
  });

  it('reads a profile with its certificate from a file next to it, as a production profile under the reserved id', () => {
    const loaded = load(write(base));
    expect(loaded.problem).toBeUndefined();
    expect(loaded.profile?.settings).toMatchObject({ kind: 'cec-production', id: 'vendor', baseUrl: 'https://api.cec.ro/cec/prod', clientId: 'vendor-client' });
    expect(loaded.profile?.settings.certificatePem).toContain('BEGIN CERTIFICATE');
    expect(loaded.source).toBe(join(dir, VENDOR_PROFILE_FILE));
  });

  it('takes a QWAC from files, its key kept in memory only, and an inline PEM', () => {
    copyFileSync(demoKey, join(dir, 'qwac.key'));
    const { certificateFile: _file, ...inline } = base;
    const pem = loadVendorProfile({ paths: [write(base, 'plain.json')], required: false }).profile?.settings.certificatePem ?? '';
    const loaded = load(write({ ...inline, certificatePem: pem, qwac: { certificateFile: 'eidas.pem', privateKeyFile: 'qwac.key' } }));
    expect(loaded.problem).toBeUndefined();
    expect(loaded.profile?.settings.qwac?.certificatePem).toContain('BEGIN CERTIFICATE');
    expect(JSON.stringify(loaded.profile?.settings)).not.toContain('PRIVATE KEY');
    expect(loaded.profile?.qwacPrivateKeyPem).toContain('PRIVATE KEY');
  });

  it('finds nothing where there is no file, but names a missing file the development variable points at', () => {
    expect(loadVendorProfile({ paths: [join(dir, 'none.json')], required: false })).toEqual({ source: null });
    expect(loadVendorProfile({ paths: [join(dir, 'none.json')], required: true }).problem).toMatch(/does not exist/);
  });

  it('reports each broken file in words, never throwing', () => {
    const problem = (content: unknown) => load(write(content)).problem;
    expect(problem('{ not json')).toMatch(/^not JSON/);
    expect(problem({ ...base, clientSecret: 's' })).toMatch(/carries no client secret/);
    expect(problem({ ...base, certificateFile: 'missing.pem' })).toMatch(/certificate: cannot read .*missing\.pem \(ENOENT\)/);
    expect(problem({ ...base, certificateFile: undefined })).toMatch(/certificate: missing/);
    expect(problem({ ...base, baseUrl: 'http://api.cec.ro' })).toMatch(/^baseUrl: must use https/);
    expect(problem({ ...base, clientId: ' ' })).toMatch(/^clientId/);
    expect(problem({ ...base, extra: 1 })).toMatch(/extra|Unrecognized/);
    writeFileSync(join(dir, 'other.key'), 'nope');
    expect(problem({ ...base, qwac: { certificateFile: 'eidas.pem', privateKeyFile: 'other.key' } })).toMatch(/privateKeyPem/);
    mkdirSync(join(dir, 'folder.json'));
    expect(load(join(dir, 'folder.json')).problem).toMatch(/cannot read it/);
  });
});
