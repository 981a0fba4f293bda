import type { Rule, RuleFinding } from './rule.js';

export const useCaseDataFlow: Rule = {
  id: 'use-case-data-flow',
  severity: 'error',
  layer: 'dataFlows',
  description:
    'A use case has at least one data flow: the movement of data from a source system to a target system that makes the use case happen. A use case without one is a wish the design has not yet answered.',
  check({ index }) {
    const findings: RuleFinding[] = [];
    for (const useCase of index.useCases) {
      if (useCase.value.dataFlows.length === 0) {
        findings.push({ element: useCase, message: 'use case has no data flow: describe which data moves from which system to which', at: `${useCase.path}/dataFlows` });
      }
    }
    return findings;
  },
};
