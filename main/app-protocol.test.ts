import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({ protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() } }));
vi.mock('electron', () => electron);

const { CONTENT_SECURITY_POLICY, handleAppProtocol, registerAppScheme, serveAppRequest } = await import('./app-protocol.js');
const { isAppUrl } = await import('./app-origin.js');

// dir/secret.txt sits next to the renderer root, dir/renderer/escape links to it.
const dir = mkdtempSync(join(tmpdir(), 'conturi-app-protocol-'));
const root = join(dir, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><script type="module" src="./assets/app.js"></script>');
writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(dir, 'secret.txt'), 'refresh-token');
symlinkSync(join(dir, 'secret.txt'), join(root, 'escape'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('registerAppScheme', () => {
  it('registers app: as a standard, secure scheme with fetch support', () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves the app scheme through protocol.handle', async () => {
    handleAppProtocol(root);
    const [scheme, handler] = electron.protocol.handle.mock.calls[0] as [string, (r: { url: string }) => Promise<Response>];
    expect(scheme).toBe('app');
    expect((await handler({ url: 'app://conturi/index.html' })).status).toBe(200);
  });
});

describe('serveAppRequest', () => {
  it('serves index.html for / with the strict CSP', async () => {
    const res = await serveAppRequest(root, 'app://conturi/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
    );
    expect(CONTENT_SECURITY_POLICY).toBe(res.headers.get('content-security-policy'));
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<script type="module"');
  });

  it('serves assets with their type', async () => {
    const res = await serveAppRequest(root, 'app://conturi/assets/app.js?v=1');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await res.text()).toBe('console.log(1)');
  });

  it.each([
    ['a dot-dot path', 'app://conturi/../secret.txt'],
    ['an encoded dot-dot', 'app://conturi/%2e%2e/secret.txt'],
    ['an encoded slash', 'app://conturi/assets%2f..%2f..%2fsecret.txt'],
    ['an encoded backslash', 'app://conturi/..%5csecret.txt'],
    ['a symlink out of the root', 'app://conturi/escape'],
    ['a directory', 'app://conturi/assets'],
    ['a missing file', 'app://conturi/nope.js'],
    ['another host', 'app://other/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['a broken escape', 'app://conturi/%E0%A4%A'],
  ])('answers 404 to %s, with the CSP', async (_name, url) => {
    const res = await serveAppRequest(root, url);
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('not found');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('isAppUrl', () => {
  it('accepts the app origin only', () => {
    expect(isAppUrl('app://conturi/index.html')).toBe(true);
    for (const url of ['app://conturi.evil/', 'app://conturi@evil/', 'app://evil/', 'https://conturi/', 'not a url']) expect(isAppUrl(url)).toBe(false);
  });
});
