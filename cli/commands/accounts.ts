import { formatIban } from '../../common/iban.js';
import { formatMoney } from '../../common/format-money.js';
import type { AccountsView, AccountWithBalances, StoredAccount } from '../../common/index.js';
import { parseCommand } from '../args.js';
import { CommandFailed, json, table } from '../output.js';
import type { Command } from './command.js';

const balance = (a: AccountWithBalances, type: string): string => {
  const found = a.balances.find((b) => b.type === type);
  return found === undefined ? '' : formatMoney(found.amount);
};

/** An instant to the minute, in UTC so a cron log and a terminal read the same. */
const minute = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

const lastSync = (a: StoredAccount): string => `${a.syncedAt === undefined ? 'never' : minute(a.syncedAt)}${a.readable ? '' : ' (consent ended)'}`;

function accountsTable(view: AccountsView): string {
  const rows = view.accounts.map((a) => [
    a.iban !== undefined ? formatIban(a.iban) : (a.maskedPan ?? a.resourceId),
    a.product ?? a.name ?? '',
    balance(a, 'closingBooked'),
    balance(a, 'interimAvailable'),
    lastSync(a),
  ]);
  return table(['Account', 'Name', 'Booked', 'Available', 'Last synced'], rows, new Set([2, 3]));
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
    io.out(values.json === true ? json(view) : view.accounts.length === 0 ? 'No accounts in the local copy yet: connect a bank and sync (npm run cli -- connect, then sync).\n' : accountsTable(view));
    // The local copy answered: a connection whose last sync failed is news, not this command's failure.
    for (const s of view.skipped) io.err(`conturi: an item of connection ${s.connectionId} could not be read: ${s.reason}\n`);
    for (const f of view.failures) io.err(`conturi: the last sync of connection ${f.connectionId} failed: ${f.error.message} (${f.state})\n`);
    return 0;
  },
};
