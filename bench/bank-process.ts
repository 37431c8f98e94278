/**
 * The sandbox bank in a process of its own, as a bank is on another machine: its own work
 * (generating the data, writing each page's JSON) runs on its own event loop, not on the one
 * the client's sync is measured on. The bench waits for the bank to listen before it starts any
 * clock, so generating 10 × 10,000 transactions never counts.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { EmbeddedBank } from '../core/profiles/bank-environments.js';
import { enrolAsDeveloper } from '../sandbox/demo-developer.js';

export interface BankProcess {
  url: string;
  /** The bank as core's `EmbeddedBank` port: core enrols and connects to it as to the embedded one. */
  embedded: EmbeddedBank;
  /**
   * CPU milliseconds (user + system) the bank's process has used so far, from /proc; undefined
   * where there is none. It shares this machine's cores with the client, so a bench can say how
   * much of them the bank took.
   */
  cpuMs(): number | undefined;
  close(): Promise<void>;
}

/** Clock ticks per second of /proc/<pid>/stat's times: 100 on every Linux this runs on (USER_HZ). */
const USER_HZ = 100;

function processCpuMs(pid: number | undefined): number | undefined {
  const stat = `/proc/${pid}/stat`;
  if (pid === undefined || !existsSync(stat)) return undefined;
  // Fields after the command name (which may hold spaces, so cut at its closing parenthesis):
  // utime and stime are the 14th and 15th of the whole line, the 12th and 13th after it.
  const line = readFileSync(stat, 'utf8');
  const fields = line.slice(line.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) / USER_HZ) * 1000;
}

export const demoCertificatePem = readFileSync(fileURLToPath(new URL('../sandbox/demo-tpp/demo-tpp.cert.pem', import.meta.url)), 'utf8');

/** Starts `sandbox/cli.ts` with these flags (`--accounts 10`, …) and resolves once it listens. */
export async function startBankProcess(flags: Record<string, number>): Promise<BankProcess> {
  const args = Object.entries(flags).flatMap(([name, value]) => [`--${name}`, String(value)]);
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../sandbox/cli.ts', import.meta.url)), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the sandbox bank exited (${code}) before it listened`)));
  });
  return {
    url,
    embedded: {
      start: async () => ({ url }),
      enrol: (redirectUri) => enrolAsDeveloper(url, { certificatePem: demoCertificatePem, redirectUri }),
      demoCertificatePem,
    },
    cpuMs: () => processCpuMs(child.pid),
    async close() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
