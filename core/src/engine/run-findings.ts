import type { Finding } from '../model/finding.js';
import { testCoverageBranch } from '../rules/test-coverage-branch.js';
import { testFailed } from '../rules/test-failed.js';
import type { TestRun } from './run-tests.js';

/**
 * The findings of the two rules that need a test run (spec-format.md): `test-failed` for each
 * failing test, `test-coverage-branch` for each transform branch no test took.
 */
export function findingsFromTestRun(run: TestRun): Finding[] {
  const findings: Finding[] = [];
  for (const result of run.results) {
    if (result.status === 'pass') continue;
    const first = result.problems.slice(0, 3).map((p) => p.message).join('; ');
    const more = result.problems.length > 3 ? `; and ${result.problems.length - 3} more` : '';
    findings.push({ rule: testFailed.id, severity: testFailed.severity, message: `test fails: ${first}${more}`, id: result.id, path: result.path });
  }
  for (const coverage of run.branches) {
    for (const branch of coverage.branches) {
      if (branch.taken) continue;
      findings.push({
        rule: testCoverageBranch.id,
        severity: testCoverageBranch.severity,
        message: `the ${branch.side} branch of the conditional at character ${branch.position} of the transform is taken by no test; add a test that takes it`,
        id: coverage.mapping,
        path: coverage.path,
        valuePath: `${coverage.path}/transform`,
      });
    }
  }
  return findings;
}
