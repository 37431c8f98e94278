/**
 * `npm run soak -- [--syncs N] [--kills K] [--fault-rate R] [--seed S] [--data-dir DIR]`: the
 * sync engine's long test of "nothing lost, nothing doubled". In one data folder it connects the
 * sandbox's demo PSU through the CLI, then runs N syncs of the CLI (`npm run cli -- sync`) with the
 * embedded bank failing a share R of its API calls. Before each sync the bank lives a day (new
 * items, pending ones booked, identical twins); K of the syncs are killed with SIGKILL at a random
 * moment. After every sync it opens the local copy as the app would: `PRAGMA integrity_check`,
 * and the stored transactions against the bank's own books (lost = at the bank, not stored; once
 * the next clean sync ran), and duplicates (booked items stored more often than the bank holds
 * them; a pending item the bank booked since the last completed sync is only stale).
 *
 * Prints one line per sync and a summary; exits 1 when anything was lost or doubled or the
 * database was damaged. Runs in a private keychain of its own (test/run-with-keyring.sh): a
 * killed process cannot keep anything in memory, and the person's own keychain stays untouched.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openLocalStore } from '../core/local-store.js';
import { BANK_STATE_DIR } from '../core/platform/data-dir.js';
import { OsKeychain } from '../core/keychain/os-keychain.js';
import { openDatabase } from '../core/store/database.js';
import { startSandbox } from '../sandbox/index.js';
import { compareWithBank } from './ground-truth.js';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface SoakOptions {
  syncs: number;
  kills: number;
  faultRate: number;
  seed: number;
  dataDir: string;
  /** One line per step; the summary comes back as the result. */
  say?: (line: string) => void;
}

export interface SoakFigures {
  syncs: number;
  /** Syncs killed while still running. */
  killed: number;
  /** Syncs that ended on their own (ok or with accounts failed by faults). */
  completed: number;
  /** After the final clean sync: transactions at the bank missing from the store. */
  lost: number;
  /** Booked transactions stored more often than the bank holds them, at any check. */
  duplicated: number;
  /** After the final clean sync: stored items the bank does not hold (stale or doubled). */
  extra: number;
  /** Checks of PRAGMA integrity_check that did not answer "ok". */
  damaged: number;
  /** Transactions at the bank (within the synced history) at the end. */
  atBank: number;
  /** Clean syncs it took at the end to bring everything in (1 unless one failed). */
  finalSyncs: number;
}

/** A small seeded generator: the same seed kills at the same moments. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s / 2 ** 32;
  };
}

/** Runs the CLI; `killAfterMs` sends SIGKILL then. Resolves with how it ended. */
function cli(args: string[], killAfterMs?: number): Promise<{ code: number | null; killed: boolean; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'cli/main.ts'), ...args], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    let killed = false;
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => { killed = child.kill('SIGKILL'); }, killAfterMs);
    child.on('error', reject);
    child.on('exit', (code) => {
      if (timer !== undefined) clearTimeout(timer);
      resolve({ code, killed: killed && code === null, stderr });
    });
  });
}

/** The bank lives a day: opened on its state folder (no CLI holds it then), activity, closed. */
async function bankDay(bankDir: string, seed: number): Promise<void> {
  const bank = await startSandbox({ port: 0, dataDir: bankDir, seed });
  try {
    const res = await fetch(`${bank.origin}/sandbox/psus/demo/activity`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"days":1}' });
    if (!res.ok) throw new Error(`the bank's activity failed: ${res.status} ${await res.text()}`);
  } finally {
    await bank.close();
  }
}

/** Opens the local copy as the app does (the folder's lock, the key from the keychain) and checks it against the bank. */
async function check(dataDir: string, seed: number): Promise<{ integrity: string; missing: number; extra: number; extraBooked: number; atBank: number }> {
  const store = await openLocalStore({ dataDir, keychain: new OsKeychain(), frontEnd: 'npm run soak' });
  if (store.ephemeral !== undefined || store.bankDir === undefined) throw new Error(`the soak needs the OS keychain: ${store.ephemeral?.reason ?? 'no bank folder'}`);
  const bank = await startSandbox({ port: 0, dataDir: store.bankDir, seed });
  const db = openDatabase(store.databasePath, store.databaseKey);
  try {
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    const diff = await compareWithBank(db, bank.origin, 'demo');
    return { integrity, missing: diff.missing.length, extra: diff.extra.length, extraBooked: diff.extraBooked.length, atBank: diff.atBank };
  } finally {
    db.close();
    await bank.close();
    store.release();
  }
}

