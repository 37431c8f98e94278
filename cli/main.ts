/**
 * `npm run cli -- [global options] <command>`: the app's third front end, for scripts, cron and
 * people who live in a terminal. Every command goes through the contract's handlers, as the
 * Electron IPC and the browser host do. Exit codes: 0 success, 1 a failure (one line on stderr),
 * 2 bad usage (with the usage text).
 */
import { toAppError } from '../core/errors.js';
import { parseCommandLine, UsageError, type CommandLine, type GlobalOptions } from './args.js';
import { commands, usage } from './usage.js';
import { CommandFailed, failureLine, processIo, type Io } from './output.js';
import type { CliRuntime } from './runtime.js';

/** 128 + the signal's number, as shells report a process a signal ended. */
const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

/** Set once a signal stops the run: its exit code wins over whatever the command ends with. */
let stoppedBy: number | undefined;

async function main(argv: string[], io: Io): Promise<number> {
  let line: CommandLine | undefined;
  let runtime: Promise<CliRuntime> | undefined;
  let debug = argv.includes('--debug');
  const close = async () => (await runtime?.catch(() => undefined))?.close();

  const stop = (signal: NodeJS.Signals) => {
    // A second signal means "now": the lock of a dead process is taken over by the next start.
    if (stoppedBy !== undefined) process.exit(stoppedBy);
    stoppedBy = SIGNAL_EXIT[signal] ?? 1;
    io.err(`conturi: stopped by ${signal}\n`);
    close().finally(() => process.exit(stoppedBy));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  try {
    line = parseCommandLine(argv);
    const command = commands.find((c) => c.name === line?.command);
    if (line.command === undefined && line.global.help) {
      io.out(usage());
      return 0;
    }
    if (command === undefined) throw new UsageError(line.command === undefined ? 'name a command' : `unknown command "${line.command}"`);
    if (line.global.help || line.rest.includes('--help') || line.rest.includes('-h')) {
      io.out(usage());
      return 0;
    }
    const context = {
      line,
      io,
      open: ({ global, autoPsu }: { global: GlobalOptions; autoPsu?: string | undefined }) => {
        debug = global.debug;
        // Loaded on first use: usage errors, --help and `methods` need neither core nor the bank.
        runtime ??= import('./runtime.js').then(({ openRuntime }) =>
          openRuntime({
            global,
            autoPsu,
            showUrl: (url: string) => io.out(`${url}\n`),
            note: (text: string) => io.err(`${text}\n`),
          }),
        );
        return runtime;
      },
    };
    return await command.run(context);
  } catch (error) {
    // Stopped by a signal: the command's own failure (a cancelled sign-in) is its consequence, not news.
    if (stoppedBy !== undefined) return stoppedBy;
    if (error instanceof UsageError) {
      io.err(`conturi: ${error.message}\n\n${usage()}`);
      return 2;
    }
    if (error instanceof CommandFailed) {
      io.err(failureLine(error.error));
      return 1;
    }
    const opened = await runtime?.catch(() => undefined);
    const shown = opened === undefined ? toAppError(error) : opened.logFailure(error, { command: line?.command });
    io.err(failureLine(shown));
    if (debug && error instanceof Error) io.err(`${error.stack ?? error.message}\n`);
    return 1;
  } finally {
    await close();
  }
}

main(process.argv.slice(2), processIo()).then(
  (code) => {
    // Exit once stdout is written out: a pipe may still hold a large export.
    process.stdout.write('', () => process.exit(stoppedBy ?? code));
  },
  (error: unknown) => {
    process.stderr.write(`conturi: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
