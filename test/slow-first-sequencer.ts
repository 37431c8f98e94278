/**
 * The order test files start in. On a clean clone (CI) vitest has no durations yet and starts
 * larger files first, so a small file that runs for a minute (the soak, the CLI's payments) could
 * start last and leave one core idle while it ends. Files that start a browser, a host or a CLI
 * process are the long ones: they start first, then the rest; within each group, the longer last
 * run first when vitest remembers it, else the larger file.
 */
import { statSync } from 'node:fs';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Test files that drive Chromium, a host or the CLI in child processes, by their path. */
const SLOW = [/\.e2e\.test\.ts$/, /\.browser\.test\.ts$/, /^test\/cli\//, /^host\/cli\.test\.ts$/];

export class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const path = (f: TestSpecification) => relative(root, f.moduleId).split('\\').join('/');
    const rank = (f: TestSpecification) => (SLOW.some((re) => re.test(path(f))) ? 0 : 1);
    const lastDuration = (f: TestSpecification) => this.ctx.cache.getFileTestResults(`${f.project.name}:${path(f)}`)?.duration;
    const size = (f: TestSpecification) => statSync(f.moduleId).size;
    return [...files].sort((a, b) => {
      if (rank(a) !== rank(b)) return rank(a) - rank(b);
      const [da, db] = [lastDuration(a), lastDuration(b)];
      if (da !== undefined && db !== undefined) return db - da;
      return size(b) - size(a);
    });
  }
}
