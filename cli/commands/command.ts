import type { CommandLine, GlobalOptions } from '../args.js';
import type { Io } from '../output.js';
import type { CliRuntime } from '../runtime.js';

export interface CommandContext {
  line: CommandLine;
  io: Io;
  /**
   * Opens core over the data folder (taking its lock) once per run; the entry point closes it,
   * on exit and on SIGINT/SIGTERM. `global`: the options as the command's parser merged them;
   * `autoPsu` plays that sandbox PSU when a method authorises.
   */
  open(options: { global: GlobalOptions; autoPsu?: string | undefined }): Promise<CliRuntime>;
}

export interface Command {
  name: string;
  /** The usage line(s) under the command's name in `--help`. */
  usage: string;
  /** Exit code: 0 success, 1 a failure (a CommandFailed carries its line), 2 bad usage (a UsageError). */
  run(context: CommandContext): Promise<number>;
}
