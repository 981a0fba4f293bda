import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Tests run against the TypeScript sources, never a stale dist/.
  resolve: {
    alias: {
      '@specwright/core': fileURLToPath(new URL('./core/src/index.ts', import.meta.url)),
      '@specwright/cli': fileURLToPath(new URL('./cli/src/index.ts', import.meta.url)),
    },
  },
  test: {
    include: ['core/src/**/*.test.ts', 'cli/src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    // Hooks that start many CLI processes take long on a busy 2-core machine.
    hookTimeout: 120_000,
    // The JSON results feed the closing line of .ci/run (scripts/test-summary.mjs).
    reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]],
  },
});
