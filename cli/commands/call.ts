import { err, type Result } from '../../common/index.js';
import { SECRET_KEYS } from '../../core/logging/logger.js';
import { parseCommand, UsageError } from '../args.js';
import { failureLine, json } from '../output.js';
import type { Command } from './command.js';

const SECRET_NAMES: ReadonlySet<string> = new Set(SECRET_KEYS);

/** The first key anywhere in `value` that names a secret (a password, a client secret, a private key). */
function secretKeyIn(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, inner] of Object.entries(value)) {
    if (SECRET_NAMES.has(key)) return key;
    const found = secretKeyIn(inner);
    if (found !== undefined) return found;
  }
  return undefined;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const notJson = (why: string): Result<never> =>
  err({ code: 'INVALID_INPUT', state: 'invalid-input', message: `the input is not JSON: ${why}`, retryable: false });

export const callCommand: Command = {
  name: 'call',
  usage: `call METHOD [JSON|-]          run one method (its input as JSON; - reads it from stdin);
                                print its Result as JSON; exit 0 when ok, 1 when not`,
  async run({ line, io, open }) {
    const { positionals, global } = parseCommand(line, {}, 2);
    const [method, text] = positionals;
    if (method === undefined) throw new UsageError('call needs a METHOD (see: npm run cli -- methods)');
    const source = text === '-' ? await readStdin() : text;
    let input: unknown;
    try {
      input = source === undefined ? {} : JSON.parse(source);
    } catch (error) {
      const result = notJson((error as Error).message);
      io.out(json(result));
      if (!result.ok) io.err(failureLine(result.error));
      return 1;
    }
    // Any local user can read a process's arguments: a secret may come on stdin only.
    const secret = text === '-' ? undefined : secretKeyIn(input);
    if (secret !== undefined) throw new UsageError(`"${secret}" is a secret and must not be on the command line: pass the JSON on stdin (call ${method} - < input.json)`);
    const runtime = await open({ global });
    const result = await runtime.call(method, input);
    io.out(json(result));
    if (!result.ok) io.err(failureLine(result.error));
    return result.ok ? 0 : 1;
  },
};
