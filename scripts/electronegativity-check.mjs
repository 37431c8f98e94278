/**
 * `npm run security:electron`: runs Doyensec's electronegativity over the code that ships in
 * Electron (main/ and preload/, tests left out) and fails on any finding nobody justified.
 *
 * electronegativity exits 0 whatever it finds, so this script reads its SARIF report instead.
 * A finding is justified by a comment on the flagged line or the line above:
 *   // electronegativity-justified: <CHECK_ID> — <why this is fine here>
 * A finding with no file (a global check such as CSP_GLOBAL_CHECK) may be justified anywhere in
 * the scanned sources. Justify only a check that misreads our code, never a real weakness.
 *
 * Offline by design: AvailableSecurityFixesGlobalCheck is left out (it downloads Electron's
 * release list), and with it ElectronVersionJSONCheck, which only feeds it; keeping Electron
 * patched is the dependency updates' job. The translation fetch electronegativity tries on start
 * fails and falls back to its bundled English.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SCANNED = ['main', 'preload'];
const NOT_SHIPPED = /\.test(-helper)?\.ts$/;
const MARK = /electronegativity-justified:\s*([A-Z0-9_]+)\s*—\s*\S/;
const cli = join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
const EXCLUDED = ['AvailableSecurityFixesGlobalCheck', 'ElectronVersionJSONCheck'];

// A staging copy holds exactly what ships, at the same relative paths, so SARIF paths map back.
const stage = mkdtempSync(join(tmpdir(), 'conturi-electronegativity-'));
let outcome;
try {
  outcome = scan();
} finally {
  rmSync(stage, { recursive: true, force: true });
}
if (!outcome.ok) {
  process.stderr.write(`security:electron: ${outcome.message}\n`);
  process.exit(1);
}
process.stdout.write(`security:electron: ${outcome.message}\n`);

function scan() {
  for (const folder of SCANNED) cpSync(join(root, folder), join(stage, folder), { recursive: true, filter: (src) => !NOT_SHIPPED.test(src) });
  writeFileSync(join(stage, 'package.json'), readFileSync(join(root, 'package.json')));
  const report = join(stage, 'report.sarif');
  const run = spawnSync(process.execPath, [cli, '-i', stage, '-o', report, '-r', '-e', electronVersion, '-x', EXCLUDED.join(',')], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en-US' },
  });
  if (run.status !== 0) return { ok: false, message: `electronegativity did not run (exit ${run.status}):\n${run.stderr || run.stdout}` };
  const results = JSON.parse(readFileSync(report, 'utf8')).runs[0].results;
  const open = results.map(toFinding).filter((finding) => !isJustified(finding));
  if (open.length > 0) {
    const list = open.map((f) => `  ${f.id} ${f.file === undefined ? '(global)' : `${f.file}:${f.line}`} — ${f.message}`).join('\n');
    return { ok: false, message: `${open.length} unjustified finding(s) (${results.length - open.length} justified):\n${list}` };
  }
  return { ok: true, message: `electronegativity over ${SCANNED.join(', ')} (Electron ${electronVersion}): ${results.length} finding(s), all justified.` };
}

function toFinding(result) {
  const location = result.locations?.[0]?.physicalLocation;
  const uri = location?.artifactLocation?.uri ?? 'file:///';
  return { id: result.ruleId, file: uri === 'file:///' ? undefined : uri, line: location?.region?.startLine ?? 1, message: result.message?.text ?? '' };
}

function isJustified(finding) {
  const marks = (text) => text.split('\n').map((line) => MARK.exec(line)?.[1]);
  if (finding.file === undefined) return scannedSources().some((text) => marks(text).includes(finding.id));
  const lines = marks(readFileSync(join(root, finding.file), 'utf8'));
  return lines[finding.line - 1] === finding.id || lines[finding.line - 2] === finding.id;
}

function scannedSources() {
  return SCANNED.flatMap((folder) =>
    readdirSync(join(stage, folder), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => readFileSync(join(entry.parentPath ?? entry.path, entry.name), 'utf8')),
  );
}
