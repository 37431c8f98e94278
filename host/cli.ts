/**
 * `npm run web -- [--port N] [--no-open] [--data-dir D]`: the app in the default browser, served
 * on 127.0.0.1. Prints exactly one line on stdout, the URL with the per-launch secret in its
 * fragment; notes go to stderr. Exit codes: 0 after SIGINT/SIGTERM, 1 on a bad start (another
 * front end holds the data folder, say). Without a usable OS keychain it still starts, on the
 * sandbox bank only, keeping nothing (a note on stderr and a banner in the page say why).
 *
 *   --port N        listen on N (default 0: a free port)
 *   --no-open       do not open the browser (else it is opened on a single-use ticket, never
 *                   on the secret: see openLaunchPage)
 *   --data-dir D    keep the database and the sandbox bank's state in D
 *   --static-dir S  serve the renderer from S (default dist/renderer)
 *   --verbose       one line per request on stderr
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { OsKeychain } from '../core/keychain/os-keychain.js';
import { defaultDataDir } from '../core/platform/data-dir.js';
import { openLaunchPage } from './open-browser.js';
import { startWebApp } from './web-app.js';

const note = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<number | undefined> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      'no-open': { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
      'static-dir': { type: 'string' },
      verbose: { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    note(`conturi: --port must be a whole number from 0 to 65535, not ${JSON.stringify(values.port)}`);
    return 1;
  }
  const staticDir = values['static-dir'] ?? fileURLToPath(new URL('../dist/renderer/', import.meta.url));
  if (!existsSync(join(staticDir, 'index.html'))) {
    note(`conturi: no renderer in ${staticDir}; build it with: npm run build:renderer`);
    return 1;
  }
  const dataDir = values['data-dir'] ?? defaultDataDir({ platform: process.platform, env: process.env, home: homedir() });
  const app = await startWebApp({
    port,
    staticDir,
    dataDir,
    keychain: new OsKeychain(),
    log: values.verbose ? note : undefined,
  });
  if (app.ephemeral) note('conturi: no OS keychain: running on the sandbox bank only, and nothing is kept after this closes');
  process.stdout.write(`${app.url}\n`);
  // The printed line is for the person's own terminal; the browser gets a single-use ticket
  // through a page only this user can read, never the secret in an argument (see openLaunchPage).
  // An ephemeral run makes no data folder, so its launch page goes to a private temp folder.
  const launchDir = () => (app.ephemeral ? mkdtempSync(join(tmpdir(), 'conturi-launch-')) : dataDir);
  if (!values['no-open']) openLaunchPage(launchDir(), app.launchTicket()).catch((error: unknown) => note(`conturi: open the line above in your browser (${(error as Error).message})`));

  let stopping = false;
  const stop = () => {
    // A second signal means "now": do not wait for open streams or the bank.
    if (stopping) process.exit(130);
    stopping = true;
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        note(`conturi: shutdown: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return undefined;
}

main().then(
  (code) => {
    if (code !== undefined) process.exit(code);
  },
  (error: unknown) => {
    note(`conturi: could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
