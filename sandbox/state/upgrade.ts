import type { BankSnapshot } from './records.js';
import { digestSecret } from './secrets.js';

/** A version-1 file: it kept the secrets it had handed out, and the mailbox, in clear. */
interface SnapshotV1 extends Omit<BankSnapshot, 'version' | 'users' | 'apps' | 'codes' | 'tokens'> {
  version: 1;
  users: (Omit<BankSnapshot['users'][number], 'activationTokenHash'> & { activationToken: string })[];
  apps: (Omit<BankSnapshot['apps'][number], 'clientSecretHash'> & { clientSecret: string })[];
  codes: (Omit<BankSnapshot['codes'][number], 'codeHash'> & { code: string })[];
  tokens: (Omit<BankSnapshot['tokens'][number], 'tokenHash'> & { token: string })[];
  mailbox?: unknown;
}

/**
 * Reads a state file of any known version as the current one. A version-1 file keeps working
 * (the same client secret and tokens still authenticate) but its clear secrets and mails go.
 */
export function upgradeSnapshot(data: { version?: unknown }, file: string): BankSnapshot {
  if (data.version === 2) return data as BankSnapshot;
  if (data.version !== 1) throw new Error(`${file}: unknown state version ${String(data.version)}`);
  const { mailbox: _mailbox, users, apps, codes, tokens, ...rest } = data as SnapshotV1;
  return {
    ...rest,
    version: 2,
    users: users.map(({ activationToken, ...u }) => ({ ...u, activationTokenHash: digestSecret(activationToken) })),
    apps: apps.map(({ clientSecret, ...a }) => ({ ...a, clientSecretHash: digestSecret(clientSecret) })),
    codes: codes.map(({ code, ...c }) => ({ ...c, codeHash: digestSecret(code) })),
    tokens: tokens.map(({ token, ...t }) => ({ ...t, tokenHash: digestSecret(token) })),
  };
}
