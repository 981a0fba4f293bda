import { defineConfig } from 'vitest/config';
import { workspacePackages } from './scripts/workspaces.mjs';

export default defineConfig({
  // Tests run against the TypeScript sources, never a stale dist/: `@specwright/*` resolves through
  // the workspace links in node_modules to each package's `source` export condition. The list
  // replaces Vite's, so it repeats Vite's server defaults after `source`.
  ssr: { resolve: { conditions: ['source', 'module', 'node', 'development|production'] } },
  test: {
    include: [...workspacePackages().map((p) => `${p.dir}/src/**/*.test.ts`), 'test/**/*.test.ts'],
    testTimeout: 30_000,
    // Hooks that start many CLI processes take long on a busy 2-core machine.
    hookTimeout: 120_000,
    // The JSON results feed the closing line of .ci/run (scripts/test-summary.mjs).
    reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]],
  },
});
