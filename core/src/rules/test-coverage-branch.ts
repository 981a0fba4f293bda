import type { RunRule } from './rule.js';

/** Reported from a test run (engine/run-findings.ts), not by a check of the model. */
export const testCoverageBranch: RunRule = {
  id: 'test-coverage-branch',
  severity: 'warn',
  layer: 'tests',
  description:
    'Every conditional branch of a transform (`? :` and JSONata conditionals) is taken by some test case when the tests run. A branch no test takes is a rule of the business — the Ohio tax exception, say — that nobody has seen work.',
};
