/**
 * `npm run connect:demo`: connects the sandbox bank from the terminal through core, as the app
 * does — consent, the bank's pages, PKCE, token, accounts — for both demo PSUs, then lists their
 * accounts with balances. The redirect comes back to a loopback listener (RFC 8252 §7.3).
 *
 *   --auto        play the PSU on the bank's pages (no browser needed)
 *   --ephemeral   keep everything in memory (no OS keychain, no database file); nothing outlives the run.
 *                 Without a usable OS keychain the run is ephemeral anyway, and says so.
 *   --data-dir D  keep the database and the sandbox bank's state in D (default: a temp dir)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createAppCore } from '../core/app-core.js';
import { openLocalStore, storeWorld } from '../core/local-store.js';
import type { AuthorizationPort, AuthorizationSession } from '../core/auth/authorization-session.js';
import { listenForCallbacks } from '../core/auth/loopback-callback.js';
import { formatIban } from '../common/iban.js';
import { OsKeychain } from '../core/keychain/os-keychain.js';
import { logFailure } from '../core/logging/failure-log.js';
import { createLogger } from '../core/logging/logger.js';
import { formatMoney } from '../common/format-money.js';
import { playPsu } from '../sandbox/demo-psu.js';
import { embeddedSandbox } from '../sandbox/embedded.js';

const { values } = parseArgs({ options: { auto: { type: 'boolean' }, ephemeral: { type: 'boolean' }, 'data-dir': { type: 'string' } } });
const dir = values['data-dir'] ?? mkdtempSync(join(tmpdir(), 'conturi-demo-'));
const say = (line = '') => process.stdout.write(`${line}\n`);
// Until the store is open (and says whether this run may keep a log), failures are only printed.
let logger = await createLogger({ dir: undefined, level: 'silent' });

async function main(): Promise<void> {
  const store = await openLocalStore({
    dataDir: dir,
    keychain: new OsKeychain(),
    frontEnd: 'npm run connect:demo',
    ephemeral: values.ephemeral === true ? 'asked for with --ephemeral' : undefined,
  });
  if (store.ephemeral !== undefined) say(`Keeping nothing after this run: ${store.ephemeral.reason}`);
  logger = await createLogger({ dir: store.logDir });
  const bank = embeddedSandbox(
    { port: 0, dataDir: store.bankDir },
    readFileSync(new URL('../sandbox/demo-tpp/demo-tpp.cert.pem', import.meta.url), 'utf8'),
  );
  let active: AuthorizationSession | undefined;
  // Core's one callback listener, as the app's system-browser mode uses: the browser tab says
  // "authorised" only once the code was exchanged.
  const listener = await listenForCallbacks(0, () => active);
  const redirectUri = `http://127.0.0.1:${listener.port}/callback`;

  const core = createAppCore({
    fetch,
    ...storeWorld(store),
    redirectUri,
    logger,
    embedded: bank,
  });

  try {
    say(`Sandbox bank: ${(await bank.start()).url}`);
    for (const user of ['demo', 'demo2']) {
      const port: AuthorizationPort = {
        async open(url, session) {
          active = session;
          say();
          say(`Authorize as "${user}" (Cod acces: any 6 digits):`);
          say(url);
          if (values.auto === true) {
            const back = await playPsu(url, { user, decision: 'allow' });
            // Follow the bank's redirect to our loopback listener, as the browser would.
            const page = await fetch(back);
            if (page.status !== 200) throw new Error(`the callback answered ${page.status}: ${await page.text()}`);
          } else {
            say('Open it in a browser; waiting for the redirect…');
          }
        },
      };
      const connection = await core.connections.connect({ profileId: 'sandbox', label: `CEC (${user})`, port, psuIpAddress: '127.0.0.1' });
      say(`Connected ${connection.label}: consent ${connection.consentId}, valid until ${connection.validUntil ?? '?'}`);
    }
    say();
    for (const connection of core.connections.list()) {
      say(`${connection.label} — ${connection.status}, ${connection.daysLeft ?? '?'} days left`);
      const { accounts, skipped } = await core.connections.accounts(connection.id, { psuIpAddress: '127.0.0.1' });
      for (const account of accounts) {
        const booked = account.balances.find((b) => b.type === 'closingBooked');
        const available = account.balances.find((b) => b.type === 'interimAvailable');
        const id = account.iban !== undefined ? formatIban(account.iban) : (account.maskedPan ?? account.resourceId);
        say(`  ${id.padEnd(30)} ${(account.product ?? '').padEnd(36)} ${booked ? formatMoney(booked.amount).padStart(16) : ''}${available ? `  (disponibil ${formatMoney(available.amount)})` : ''}`);
      }
      for (const s of skipped) say(`  (could not be read: ${s.reason})`);
    }
  } finally {
    core.close();
    store.release();
    listener.close();
    await bank.close();
    if (values['data-dir'] === undefined) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  const e = logFailure(logger, error, { script: 'connect:demo' });
  const where = values['data-dir'] === undefined ? '' : ` (details in ${join(dir, 'logs')})`;
  process.stderr.write(`connect:demo failed: ${e.code}: ${e.message}${where}\n`);
  process.exit(1);
});
