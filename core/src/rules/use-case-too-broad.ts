import type { Rule, RuleFinding } from './rule.js';

const MAX_DATA_FLOWS = 3;

export const useCaseTooBroad: Rule = {
  id: 'use-case-too-broad',
  severity: 'warn',
  layer: 'useCases',
  description:
    'A use case has at most three data flows. One to three is healthy; more usually means the use case bundles several things a user does, which are easier to design, test and ship apart.',
  check({ index }) {
    const findings: RuleFinding[] = [];
    for (const useCase of index.useCases) {
      const count = useCase.value.dataFlows.length;
      if (count > MAX_DATA_FLOWS) {
        findings.push({ element: useCase, message: `use case has ${count} data flows, more than ${MAX_DATA_FLOWS}; split it into narrower use cases`, at: `${useCase.path}/dataFlows` });
      }
    }
    return findings;
  },
};
