import { parseArgs } from 'node:util';
import { startSandbox } from './index.js';
import { isFlag, optionNames, optionUsage, sandboxOptionsFrom } from './option-names.js';

const usage = `npm run sandbox -- [options]

${optionUsage()}
  --help                        this text
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      ...Object.fromEntries(optionNames.map((o) => [o.name, { type: isFlag(o.name) ? 'boolean' : 'string' } as const])),
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) {
    process.stdout.write(usage);
    return;
  }
  const pairs: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) if (name !== 'help' && value !== undefined) pairs[name] = String(value);
  const bank = await startSandbox(sandboxOptionsFrom(pairs));
  process.stdout.write(`${bank.url}\n`);
  const stop = () => {
    void bank.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`sandbox bank: ${error instanceof Error ? error.message : String(error)}\n${usage}`);
  process.exit(2);
});
