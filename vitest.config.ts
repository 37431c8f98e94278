import { defineConfig } from 'vitest/config';
import { SlowFirstSequencer } from './test/slow-first-sequencer.js';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'out/**'],
    // Builds what many files share once per run (the CLI's bundle).
    globalSetup: ['test/global-setup.ts'],
    // Integration tests start real servers and a real Chromium: give them room, not retries.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: each file already runs servers and browsers of its own.
    maxWorkers: 2,
    // The long files start first, so the run does not end on one of them alone.
    sequence: { sequencer: SlowFirstSequencer },
  },
});
