/**
 * `npm run cli` as a person or a script runs it: the real CLI in a child process, against its
 * embedded sandbox bank, in a temp data folder under the real OS keychain (run this file with
 * `sh test/run-with-keyring.sh npx vitest run test/cli/cli.test.ts`) and in `--ephemeral` mode.
 * One connect is shared by the checks that need a connected bank: each run starts a process.
 * That connect is typed as a person types it, `npm run cli -- …` (npm's script, tsx and the
 * sources); every other run starts Node on the bundle of the same sources (cli-bundle.ts).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodNames } from '../../common/index.js';
import { cli, freePort, startCli, waitFor, type Finished } from './cli-run.js';

const USAGE = /^Usage: npm run cli -- \[options\] <command>$/m;
const AUTHORIZE_URL = /^http:\/\/127\.0\.0\.1:\d+\/cec\/prod\/oauthcec\/oauth2\/authorize\?response_type=code&scope=AIS%3A[\w-]+&redirect_uri=http%3A%2F%2F127\.0\.0\.1%3A(\d+)%2Foauth%2Fcallback&client_id=\w+&code_challenge=[\w-]{43}&code_challenge_method=S256&state=[\w-]{43}$/m;
const CONNECTED = /^Connected CEC \(sandbox\): connection [\w-]+, active, consent valid until \d{4}-\d{2}-\d{2} \(179 days left\)$/m;

const lines = (text: string) => text.split('\n').filter((l) => l !== '');

// Each check starts Node afresh, several at once on a shared machine: room, not retries.
describe('npm run cli: usage, methods and call', { timeout: 90_000 }, () => {
  it('exits 2 with the reason and the usage text on bad usage, and 0 with the usage on --help', async () => {
    const [unknown, badOption, noMethod, badKnob, help] = await Promise.all([
      cli(['--ephemeral', 'frobnicate']),
      cli(['--ephemeral', 'connect', '--bogus']),
      cli(['--ephemeral', 'call']),
      cli(['--ephemeral', '--sandbox-option', 'sede=7', 'accounts']),
      cli(['--help']),
    ]);
    for (const r of [unknown, badOption, noMethod, badKnob]) {
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(USAGE);
      expect(r.stdout).toBe('');
    }
    expect(lines(unknown.stderr)[0]).toBe('conturi: unknown command "frobnicate"');
    expect(lines(badOption.stderr)[0]).toMatch(/^conturi: Unknown option '--bogus'/);
    expect(lines(noMethod.stderr)[0]).toBe('conturi: call needs a METHOD (see: npm run cli -- methods)');
    expect(lines(badKnob.stderr)[0]).toMatch(/^conturi: unknown sandbox option "sede"; valid names: .*\bseed\b.*\bfault-rate\b/);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(USAGE);
    expect(help.stdout).toMatch(/^Exit codes: 0 success, 1 a failure \(one line on stderr\), 2 bad usage\.$/m);
  });

  it('methods: every contract method with its input as a JSON Schema', async () => {
    const r = await cli(['methods']);
    expect(r.code).toBe(0);
    const listed = JSON.parse(r.stdout) as Record<string, { input: { $schema: string; type: string; properties: Record<string, unknown> } }>;
    expect(Object.keys(listed)).toEqual(methodNames);
    for (const [name, { input }] of Object.entries(listed)) {
      expect(input.$schema, name).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(input.type, name).toBe('object');
    }
    expect(listed['connections:connect']?.input).toMatchObject({ required: ['profileId', 'label'], additionalProperties: false });
  });

  it('call: prints the Result as JSON; exit 0 when ok, 1 with the validation message on bad JSON or input', async () => {
    const [info, notJson, invalid, unknown] = await Promise.all([
      cli(['--ephemeral', 'call', 'app:info']),
      cli(['--ephemeral', 'call', 'connections:refresh-status', '{connectionId:']),
      cli(['--ephemeral', 'call', 'connections:refresh-status', '{"connectionId":"a b"}']),
      cli(['--ephemeral', 'call', 'accounts:frobnicate', '{}']),
    ]);
    expect(info.code).toBe(0);
    expect(JSON.parse(info.stdout)).toEqual({ ok: true, value: { ephemeral: true, reason: 'asked for with --ephemeral', dataDir: null, locked: false, logFile: null, vendorProfile: null } });
    expect(info.stderr).toBe('');

    expect(notJson.code).toBe(1);
    expect(JSON.parse(notJson.stdout)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', state: 'invalid-input', message: expect.stringMatching(/^the input is not JSON: /) } });
    expect(lines(notJson.stderr)).toEqual([expect.stringMatching(/^conturi: the input is not JSON: .* \(invalid-input, INVALID_INPUT\)$/)]);

    expect(invalid.code).toBe(1);
    expect(JSON.parse(invalid.stdout)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^connections:refresh-status: connectionId /) } });
    expect(lines(invalid.stderr)).toEqual([expect.stringMatching(/^conturi: connections:refresh-status: connectionId .* \(invalid-input, INVALID_INPUT\)$/)]);

    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stdout)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('call: refuses a secret on the command line (exit 2) and takes it on stdin', async () => {
    const input = { baseUrl: 'https://example.invalid', certificatePem: 'x'.repeat(100), username: 'a@b.invalid', password: 'not-on-argv', firstName: 'A', lastName: 'B', organization: 'C' };
    const [onArgv, onStdin] = await Promise.all([
      cli(['--ephemeral', 'call', 'enrolment:register', JSON.stringify(input)]),
      // Over the length limit on purpose: the schema refuses it, so nothing is sent anywhere.
      cli(['--ephemeral', 'call', 'enrolment:register', '-'], JSON.stringify({ ...input, password: 'x'.repeat(200) })),
    ]);
    expect(onArgv.code).toBe(2);
    expect(lines(onArgv.stderr)[0]).toBe('conturi: "password" is a secret and must not be on the command line: pass the JSON on stdin (call enrolment:register - < input.json)');
    expect(onStdin.code).toBe(1);
    expect(JSON.parse(onStdin.stdout)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^enrolment:register: password /) } });
    expect(onStdin.stdout + onStdin.stderr).not.toContain('x'.repeat(200));
  });

  it('--ephemeral connect --auto-psu: connects the sandbox in memory and says nothing is kept; a PSU the bank refuses is one line, exit 1', async () => {
    const [connected, refused] = await Promise.all([
      cli(['--ephemeral', '--callback-port', String(await freePort()), 'connect', '--auto-psu', 'demo']),
      cli(['--ephemeral', '--callback-port', String(await freePort()), 'connect', '--auto-psu', 'nobody']),
    ]);
    expect(connected.code).toBe(0);
    expect(connected.stdout).toMatch(AUTHORIZE_URL);
    expect(connected.stdout).toMatch(CONNECTED);
    expect(connected.stderr).toBe('conturi: nothing of this connection is kept after this command (asked for with --ephemeral)\n');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('conturi: the sandbox PSU "nobody" could not sign in and consent: login: 401 (invalid-input, VALIDATION_ERROR)\n');
  });
});

describe('npm run cli over a data folder under the OS keychain', { timeout: 90_000 }, () => {
  let root: string;
  let dataDir: string;
  let port: number;
  let connect: Finished;
  /** Transactions the first sync stored: every export holds them all. */
  let stored = 0;
  const inFolder = (...args: string[]) => ['--data-dir', dataDir, '--callback-port', String(port), ...args];

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'conturi-cli-'));
    dataDir = join(root, 'data');
    port = await freePort();
    connect = await startCli(inFolder('connect', '--auto-psu', 'demo'), undefined, { viaNpm: true }).finished;
  }, 60_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('npm run cli -- connect --auto-psu demo: prints the authorize URL with the loopback redirect, then the connection', () => {
    // npm's own lines (the script's name and command) are on stdout; nothing but the CLI's is on stderr.
    expect(connect.stdout).toMatch(/^> node scripts\/ensure-node-abi\.mjs && tsx cli\/main\.ts --data-dir /m);
    expect(connect.stderr).toBe('');
    expect(connect.code).toBe(0);
    const url = AUTHORIZE_URL.exec(connect.stdout);
    expect(url?.[1]).toBe(String(port));
    expect(connect.stdout).toMatch(CONNECTED);
    expect(existsSync(join(dataDir, 'conturi.sqlite'))).toBe(true);
  });

  it('sync: progress on stderr and the summary on stdout; --unattended runs as the scheduler does', async () => {
    // The knob reaches the embedded bank: its reports come in pages of 200.
    const person = await cli(inFolder('--sandbox-option', 'page-size=200', 'sync'));
    expect(person.code, person.stderr).toBe(0);
    // Not a terminal here: one line per step, each account read and done.
    const done = lines(person.stderr).filter((l) => /^sync: \[\d\/4\] \S+: done, \d+ new$/.test(l));
    expect(done).toHaveLength(4);
    expect(lines(person.stderr).filter((l) => /^sync: \[\d\/4\] \S+: page 1$/.test(l))).toHaveLength(4);
    expect(lines(person.stderr).some((l) => /^sync: \[\d\/4\] \S+: page 2$/.test(l))).toBe(true);
    const headline = /^Sync ok: 4 of 4 accounts synced, ([1-9]\d*) new transactions, \d+ requests to the bank$/m.exec(person.stdout);
    expect(headline).not.toBeNull();
    stored = Number(headline?.[1]);
    expect(person.stdout).toMatch(/^ {2}RO\d\d\w+:RON: \d+ new, [2-9] pages$/m);

    const unattended = await cli(inFolder('sync', '--unattended', '--json'));
    expect(unattended.code, unattended.stderr).toBe(0);
    const summary = JSON.parse(unattended.stdout) as { trigger: string; outcome: string; stored: number; accounts: unknown[] };
    expect(summary).toMatchObject({ trigger: 'schedule', outcome: 'ok', stored: 0 });
    expect(summary.accounts).toHaveLength(4);
  });

  it('accounts: the stored accounts with balances and their last sync, as a table and as --json', async () => {
    // One after the other: each run holds the data folder.
    const text = await cli(inFolder('accounts'));
    const asJson = await cli(inFolder('accounts', '--json'));
    expect(text.code, text.stderr).toBe(0);
    const rows = lines(text.stdout);
    expect(rows[0]).toMatch(/^Account +Name +Booked +Available +Last synced$/);
    expect(rows.slice(1)).toHaveLength(4);
    for (const row of rows.slice(1)) expect(row).toMatch(/^(RO\d\d( \w{4}){5}|\d{6}\*{6}\d{4}) .* -?[\d.]+,\d{2} (RON|EUR) .* \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);
    expect(asJson.code).toBe(0);
    const view = JSON.parse(asJson.stdout) as { accounts: { syncedAt?: string; balances: unknown[] }[]; failures: unknown[] };
    expect(view.accounts).toHaveLength(4);
    for (const a of view.accounts) expect(a.syncedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(view.failures).toEqual([]);
  });

  it('export --format json and csv: the demo PSU’s two years of history, to stdout and to a 0600 file put in place whole', async () => {
    const asJson = await cli(inFolder('export', '--format', 'json'));
    expect(asJson.code, asJson.stderr).toBe(0);
    const records = JSON.parse(asJson.stdout) as Record<string, string | null>[];
    expect(records.length).toBe(stored);
    expect(asJson.stderr).toBe(`conturi: exported ${stored} transactions\n`);
    for (const key of ['accountIban', 'maskedPan', 'currency', 'bankTransactionId', 'status', 'bookingDate', 'valueDate', 'amount', 'counterpartyName', 'counterpartyIban', 'remittance', 'category']) {
      expect(records[0], key).toHaveProperty(key);
    }
    // Every transaction carries its category, named by its built-in key.
    expect(records.every((r) => typeof r.category === 'string')).toBe(true);
    expect(new Set(records.map((r) => r.category))).toContain('groceries');
    const booked = records.filter((r) => r.status === 'booked').map((r) => r.bookingDate as string).sort();
    // A first sync reads two years back (730 days); the demo PSU's history reaches further, and up to this month.
    const daysAgo = (date: string) => Math.round((Date.now() - Date.parse(`${date}T12:00:00Z`)) / 86_400_000);
    expect(daysAgo(booked[0] as string)).toBeGreaterThanOrEqual(700);
    expect(daysAgo(booked[0] as string)).toBeLessThanOrEqual(731);
    expect(daysAgo(booked.at(-1) as string)).toBeLessThanOrEqual(31);

    const out = join(root, 'history.csv');
    writeFileSync(out, 'an older export\n', { mode: 0o644 });
    const asCsv = await cli(inFolder('export', '--format', 'csv', '--out', out));
    expect(asCsv.code, asCsv.stderr).toBe(0);
    expect(asCsv.stdout).toBe('');
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readdirSync(root).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    const csv = readFileSync(out, 'utf8');
    expect(csv.startsWith('\ufeffaccountId,')).toBe(true);
    const csvRows = csv.trimEnd().split('\r\n').slice(1);
    expect(csvRows).toHaveLength(stored);
    const csvDays = csvRows.map((r) => /,booked,(\d{4}-\d{2}-\d{2}),/.exec(r)?.[1]).filter((d): d is string => d !== undefined).sort();
    expect([csvDays[0], csvDays.at(-1)]).toEqual([booked[0], booked.at(-1)]);
  });

  it('export --format ofx --account --from --to: that account’s booked transactions of the period; a bad format is usage (2)', async () => {
    const ofx = await cli(inFolder('export', '--format', 'ofx', '--account', 'RO74CECEB10300EUR4196748:EUR', '--from', '2026-01-01', '--to', '2026-03-31'));
    expect(ofx.code, ofx.stderr).toBe(0);
    expect(ofx.stdout).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"/);
    expect(ofx.stdout).toContain('<CURDEF>EUR</CURDEF>');
    expect(ofx.stdout).not.toContain('<CURDEF>RON</CURDEF>');
    const posted = [...ofx.stdout.matchAll(/<DTPOSTED>(\d{8})/g)].map((m) => m[1] as string);
    expect(posted.length).toBeGreaterThan(0);
    for (const day of posted) expect(day >= '20260101' && day <= '20260331', day).toBe(true);
    const bad = await cli(inFolder('export', '--format', 'xlsx'));
    expect(bad.code).toBe(2);
    expect(lines(bad.stderr)[0]).toBe('conturi: --format must be one of csv, json, ofx, not "xlsx"');
  });

  it('holds the data folder while it runs: a second CLI is told who has it (one line, exit 1); Ctrl-C lets go', async () => {
    const waiting = startCli(inFolder('connect', '--label', 'CEC (waiting)'));
    await waitFor(waiting, () => waiting.stderr().includes('waiting for the bank'), 'the authorize URL');
    expect(existsSync(join(dataDir, 'conturi.lock'))).toBe(true);
    const second = await cli(inFolder('accounts'));
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(new RegExp(`^conturi: ${dataDir} is in use by the command line \\(npm run cli\\) \\(process \\d+\\); close it first, or pass another data folder\\. \\(failed, DATA_FOLDER_IN_USE\\)\n$`));
    waiting.child.kill('SIGINT');
    const stopped = await waiting.finished;
    expect(stopped.code).toBe(130);
    expect(existsSync(join(dataDir, 'conturi.lock'))).toBe(false);
  });
});
