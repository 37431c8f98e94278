import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { formatMoney } from '../../common/format-money.js';
import { parseBulkCsv } from '../../core/payments/bulk-csv.js';
import { SANDBOX_PROFILE } from '../../core/profiles/profile-settings.js';
import { UsageError, parseCommand } from '../args.js';
import { bulkProblemLine } from '../bulk-problem-text.js';
import { CommandFailed } from '../output.js';
import { exitCodeOf, PaymentProgress } from '../payment-progress.js';
import type { Command } from './command.js';

export const payBulkCommand: Command = {
  name: 'pay-bulk',
  usage: `pay-bulk [--profile ID] --csv FILE [--currency RON] [--from IBAN] [--key KEY] [--auto-psu USER]
                                a bulk from a CSV (columns: docs/bulk-payments-template.csv), one
                                authorisation; nothing is sent while any row is invalid. Prints the
                                steps, then each item's status; exit 0 only when every item settled`,
  async run({ line, io, open }) {
    const { values, global } = parseCommand(line, {
      profile: { type: 'string' }, csv: { type: 'string' }, currency: { type: 'string' }, from: { type: 'string' }, key: { type: 'string' }, 'auto-psu': { type: 'string' },
    }, 0);
    if (values.csv === undefined) throw new UsageError('pay-bulk needs --csv FILE');
    let text: string;
    try {
      text = readFileSync(values.csv, 'utf8');
    } catch (error) {
      throw new UsageError(`--csv ${values.csv}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    const csv = parseBulkCsv(text, values.currency === undefined ? {} : { currency: values.currency.toUpperCase() });
    if (csv.transfers === null || csv.currency === undefined) {
      for (const p of csv.problems) io.err(`conturi: ${bulkProblemLine(p)}\n`);
      throw new CommandFailed({ code: 'VALIDATION_ERROR', state: 'invalid-input', message: `the CSV has ${csv.problems.length} problem(s): nothing was sent`, retryable: false });
    }
    const runtime = await open({ global, autoPsu: values['auto-psu'] });
    const made = await runtime.invoke('payments:create-bulk', {
      idempotencyKey: values.key ?? randomUUID(),
      profileId: values.profile ?? SANDBOX_PROFILE.id,
      ...(values.from === undefined ? {} : { debtorIban: values.from }),
      currency: csv.currency,
      items: csv.transfers.map((t) => ({
        creditorName: t.creditorName, creditorIban: t.creditorIban, amount: t.amount, remittance: t.remittance,
        ...(t.endToEndId === undefined ? {} : { endToEndId: t.endToEndId }),
      })),
    });
    if (!made.ok) throw new CommandFailed(made.error);
    io.out(`payment ${made.value.id}\n`);
    const progress = new PaymentProgress(runtime, io, made.value.id);
    const submitted = await progress.during(runtime.invoke('payments:submit', { paymentId: made.value.id }));
    const view = await progress.untilFinal();
    view.items.forEach((item, i) => io.out(`item ${i + 1} ${item.status ?? 'none'} ${item.creditorName} ${formatMoney(item.amount)}\n`));
    if (!submitted.ok) throw new CommandFailed(submitted.error);
    return exitCodeOf(view);
  },
};
