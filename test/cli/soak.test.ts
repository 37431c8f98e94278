import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runSoak } from '../../scripts/soak.js';

/**
 * The short version of `npm run soak` that CI runs: CLI syncs through a bank failing 10% of its
 * calls, some killed with SIGKILL mid-run, checked against the bank's books after each.
 */
describe('soak: killed and faulty CLI syncs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'conturi-soak-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loses nothing, doubles nothing and never damages the database', { timeout: 240_000 }, async () => {
    const lines: string[] = [];
    const figures = await runSoak({ syncs: 4, kills: 3, faultRate: 0.1, seed: 13, dataDir: dir, say: (l) => lines.push(l) });
    expect(figures.killed, lines.join('\n')).toBeGreaterThan(0);
    expect({ lost: figures.lost, duplicated: figures.duplicated, extra: figures.extra, damaged: figures.damaged }, lines.join('\n'))
      .toEqual({ lost: 0, duplicated: 0, extra: 0, damaged: 0 });
    expect(figures.atBank).toBeGreaterThan(1000);
  });
});
