import { parseEntityPath } from '../model/field-path.js';
import { givesValueAt } from '../paths/gives-value.js';
import type { Rule, RuleFinding } from './rule.js';

export const testCoverageMapping: Rule = {
  id: 'test-coverage-mapping',
  severity: 'warn',
  layer: 'tests',
  description:
    'Some test case of the data flow asserts each mapping\'s target path in its `expect` (compared as written, selectors included). This is a static check: a mapping no test looks at can be wrong without any test failing.',
  check({ index }) {
    const findings: RuleFinding[] = [];
    for (const mapping of index.mappings) {
      const target = mapping.value.target;
      if (target === undefined) continue;
      const parsed = parseEntityPath(target);
      if (!parsed.ok) continue;
      const asserted = mapping.dataFlow.value.tests.some((test) => {
        const expect = test.expect;
        return expect !== undefined && Object.prototype.hasOwnProperty.call(expect, parsed.path.entity) && givesValueAt(expect[parsed.path.entity], parsed.path.segments);
      });
      if (!asserted) {
        findings.push({ element: mapping, message: `no test's expect asserts ${target}; add it to a test case's expect` });
      }
    }
    return findings;
  },
};
