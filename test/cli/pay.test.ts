import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BANK_STATE_DIR } from '../../core/platform/data-dir.js';
import { startSandbox } from '../../sandbox/index.js';
import { call } from '../helpers/http.js';
import type { BankPayment } from '../helpers/payment-world.js';
import { cli, freePort, startCli, waitFor } from './cli-run.js';

const CREDITOR = ['--to', 'DE02100100109307118603', '--name', 'Creditor Name'];

/** The bank's own books, read by starting the sandbox on the state the CLI's embedded bank left. */
async function atBank(dataDir: string, endToEndId?: string): Promise<BankPayment[]> {
  const bank = await startSandbox({ port: 0, dataDir: join(dataDir, BANK_STATE_DIR) });
  try {
    const res = await call<{ payments: BankPayment[] }>(`${bank.origin}/sandbox/payments${endToEndId === undefined ? '' : `?endToEndId=${endToEndId}`}`);
    if (res.status !== 200) throw new Error(`GET /sandbox/payments: ${res.status} ${res.text}`);
    return res.body.payments;
  } finally {
    await bank.close();
  }
}

/** `payments --json`: the intents in the CLI's local copy. */
async function intents(base: string[]): Promise<{ id: string; state: { kind: string; status?: string }; items: { endToEndId: string }[] }[]> {
  const listed = await cli([...base, 'payments', '--json']);
  expect(listed.code, listed.stderr).toBe(0);
  return JSON.parse(listed.stdout);
}

