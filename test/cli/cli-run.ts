import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { CLI_BUNDLE } from './cli-bundle.js';

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface Running {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  finished: Promise<Finished>;
}

/**
 * The CLI as a child process, stdin closed (or given `input`): Node itself runs the bundle of
 * `cli/main.ts` (cli-bundle.ts), so a SIGKILL reaches the process that holds the data folder.
 * `viaNpm`: the whole `npm run cli -- …args` a person types, npm's script and tsx included.
 */
export function startCli(args: string[], input?: string, options: { viaNpm?: boolean } = {}): Running {
  const [command, prefix] = options.viaNpm === true ? ['npm', ['run', 'cli', '--']] : [process.execPath, [CLI_BUNDLE]];
  const child = spawn(command, [...prefix, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let out = '';
  let err = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
  child.stdin?.end(input);
  const finished = new Promise<Finished>((resolve) => child.on('exit', (code) => resolve({ code, stdout: out, stderr: err })));
  return { child, stdout: () => out, stderr: () => err, finished };
}

export const cli = (args: string[], input?: string): Promise<Finished> => startCli(args, input).finished;

/** Waits until `seen` holds for the child's output, or fails when the child ends first. */
export async function waitFor(run: Running, seen: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (seen()) return;
    if (run.child.exitCode !== null) throw new Error(`the CLI exited ${run.child.exitCode} before ${what}: ${run.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no ${what} after 30 s: ${run.stderr()}`);
}

/** A port nobody listens on now, for the CLI's loopback redirect. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
