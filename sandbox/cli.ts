import { parseArgs } from 'node:util';
import { dialects, isDialect } from './dialect.js';
import { startSandbox, type SandboxOptions } from './index.js';

const usage = `npm run sandbox -- [options]

  --port N                      TCP port on 127.0.0.1 (0 = a free port; default 0)
  --seed N                      demo data seed (default 42)
  --accounts N                  accounts per PSU, at least 4 (default 4)
  --transactions-per-account N  booked transactions per account (default: ~26 months of history)
  --latency-ms N                delay added to every answer
  --fault-rate X                share 0..1 of API calls failing with 500/503 or a dropped connection
  --rate-limit N                calls per client per minute before 429 (default 1000)
  --page-size N                 transactions per page, with _links.next (default: one page, as at CEC)
  --token-ttl N                 access-token lifetime in seconds (default 3595)
  --settle-ms N                 time from PSU confirmation to final payment status (default 5000)
  --data-dir DIR                keep the bank's state across restarts (owner-only; secrets as digests)
  --dialect cec|loose           answer in CEC's forms (default) or in a second bank's valid
                                Berlin Group forms: nulls, 3.32E3 amounts, numeric ids, ...
  --log                         one line per request on stderr
`;

const int = (name: string, v: string | undefined): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number ≥ 0`);
  return n;
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      seed: { type: 'string' },
      accounts: { type: 'string' },
      'transactions-per-account': { type: 'string' },
      'latency-ms': { type: 'string' },
      'fault-rate': { type: 'string' },
      'rate-limit': { type: 'string' },
      'page-size': { type: 'string' },
      'token-ttl': { type: 'string' },
      'settle-ms': { type: 'string' },
      'data-dir': { type: 'string' },
      dialect: { type: 'string' },
      log: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) {
    process.stdout.write(usage);
    return;
  }
  const faultRate = values['fault-rate'] === undefined ? undefined : Number(values['fault-rate']);
  if (faultRate !== undefined && !(faultRate >= 0 && faultRate <= 1)) throw new Error('--fault-rate must be between 0 and 1');
  const dialect = values.dialect;
  if (dialect !== undefined && !isDialect(dialect)) throw new Error(`--dialect must be one of ${dialects.join(', ')}`);
  const options: SandboxOptions = {
    port: int('port', values.port),
    seed: int('seed', values.seed),
    accounts: int('accounts', values.accounts),
    transactionsPerAccount: int('transactions-per-account', values['transactions-per-account']),
    latencyMs: int('latency-ms', values['latency-ms']),
    faultRate,
    rateLimit: int('rate-limit', values['rate-limit']),
    pageSize: int('page-size', values['page-size']),
    tokenTtl: int('token-ttl', values['token-ttl']),
    settleMs: int('settle-ms', values['settle-ms']),
    dataDir: values['data-dir'],
    dialect,
    log: values.log,
  };
  const bank = await startSandbox(options);
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