export async function runSoak(o: SoakOptions): Promise<SoakFigures> {
  const say = o.say ?? (() => {});
  const base = ['--data-dir', o.dataDir, '--sandbox-option', `seed=${o.seed}`];
  const connected = await cli([...base, 'connect', '--auto-psu', 'demo', '--label', 'soak']);
  if (connected.code !== 0) throw new Error(`connect failed: ${connected.stderr.trim()}`);
  const faulty = [...base, '--sandbox-option', `fault-rate=${o.faultRate}`, '--sandbox-option', 'page-size=50', 'sync'];
  const next = random(o.seed);
  const killAt = new Set<number>();
  while (killAt.size < Math.min(o.kills, o.syncs)) killAt.add(Math.floor(next() * o.syncs));

  // One clean run tells how long a sync takes here, so kills land inside one.
  const started = Date.now();
  await cli([...base, 'sync']);
  const typicalMs = Math.max(500, Date.now() - started);

  const figures: SoakFigures = { syncs: o.syncs, killed: 0, completed: 0, lost: 0, duplicated: 0, extra: 0, damaged: 0, atBank: 0, finalSyncs: 0 };
  for (let i = 0; i < o.syncs; i++) {
    await bankDay(join(o.dataDir, BANK_STATE_DIR), o.seed);
    const kill = killAt.has(i) ? Math.floor(next() * typicalMs) : undefined;
    const run = await cli(faulty, kill);
    if (run.killed) figures.killed += 1;
    else figures.completed += 1;
    const c = await check(o.dataDir, o.seed);
    if (c.integrity !== 'ok') figures.damaged += 1;
    figures.duplicated += c.extraBooked;
    say(`sync ${i + 1}/${o.syncs}: ${run.killed ? `killed after ${kill} ms` : `exit ${run.code}`}; integrity ${c.integrity}; not yet stored ${c.missing}; pending since booked ${c.extra - c.extraBooked}; booked duplicates ${c.extraBooked}`);
  }
  // Faults may leave accounts for the next run: a last run without faults must bring everything in.
  // Recovery is the person pressing Sync until it says ok (a loaded machine can time a run out).
  for (let attempt = 1; attempt <= 3; attempt++) {
    const last = await cli([...base, 'sync']);
    figures.finalSyncs = attempt;
    if (last.code === 0) break;
    say(`final sync ${attempt} exit ${last.code}: ${last.stderr.trim().split('\n').slice(-6).join(' | ')}`);
  }
  const end = await check(o.dataDir, o.seed);
  figures.lost = end.missing;
  figures.duplicated += end.extraBooked;
  figures.extra = end.extra;
  if (end.integrity !== 'ok') figures.damaged += 1;
  figures.atBank = end.atBank;
  return figures;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({
    options: {
      syncs: { type: 'string', default: '50' }, kills: { type: 'string', default: '20' }, 'fault-rate': { type: 'string', default: '0.1' },
      seed: { type: 'string', default: '7' }, 'data-dir': { type: 'string' },
    },
  });
  const figures = await runSoak({
    syncs: Number(values.syncs), kills: Number(values.kills), faultRate: Number(values['fault-rate']), seed: Number(values.seed),
    dataDir: values['data-dir'] ?? mkdtempSync(join(tmpdir(), 'conturi-soak-')),
    say: (line) => process.stdout.write(`${line}\n`),
  });
  process.stdout.write(`\n${JSON.stringify(figures, null, 2)}\n`);
  process.exit(figures.lost + figures.duplicated + figures.extra + figures.damaged === 0 ? 0 : 1);
}
