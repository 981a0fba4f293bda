import type { Rule, RuleFinding } from './rule.js';

export const outcomeSuccess: Rule = {
  id: 'outcome-success',
  severity: 'error',
  layer: 'details',
  description:
    'A data flow has a success outcome: what happens when the target accepts the data (a record id stored, a status set, someone told). It is how the people at both ends know the integration worked.',
  check({ index }) {
    const findings: RuleFinding[] = [];
    for (const flow of index.dataFlows) {
      if (!flow.value.outcomes.some((o) => o.type === 'success')) {
        findings.push({ element: flow, message: 'data flow has no success outcome: say what happens when the target accepts the data', at: `${flow.path}/outcomes` });
      }
    }
    return findings;
  },
};
