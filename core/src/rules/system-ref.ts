import type { Rule, RuleFinding } from './rule.js';

export const systemRef: Rule = {
  id: 'system-ref',
  severity: 'error',
  layer: 'dataFlows',
  description:
    'A data flow names its source and target systems by the ids declared under `systems`. A data flow that points at an undeclared system cannot be checked against that system\'s entities and fields, and usually means a typo or a system the design has not described yet.',
  check({ index }) {
    const findings: RuleFinding[] = [];
    const declared = index.systemById;
    for (const flow of index.dataFlows) {
      for (const side of ['source', 'target'] as const) {
        const system = flow.value[side].system;
        if (system !== undefined && !declared.has(system)) {
          const known = [...declared.keys()].map((id) => `"${id}"`).join(', ') || 'none';
          findings.push({
            element: flow,
            message: `${side} system "${system}" is not declared under systems (declared: ${known}); declare it or fix the id`,
            at: `${flow.path}/${side}/system`,
          });
        }
      }
    }
    return findings;
  },
};
