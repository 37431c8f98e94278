import { accountsCommand } from './commands/accounts.js';
import { callCommand } from './commands/call.js';
import type { Command } from './commands/command.js';
import { connectCommand } from './commands/connect.js';
import { exportCommand } from './commands/export.js';
import { methodsCommand } from './commands/methods.js';
import { syncCommand } from './commands/sync.js';
import { payCommand } from './commands/pay.js';
import { payBulkCommand } from './commands/pay-bulk.js';
import { cancelCommand, paymentsCommand } from './commands/payments.js';
import { optionNames } from '../sandbox/option-names.js';

export const commands: readonly Command[] = [methodsCommand, callCommand, connectCommand, syncCommand, accountsCommand, exportCommand, payCommand, payBulkCommand, paymentsCommand, cancelCommand];

/** The sandbox's option table as NAME=VALUE; its state folder is the data folder's, not a knob here. */
const sandboxKnobs = (): string =>
  optionNames
    .filter((o) => o.name !== 'data-dir')
    .map((o) => `${`    ${o.name}=${o.value ?? 'true|false'}`.padEnd(32)}${o.help}`)
    .join('\n');

export function usage(): string {
  return `Usage: npm run cli -- [options] <command>

Options (before or after the command):
  --data-dir DIR                the data folder (default: the app's own, shared with the app and browser mode)
  --ephemeral                   keep everything in memory: nothing outlives the command
  --sandbox-option NAME=VALUE   a knob of the embedded sandbox bank (repeatable), one of:
${sandboxKnobs()}
  --callback-port N             the port on 127.0.0.1 the bank redirects to after sign-in (default 47613);
                                keep it the same for one data folder, or the sandbox app is enrolled anew
  --debug                       log every bank exchange, and show a stack trace on an unexpected failure
  -h, --help                    this text

Commands:
${commands.map((c) => `  ${c.usage}`).join('\n')}

Exit codes: 0 success, 1 a failure (one line on stderr), 2 bad usage.
`;
}
