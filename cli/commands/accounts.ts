import { formatIban } from '../../common/iban.js';
import { formatMoney } from '../../common/format-money.js';
import type { AccountsView, AccountWithBalances } from '../../common/index.js';
import { parseCommand } from '../args.js';
import { CommandFailed, failureLine, json, table } from '../output.js';
import type { Command } from './command.js';

const balance = (a: AccountWithBalances, type: string): string => {
  const found = a.balances.find((b) => b.type === type);
  return found === undefined ? '' : formatMoney(found.amount);
};

function accountsTable(view: AccountsView): string {
  const rows = view.accounts.map((a) => [
    a.iban !== undefined ? formatIban(a.iban) : (a.maskedPan ?? a.resourceId),
    a.product ?? a.name ?? '',
    balance(a, 'closingBooked'),
    balance(a, 'interimAvailable'),
  ]);
  return table(['Account', 'Name', 'Booked', 'Available'], rows, new Set([2, 3]));
}

export const accountsCommand: Command = {
  name: 'accounts',
  usage: 'accounts [--json]             accounts with balances and last sync time',
  async run({ line, io, open }) {
    const { values, global } = parseCommand(line, { json: { type: 'boolean' } }, 0);
    const runtime = await open({ global });
    const result = await runtime.invoke('accounts:list', {});
    if (!result.ok) throw new CommandFailed(result.error);
    const view = result.value;
    io.out(values.json === true ? json(view) : view.accounts.length === 0 ? 'No accounts yet: connect a bank first (npm run cli -- connect).\n' : accountsTable(view));
    for (const s of view.skipped) io.err(`conturi: an item of connection ${s.connectionId} could not be read: ${s.reason}\n`);
    for (const f of view.failures) io.err(failureLine({ ...f.error, message: `connection ${f.connectionId}: ${f.error.message}` }));
    return view.failures.length === 0 ? 0 : 1;
  },
};
