import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  test: {
    include: ['core/src/**/*.test.ts', 'cli/src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
