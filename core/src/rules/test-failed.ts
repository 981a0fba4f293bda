import type { RunRule } from './rule.js';

/** Reported from a test run (engine/run-findings.ts), not by a check of the model. */
export const testFailed: RunRule = {
  id: 'test-failed',
  severity: 'error',
  layer: 'tests',
  description:
    'A test case fails when run: the mappings do not produce the expected target records, or the target would reject them, or an expected error is not reported. The spec disagrees with itself, and an engineer building from it would build the disagreement. A test whose transform passes a limit of the run (a deadline, a memory ceiling, a size cap: see the README, "test") fails too, with the limit it passed.',
};
