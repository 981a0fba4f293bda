import type { Rule, RuleFinding } from './rule.js';

export const dataFlowTrigger: Rule = {
  id: 'data-flow-trigger',
  severity: 'error',
  layer: 'details',
  description:
    'A data flow has at least one trigger: the event, schedule, file or person that starts it. Without one, nobody knows when the data moves, and that decides latency, load and failure handling.',
  check({ index }) {
    const findings: RuleFinding[] = [];
    for (const flow of index.dataFlows) {
      if (flow.value.triggers.length === 0) {
        findings.push({ element: flow, message: 'data flow has no trigger: say what starts it (an event, a query on a schedule, a file, or a person)', at: `${flow.path}/triggers` });
      }
    }
    return findings;
  },
};
