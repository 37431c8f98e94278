import { bankDay } from '../../core/connections/connection-status.js';
import { ValidationError } from '../../core/errors.js';
import type { ExportFormat, ExportOptions, ExportSink } from '../../core/export/index.js';
import { exportAccounts, exportStored, firstDay } from '../../core/export/stored-export.js';
import { isoDate, parseCommand, UsageError } from '../args.js';
import { CommandFailed } from '../output.js';
import { openPrivateFile, type PrivateFile } from '../private-file.js';
import type { Command } from './command.js';

const FORMATS: readonly ExportFormat[] = ['csv', 'json', 'ofx'];
const isFormat = (text: string | undefined): text is ExportFormat => FORMATS.includes(text as ExportFormat);

/** The --out file; a folder that is not there or not ours is the person's to fix, said plainly. */
function privateFile(path: string): PrivateFile {
  try {
    return openPrivateFile(path);
  } catch (error) {
    throw new ValidationError(`cannot write beside ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, 'out');
  }
}

export const exportCommand: Command = {
  name: 'export',
  usage: `export --format csv|json|ofx [--account ID] [--from DATE] [--to DATE] [--out FILE]
                                the stored transactions, to stdout or to FILE (made 0600, moved
                                into place only once complete)`,
  async run({ line, io, open }) {
    const { values, global } = parseCommand(
      line,
      { format: { type: 'string' }, account: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' } },
      0,
    );
    const format = values.format;
    if (!isFormat(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}${format === undefined ? '' : `, not "${format}"`}`);
    const from = isoDate('from', values.from);
    const to = isoDate('to', values.to);
    if (from !== undefined && to !== undefined && from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
    if (values.out === '') throw new UsageError('--out must name a file');

    const runtime = await open({ global });
    const listed = await runtime.invoke('accounts:list', {});
    if (!listed.ok) throw new CommandFailed(listed.error);
    const core = runtime.core();
    // accounts:list answered, so the local copy is open; a core gone now is a bug and reads as one.
    if (core === undefined) throw new Error('the local copy closed during the export');
    const chosen = listed.value.accounts.filter((a) => values.account === undefined || a.id === values.account);
    if (values.account !== undefined && chosen.length === 0) {
      throw new CommandFailed({ code: 'VALIDATION_ERROR', state: 'invalid-input', message: `no account ${values.account} in the local copy (see: accounts --json)`, retryable: false });
    }
    const accounts = exportAccounts(chosen);
    const filter = { ...(from === undefined ? {} : { dateFrom: from }), ...(to === undefined ? {} : { dateTo: to }) };
    const today = bankDay(core.now());
    const options: ExportOptions =
      format === 'ofx'
        ? { format, range: { from: from ?? firstDay(core.db, accounts, filter) ?? today, to: to ?? today }, now: core.now() }
        : format === 'csv'
          ? // A byte order mark helps a spreadsheet open a file; a pipe's reader is a program.
            { format, bom: values.out !== undefined }
          : { format };

    let file: PrivateFile | undefined;
    let sink: ExportSink = (chunk) => io.out(chunk);
    if (values.out !== undefined) {
      const opened = privateFile(values.out);
      file = opened;
      sink = (chunk) => opened.write(chunk);
    }
    try {
      const summary = exportStored(core.db, accounts, filter, sink, options);
      file?.commit();
      const leftOut = summary.leftOut === 0 ? '' : ` (${summary.leftOut} left out: OFX holds booked, dated transactions only)`;
      io.err(`conturi: exported ${summary.written} transactions${leftOut}${values.out === undefined ? '' : ` to ${values.out}`}\n`);
    } catch (error) {
      file?.abort();
      throw error;
    }
    return 0;
  },
};
