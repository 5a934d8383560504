/**
 * Browser tests: playwright-core driving the system Chromium against the built app (dist/),
 * served on 127.0.0.1. Run after `npm run build`.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    reporters: ['default', ['json', { outputFile: '.tmp/results-e2e.json' }]],
  },
});
