import type { AppError } from '../common/index.js';

/** Where a command writes: stdout for its result, stderr for notes, progress and failures. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is a terminal (a progress bar) or a file or pipe (plain lines). */
  errIsTty: boolean;
  errColumns: number;
}

export const processIo = (): Io => ({
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  errIsTty: process.stderr.isTTY === true,
  errColumns: process.stderr.columns ?? 80,
});

export const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** A failure for exit code 1: its one line on stderr is `conturi: <message> (<state>)`. */
export class CommandFailed extends Error {
  override readonly name = 'CommandFailed';
  constructor(readonly error: AppError) {
    super(error.message);
  }
}

/** The one line a failure prints: the AppError's message and the state the UI would show. */
export function failureLine(error: AppError): string {
  const firstLine = error.message.split('\n')[0] as string;
  return `conturi: ${firstLine} (${error.state}${error.code === 'INTERNAL' ? '' : `, ${error.code}`})\n`;
}

/** A plain text table: columns padded to their widest cell, `right` ones aligned right. */
export function table(header: string[], rows: string[][], right: ReadonlySet<number> = new Set()): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (right.has(i) ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].map((l) => `${l}\n`).join('');
}
