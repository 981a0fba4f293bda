import type { Rule, RuleFinding } from './rule.js';

export const outcomeFailure: Rule = {
  id: 'outcome-failure',
  severity: 'warn',
  layer: 'details',
  description:
    'A data flow has at least one failure outcome. Every target rejects data sometimes — validation errors, rate limits, outages — and an integration whose design does not say what happens then fails silently in production.',
  check({ index }) {
    const findings: RuleFinding[] = [];
    for (const flow of index.dataFlows) {
      if (!flow.value.outcomes.some((o) => o.type === 'failure')) {
        findings.push({ element: flow, message: 'data flow has no failure outcome: say what happens when the target rejects the data or is down', at: `${flow.path}/outcomes` });
      }
    }
    return findings;
  },
};