describe('cli pay, payments, cancel', () => {
  const dirs: string[] = [];
  const world = async (settleMs = 900) => {
    const dir = mkdtempSync(join(tmpdir(), 'conturi-pay-'));
    dirs.push(dir);
    return { dir, base: ['--data-dir', dir, '--callback-port', String(await freePort()), '--sandbox-option', `settle-ms=${settleMs}`] };
  };
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('pays: "payment <id>", one "status" line per step up to ACSC, exit 0, one settled payment at the bank', { timeout: 120_000 }, async () => {
    const { dir, base } = await world();
    const run = await cli([...base, 'pay', ...CREDITOR, '--amount', '12,50', '--currency', 'RON', '--details', 'Factura 7', '--auto-psu', 'demo']);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.split('\n').filter((l) => !l.startsWith('http'));
    expect(lines[0]).toMatch(/^payment [0-9a-f-]{36}$/);
    expect(lines[1]).toBe('status RCVD');
    expect(lines[2]).toBe('status ACCP');
    expect(lines.filter((l) => l.startsWith('status')).at(-1)).toBe('status ACSC');
    const [intent] = await intents(base);
    const books = await atBank(dir, intent?.items[0]?.endToEndId);
    expect(books.map((p) => [p.status, p.amount, p.authorised])).toEqual([['ACSC', '12.50', true]]);
  });

  it('refuses an invalid IBAN with a clear error and sends the bank nothing', { timeout: 120_000 }, async () => {
    const { dir, base } = await world();
    const run = await cli([...base, 'pay', '--to', 'RO49AAAA1B31007593840001', '--name', 'X', '--amount', '1.00', '--currency', 'RON', '--auto-psu', 'demo']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/IBAN "RO49AAAA1B31007593840001"/);
    expect(run.stdout).toBe('');
    expect(await atBank(dir)).toEqual([]);
  });

  it('refuses an amount with three decimals as bad usage before opening anything', { timeout: 120_000 }, async () => {
    const { base } = await world();
    const run = await cli([...base, 'pay', ...CREDITOR, '--amount', '1.005', '--currency', 'RON']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--amount/);
  });

  it('cancels a payment whose bank page a killed run left open: DELETE, CANC at the bank', { timeout: 120_000 }, async () => {
    const { dir, base } = await world();
    const waiting = startCli([...base, 'pay', ...CREDITOR, '--amount', '3.00', '--currency', 'RON']);
    await waitFor(waiting, () => /status RCVD/.test(waiting.stdout()), 'the bank page');
    waiting.child.kill('SIGKILL');
    await waiting.finished;
    const id = /payment (\S+)/.exec(waiting.stdout())?.[1] as string;
    const cancelled = await cli([...base, 'cancel', id]);
    expect(cancelled.code, cancelled.stderr).toBe(0);
    expect(cancelled.stdout).toBe(`payment ${id}\nstatus CANC\n`);
    const [intent] = await intents(base);
    expect((await atBank(dir, intent?.items[0]?.endToEndId)).map((p) => p.status)).toEqual(['CANC']);
  });

  it('kill -9 at random points of a payment, then the same --key again: exactly one payment settles', { timeout: 240_000 }, async () => {
    // Settling takes 3 s at this bank, so every point of the window below falls inside a payment:
    // from start-up (the CLI prints its payment after ~1 s, ~2.5 s on a loaded machine) to settling.
    const { dir, base } = await world(3000);
    const key = randomUUID();
    const pay = [...base, 'pay', ...CREDITOR, '--amount', '4.20', '--currency', 'RON', '--details', 'once', '--key', key, '--auto-psu', 'demo'];
    const kills: number[] = [];
    let finished: { code: number | null; stdout: string } | undefined;
    for (let attempt = 0; attempt < 8 && finished === undefined; attempt++) {
      const run = startCli(pay);
      // Random points from start-up to settling.
      const after = attempt < 5 ? 800 + Math.floor(Math.random() * 3700) : undefined;
      if (after === undefined) {
        const end = await run.finished;
        finished = end;
        break;
      }
      const timer = setTimeout(() => run.child.kill('SIGKILL'), after);
      const end = await run.finished;
      clearTimeout(timer);
      if (end.code === null) kills.push(after);
      else finished = end;
    }
    expect(finished, `kills at ${kills.join(', ')} ms`).toBeDefined();
    expect(kills.length, 'no run was killed: every one ended before its kill').toBeGreaterThan(0);
    const follow = await cli([...base, 'payments', '--follow']);
    expect(follow.code, follow.stderr).toBeLessThan(2);
    const all = await intents(base);
    expect(all).toHaveLength(1);
    const books = await atBank(dir, all[0]?.items[0]?.endToEndId);
    // The bank's truth: at most one authorised payment of this intent, and it settled.
    expect(books.filter((p) => p.authorised).map((p) => p.status), `kills at ${kills.join(', ')} ms: ${JSON.stringify(books)}`).toEqual(['ACSC']);
    expect(books.filter((p) => !p.authorised).every((p) => p.status === 'RCVD' || p.status === 'CANC' || p.status === 'RJCT')).toBe(true);
    // Locally: settled, or (the PSU's yes got lost with the run before its token) known authorised and awaiting the booked transaction.
    expect(['settled', 'unknown']).toContain(all[0]?.state.kind);
  });

  it('pays a bulk from a CSV with one authorisation: PART, the failing row named, exit 1', { timeout: 120_000 }, async () => {
    const { dir, base } = await world();
    const csv = join(dir, 'bulk.csv');
    writeFileSync(csv, 'creditorName;creditorIban;amount;currency;details\nUnu;DE02100100109307118603;1,00;RON;one\nPrea Mult;DE02100100109307118603;99.999.999,00;RON;two\n');
    const run = await cli([...base, 'pay-bulk', '--csv', csv, '--auto-psu', 'demo']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/^payment \S+\n/);
    expect(run.stdout).toMatch(/\nstatus PART\n/);
    expect(run.stdout).toMatch(/\nitem 1 ACSC Unu 1,00 RON\nitem 2 CANC Prea Mult 99\.999\.999,00 RON\n/);
    const books = await atBank(dir);
    expect(books.map((p) => p.status).sort()).toEqual(['ACSC', 'CANC']);
    expect(new Set(books.map((p) => p.bulkId)).size).toBe(1);
  });

  it('sends nothing for a CSV with an invalid row, and names the row and the field', { timeout: 120_000 }, async () => {
    const { dir, base } = await world();
    const csv = join(dir, 'bad.csv');
    writeFileSync(csv, 'creditorName;creditorIban;amount\nUnu;DE02100100109307118603;1,00\nDoi;RO49AAAA1B31007593840001;2,00\n');
    const run = await cli([...base, 'pay-bulk', '--csv', csv, '--currency', 'RON', '--auto-psu', 'demo']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/row 3, creditorIban/);
    expect(run.stdout).toBe('');
    expect(await atBank(dir)).toEqual([]);
  });

  it('payments --follow takes a payment a killed run left settling to its end', { timeout: 120_000 }, async () => {
    const { dir, base } = await world(4000);
    const slow = base;
    const run = startCli([...slow, 'pay', ...CREDITOR, '--amount', '6.00', '--currency', 'RON', '--auto-psu', 'demo']);
    await waitFor(run, () => /status ACCP/.test(run.stdout()), 'the PSU’s authorisation');
    run.child.kill('SIGKILL');
    await run.finished;
    const id = /payment (\S+)/.exec(run.stdout())?.[1] as string;
    const follow = await cli([...slow, 'payments', '--follow']);
    expect(follow.code, follow.stderr).toBe(0);
    expect(follow.stdout).toMatch(new RegExp(`payment ${id}\\n(status \\w+\\n)*status ACSC\\n`));
    const [intent] = await intents(base);
    expect(intent?.state).toMatchObject({ kind: 'settled', status: 'ACSC' });
    expect((await atBank(dir, intent?.items[0]?.endToEndId)).map((p) => p.status)).toEqual(['ACSC']);
  });
});
