import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

/** Every process on the machine, as any local user can read it in /proc: none may carry these. */
function expectNoProcessArgumentCarries(...values: string[]): void {
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let cmdline = '';
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    for (const value of values) expect(cmdline, `process ${pid}`).not.toContain(value);
  }
}

const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

function run(args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const child = spawn(tsx, ['host/cli.ts', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exit };
}

async function firstLine(r: Run): Promise<string> {
  for (let i = 0; i < 900 && !r.stdout().includes('\n'); i++) {
    if (r.child.exitCode !== null) throw new Error(`cli exited ${r.child.exitCode}: ${r.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return r.stdout().split('\n')[0] ?? '';
}

describe('host/cli.ts', () => {
  let dir: string;
  let staticDir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'conturi-cli-'));
    // A renderer of its own: this test is about the CLI, not about whoever builds dist/renderer.
    staticDir = join(dir, 'renderer');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Conturi CLI test</title>');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints exactly one URL line, serves index.html and stops cleanly on SIGTERM', async () => {
    const dataDir = join(dir, 'data');
    const r = run(['--no-open', '--port', '0', '--data-dir', dataDir, '--static-dir', staticDir]);
    const line = await firstLine(r);
    expect(line).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#secret=[\w-]{43}$/);
    const page = await fetch(new URL('/', line));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await page.text()).toContain('Conturi CLI test');
    expect(existsSync(join(dataDir, 'conturi.sqlite'))).toBe(true);
    r.child.kill('SIGTERM');
    expect(await r.exit).toBe(0);
    expect(r.stdout()).toBe(`${line}\n`);
    expect(r.stderr()).not.toContain(new URL(line).hash.slice('#secret='.length));
  });

  it('opens the browser with no secret in any process argument: a 0600 page forwards a single-use ticket', async () => {
    // A stand-in for xdg-open: records its arguments and stays alive, as a browser would.
    const bin = join(dir, 'bin');
    mkdirSync(bin, { recursive: true });
    const argvFile = join(dir, 'opener-argv.txt');
    writeFileSync(join(bin, 'xdg-open'), '#!/bin/sh\nprintf \'%s\\n\' "$@" > "$CONTURI_TEST_ARGV.tmp" && mv "$CONTURI_TEST_ARGV.tmp" "$CONTURI_TEST_ARGV"\nsleep 5\n');
    chmodSync(join(bin, 'xdg-open'), 0o755);
    const dataDir = join(dir, 'data-open');
    const r = run(['--port', '0', '--data-dir', dataDir, '--static-dir', staticDir], { PATH: `${bin}:${process.env.PATH ?? ''}`, CONTURI_TEST_ARGV: argvFile });
    try {
      const line = await firstLine(r);
      const secret = new URL(line).hash.slice('#secret='.length);
      await vi.waitFor(() => expect(existsSync(argvFile)).toBe(true), { timeout: 10_000 });
      const argv = readFileSync(argvFile, 'utf8').trim().split('\n');
      expect(argv).toHaveLength(1);
      expect(argv[0]).toMatch(/^file:\/\/.*\/open-[0-9a-f]{16}\.html$/);

      // The launch page: only this user can read it, it holds a ticket and never the secret.
      const page = fileURLToPath(argv[0] as string);
      expect(statSync(page).mode & 0o777).toBe(0o600);
      const html = readFileSync(page, 'utf8');
      expect(html).not.toContain(secret);
      const ticket = /#ticket=([\w-]+)/.exec(html)?.[1] ?? '';
      expect(ticket).toHaveLength(43);

      // While the opener runs, no process on the machine carries the secret or the ticket.
      expectNoProcessArgumentCarries(secret, ticket);

      // The page's ticket opens the app once, then the page is gone.
      const origin = new URL(line).origin;
      const redeem = () => fetch(`${origin}/api/ticket`, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify({ ticket }) });
      const first = await redeem();
      expect(first.status).toBe(200);
      expect(await first.json()).toEqual({ secret });
      expect((await redeem()).status).toBe(403);
      await vi.waitFor(() => expect(existsSync(page)).toBe(false));
    } finally {
      r.child.kill('SIGTERM');
      await r.exit;
    }
  });

  it('starts without a Secret Service, keeping nothing: the sandbox only, production refused, nothing in the data folder', async () => {
    const dataDir = join(dir, 'no-keychain');
    const r = run(['--no-open', '--data-dir', dataDir, '--static-dir', staticDir], { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' });
    const line = await firstLine(r);
    const secret = new URL(line).hash.slice('#secret='.length);
    const invoke = async (method: string, input: unknown = {}) =>
      (await fetch(new URL('/api/invoke', line), { method: 'POST', headers: { 'content-type': 'application/json', 'x-conturi-secret': secret }, body: JSON.stringify({ method, input }) })).json();
    const info = (await invoke('app:info')) as { ok: true; value: { ephemeral: boolean; reason: string; dataDir: string | null; locked: boolean } };
    expect(info.value).toMatchObject({ ephemeral: true, dataDir: null, locked: false });
    expect(info.value.reason).toContain('install and unlock a Secret Service provider, e.g. gnome-keyring');
    expect(await invoke('profiles:list')).toEqual({ ok: true, value: [{ id: 'sandbox', kind: 'sandbox', displayName: 'CEC Bank (sandbox)' }] });
    const production = { id: 'prod', baseUrl: 'https://api.cec.ro', clientId: 'x', clientSecret: 's', certificatePem: 'p'.repeat(120), redirectUri: 'https://conturi.invalid/cb' };
    expect(await invoke('profiles:save-production', production)).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE', message: expect.stringContaining('gnome-keyring') } });
    expect(r.stderr()).toContain('no OS keychain: running on the sandbox bank only, and nothing is kept');
    r.child.kill('SIGTERM');
    expect(await r.exit).toBe(0);
    // Nothing at all: no database, no bank state, no lock, and no log file (an ephemeral log goes to stderr).
    expect(existsSync(dataDir) ? readdirSync(dataDir) : []).toEqual([]);
  });

  it('opens the bank page of a system-browser sign-in with no state in any process argument: a 0600 page forwards to it', async () => {
    // Any local user reads /proc/<pid>/cmdline; with the state they could end or complete the sign-in.
    const bin = join(dir, 'bin-authorize');
    mkdirSync(bin, { recursive: true });
    const argvFile = join(dir, 'authorize-argv.txt');
    writeFileSync(join(bin, 'xdg-open'), '#!/bin/sh\nprintf \'%s\\n\' "$@" > "$CONTURI_TEST_ARGV.tmp" && mv "$CONTURI_TEST_ARGV.tmp" "$CONTURI_TEST_ARGV"\nsleep 5\n');
    chmodSync(join(bin, 'xdg-open'), 0o755);
    const dataDir = join(dir, 'data-authorize');
    const r = run(['--no-open', '--port', '0', '--data-dir', dataDir, '--static-dir', staticDir], { PATH: `${bin}:${process.env.PATH ?? ''}`, CONTURI_TEST_ARGV: argvFile });
    try {
      const line = await firstLine(r);
      const origin = new URL(line).origin;
      const invoke = async (method: string, input: unknown = {}) =>
        (await fetch(`${origin}/api/invoke`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-conturi-secret': new URL(line).hash.slice('#secret='.length) }, body: JSON.stringify({ method, input }) })).json() as Promise<{ ok: boolean }>;
      expect((await invoke('settings:set', { authorizationMode: 'system-browser' })).ok).toBe(true);
      const connecting = invoke('connections:connect', { profileId: 'sandbox', label: 'argv' });
      await vi.waitFor(() => expect(existsSync(argvFile)).toBe(true), { timeout: 20_000 });
      const argv = readFileSync(argvFile, 'utf8').trim().split('\n');
      expect(argv).toHaveLength(1);
      expect(argv[0]).not.toContain('state=');
      expect(argv[0]).toMatch(/^file:\/\/.*\/open-[0-9a-f]{16}\.html$/);
      const page = fileURLToPath(argv[0] as string);
      expect(statSync(page).mode & 0o777).toBe(0o600);
      const state = /[?&amp;;]state=([\w-]+)/.exec(readFileSync(page, 'utf8'))?.[1] ?? '';
      expect(state).toHaveLength(43);
      expectNoProcessArgumentCarries(state);
      // The sign-in ends (here: cancelled), and its page goes with it.
      await invoke('connections:cancel-authorization');
      await connecting;
      await vi.waitFor(() => expect(existsSync(page)).toBe(false));
    } finally {
      r.child.kill('SIGTERM');
      await r.exit;
    }
  }, 40_000);

  it('exits 1 and says how to build when the renderer is missing', async () => {
    const r = run(['--no-open', '--data-dir', join(dir, 'd2'), '--static-dir', join(dir, 'nowhere')]);
    expect(await r.exit).toBe(1);
    expect(r.stderr()).toContain('npm run build:renderer');
  });

  it('exits 1 on a port that is not a port', async () => {
    const r = run(['--no-open', '--port', '70000', '--static-dir', staticDir]);
    expect(await r.exit).toBe(1);
    expect(r.stderr()).toContain('--port must be a whole number from 0 to 65535');
  });
});
