import type { Rule, RuleFinding } from './rule.js';

export const testRequired: Rule = {
  id: 'test-required',
  severity: 'error',
  layer: 'tests',
  description:
    'A data flow has at least one test case: given source records and inputs, the target records expected. Test cases are what "done" looks like; they turn the mapping table into an acceptance suite an engineer can run.',
  check({ index }) {
    const findings: RuleFinding[] = [];
    for (const flow of index.dataFlows) {
      if (flow.value.tests.length === 0) {
        findings.push({ element: flow, message: 'data flow has no test case: add one with the source records it is given and the target records expected', at: `${flow.path}/tests` });
      }
    }
    return findings;
  },
};
