import { SANDBOX_PROFILE } from '../../core/profiles/profile-settings.js';
import { parseCommand } from '../args.js';
import { CommandFailed } from '../output.js';
import type { Command } from './command.js';

export const connectCommand: Command = {
  name: 'connect',
  usage: `connect [--profile ID] [--label TEXT] [--auto-psu USER]
                                print the bank's authorize URL and wait for its answer on 127.0.0.1;
                                --auto-psu plays that sandbox PSU (demo, demo2) on the bank's pages`,
  async run({ line, io, open }) {
    const { values, global } = parseCommand(line, { profile: { type: 'string' }, label: { type: 'string' }, 'auto-psu': { type: 'string' } }, 0);
    const profileId = values.profile ?? SANDBOX_PROFILE.id;
    const label = values.label ?? (profileId === SANDBOX_PROFILE.id ? 'CEC (sandbox)' : `CEC (${profileId})`);
    const runtime = await open({ global, autoPsu: values['auto-psu'] });
    const result = await runtime.invoke('connections:connect', { profileId, label });
    if (!result.ok) throw new CommandFailed(result.error);
    const c = result.value;
    const left = c.daysLeft === undefined ? '' : ` (${c.daysLeft} days left)`;
    io.out(`Connected ${c.label}: connection ${c.id}, ${c.status}, consent valid until ${c.validUntil ?? 'unknown'}${left}\n`);
    if (runtime.ephemeral !== undefined) io.err(`conturi: nothing of this connection is kept after this command (${runtime.ephemeral})\n`);
    return 0;
  },
};
