import type { SyncSummary } from '../../common/index.js';
import { parseCommand } from '../args.js';
import { CommandFailed, json } from '../output.js';
import { progressView } from '../progress.js';
import type { Command } from './command.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The run's outcome for stdout: a headline, then one line per account and per connection left out. */
function summaryText(s: SyncSummary): string {
  const synced = s.accounts.filter((a) => a.outcome === 'synced').length;
  const lines = [`Sync ${s.outcome}: ${synced} of ${plural(s.accounts.length, 'account')} synced, ${plural(s.stored, 'new transaction')}, ${plural(s.requests, 'request')} to the bank`];
  for (const a of s.accounts) {
    const skipped = a.skipped.length === 0 ? '' : `, ${plural(a.skipped.length, 'item')} could not be read`;
    if (a.outcome === 'synced') lines.push(`  ${a.accountId}: ${a.stored} new, ${plural(a.pages, 'page')}${skipped}`);
    else if (a.outcome === 'deferred') lines.push(`  ${a.accountId}: deferred until ${a.nextAttemptAt ?? 'later'} (${a.message ?? 'the bank’s daily budget is spent'})`);
    else lines.push(`  ${a.accountId}: failed (${a.state ?? 'failed'}): ${a.message ?? 'no reason given'}`);
  }
  for (const c of s.skippedConnections) lines.push(`  connection ${c.connectionId}: not read (${c.state})`);
  return `${lines.join('\n')}\n`;
}

export const syncCommand: Command = {
  name: 'sync',
  usage: `sync [--connection ID] [--unattended] [--json]
                                read the bank into the local copy: progress on stderr, a summary on
                                stdout; --unattended runs as the scheduler does (no PSU-IP-Address,
                                counted against the bank's daily budget of 4 reads per account)`,
  async run({ line, io, open }) {
    const { values, global } = parseCommand(line, { connection: { type: 'string' }, unattended: { type: 'boolean' }, json: { type: 'boolean' } }, 0);
    const runtime = await open({ global });
    const progress = progressView(io);
    const unsubscribe = runtime.on('sync:progress', (p) => progress.show(p));
    const input = values.connection === undefined ? {} : { connectionId: values.connection };
    let result;
    try {
      result = values.unattended === true ? await runtime.syncUnattended(input) : await runtime.invoke('sync:run', input);
    } finally {
      unsubscribe();
      progress.end();
    }
    if (!result.ok) throw new CommandFailed(result.error);
    const summary = result.value;
    io.out(values.json === true ? json(summary) : summaryText(summary));
    if (summary.outcome === 'ok') return 0;
    const notSynced = summary.accounts.filter((a) => a.outcome !== 'synced').length;
    const message = `the sync was ${summary.outcome}: ${plural(notSynced, 'account')} not synced, ${plural(summary.skippedConnections.length, 'connection')} not read`;
    throw new CommandFailed({ code: summary.outcome === 'failed' ? 'SYNC_FAILED' : 'SYNC_PARTIAL', state: 'failed', message, retryable: true });
  },
};
