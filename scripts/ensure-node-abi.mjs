// Native modules are built for one runtime at a time: `npm start` rebuilds them for Electron, the
// tests and browser mode need them for Node. This puts them back for Node when they are not.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import process from 'node:process';

const require = createRequire(import.meta.url);
try {
  const Database = require('better-sqlite3-multiple-ciphers');
  new Database(':memory:').close();
} catch (error) {
  if (!/NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(String(error))) throw error;
  process.stderr.write('better-sqlite3-multiple-ciphers is built for Electron; rebuilding it for Node…\n');
  execFileSync('npm', ['rebuild', 'better-sqlite3-multiple-ciphers'], { stdio: 'inherit' });
}
