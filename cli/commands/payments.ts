import { formatIban } from '../../common/iban.js';
import { formatMoney } from '../../common/format-money.js';
import type { PaymentView } from '../../common/index.js';
import { parseCommand, UsageError } from '../args.js';
import { CommandFailed, json, table } from '../output.js';
import { PaymentProgress, statusWord } from '../payment-progress.js';
import type { Command } from './command.js';

const minute = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

function paymentsTable(list: PaymentView[]): string {
  const rows = list.map((p) => [
    p.id,
    p.kind,
    `${p.state.kind}${statusWord(p.state) === undefined ? '' : ` ${statusWord(p.state) as string}`}`,
    formatMoney(p.total),
    p.kind === 'single' ? `${p.items[0]?.creditorName ?? ''} ${formatIban(p.items[0]?.creditorIban ?? '')}` : `${p.items.length} payments`,
    minute(p.createdAt),
  ]);
  return table(['Payment', 'Kind', 'State', 'Amount', 'To', 'Created'], rows, new Set([3]));
}

export const paymentsCommand: Command = {
  name: 'payments',
  usage: `payments [--json] [--follow]  every payment and bulk with its state; --follow resumes every
                                unfinished one, as the app does at start, and prints its steps`,
  async run({ line, io, open }) {
    const { values, global } = parseCommand(line, { json: { type: 'boolean' }, follow: { type: 'boolean' } }, 0);
    const runtime = await open({ global });
    const listed = await runtime.invoke('payments:list', {});
    if (!listed.ok) throw new CommandFailed(listed.error);
    if (values.follow !== true) {
      io.out(values.json === true ? json(listed.value) : listed.value.length === 0 ? 'No payments yet (npm run cli -- pay …).\n' : paymentsTable(listed.value));
      return 0;
    }
    const core = runtime.core();
    if (core === undefined) throw new UsageError('the local copy is locked: nothing to follow');
    core.paymentFollower.start();
    let failed = 0;
    for (const id of core.paymentFollower.following()) {
      io.out(`payment ${id}\n`);
      const view = await new PaymentProgress(runtime, io, id).untilFinal();
      if (view.state.kind !== 'settled') failed += 1;
    }
    const after = await runtime.invoke('payments:list', {});
    if (!after.ok) throw new CommandFailed(after.error);
    io.out(values.json === true ? json(after.value) : after.value.length === 0 ? '' : paymentsTable(after.value));
    return failed === 0 ? 0 : 1;
  },
};

export const cancelCommand: Command = {
  name: 'cancel',
  usage: `cancel PAYMENT                cancel a payment the PSU has not authorised (DELETE at the bank)`,
  async run({ line, io, open }) {
    const { positionals, global } = parseCommand(line, {}, 1);
    const id = positionals[0];
    if (id === undefined) throw new UsageError('cancel needs the payment’s id (see: payments)');
    const runtime = await open({ global });
    const result = await runtime.invoke('payments:cancel', { paymentId: id });
    if (!result.ok) throw new CommandFailed(result.error);
    io.out(`payment ${id}\nstatus ${statusWord(result.value.state) ?? result.value.state.kind}\n`);
    return 0;
  },
};
