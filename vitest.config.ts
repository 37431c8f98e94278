import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'out/**'],
    // Integration tests start real servers and a real Chromium: give them room, not retries.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: each file already runs servers and browsers of its own.
    maxWorkers: 2,
  },
});
