import type { Rule, RuleFinding } from './rule.js';

export const dataFlowEntities: Rule = {
  id: 'data-flow-entities',
  severity: 'error',
  layer: 'dataFlows',
  description:
    'A data flow names at least one source entity and one target entity: the records it reads and the records it writes. Mappings and test cases are written in terms of these entities.',
  check({ index }) {
    const findings: RuleFinding[] = [];
    for (const flow of index.dataFlows) {
      for (const side of ['source', 'target'] as const) {
        if (flow.value[side].entities.length === 0) {
          findings.push({ element: flow, message: `data flow names no ${side} entity: list the records it ${side === 'source' ? 'reads' : 'writes'} under ${side}.entities`, at: `${flow.path}/${side}` });
        }
      }
    }
    return findings;
  },
};
