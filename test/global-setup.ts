/** Once per `vitest run`, before any test file: what several files share and nothing changes while they run. */
import { buildCliBundle } from './cli/cli-bundle.js';

export async function setup(): Promise<void> {
  await buildCliBundle();
}
