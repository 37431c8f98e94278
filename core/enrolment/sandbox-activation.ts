import { z } from 'zod';
import { ProtocolError } from '../errors.js';
import { readJson, throwIfBankError, validate } from '../http/bank-answer.js';
import { send } from '../http/send.js';

const mailbox = z.object({ messages: z.array(z.object({ to: z.string(), link: z.url() }).loose()) });

/**
 * The sandbox bank's stand-in for a developer's inbox: it reads the activation mail at
 * `GET /sandbox/mailbox` and opens its link, as a person would in their mail client.
 */
export async function activateThroughSandboxMailbox(fetchFn: typeof fetch, origin: string, username: string): Promise<void> {
  const res = await send(fetchFn, `${origin}/sandbox/mailbox?to=${encodeURIComponent(username)}`, { method: 'GET', headers: { accept: 'application/json' } });
  await throwIfBankError(res, 'sandbox mailbox');
  const { messages } = validate(mailbox, await readJson(res, 'sandbox mailbox'), 'sandbox mailbox');
  const link = messages.filter((m) => m.to.toLowerCase() === username.toLowerCase()).at(-1)?.link;
  if (link === undefined) throw new ProtocolError('sandbox mailbox: no activation mail arrived');
  if (new URL(link).origin !== origin) throw new ProtocolError('sandbox mailbox: the activation link points elsewhere');
  const opened = await send(fetchFn, link, { method: 'GET', headers: {} });
  if (!opened.ok) throw new ProtocolError(`sandbox mailbox: the activation link answered ${opened.status}`);
  await opened.body?.cancel();
}
