import type { Rule, RuleFinding } from './rule.js';

export const entityRef: Rule = {
  id: 'entity-ref',
  severity: 'error',
  layer: 'details',
  description:
    'A data flow names entities its systems declare (checked only where the system declares entities), and every mapping path starts with one of its data flow\'s entities: a `source` path with a source entity, a `target` path with a target entity. A mapping that reads from an entity the flow does not carry describes data that will not be there when the integration runs.',
  check(context) {
    const findings: RuleFinding[] = [];
    for (const flow of context.index.dataFlows) {
      for (const side of ['source', 'target'] as const) {
        const endpoint = flow.value[side];
        const declared = context.entitiesOf(endpoint);
        if (!declared) continue;
        endpoint.entities.forEach((name, i) => {
          if (!declared.has(name)) {
            findings.push({
              element: flow,
              message: `${side} entity "${name}" is not declared by system "${endpoint.system}" (it declares ${[...declared.keys()].join(', ')})`,
              at: `${flow.path}/${side}/entities/${i}`,
            });
          }
        });
      }
    }
    for (const mapping of context.index.mappings) {
      const flow = mapping.dataFlow.value;
      for (const side of ['source', 'target'] as const) {
        const text = mapping.value[side];
        const entities = flow[side].entities;
        if (text === undefined || entities.length === 0) continue; // data-flow-entities reports an empty list
        const parsed = context.entityPath(text);
        if (!parsed.ok || entities.includes(parsed.path.entity)) continue;
        findings.push({
          element: mapping,
          message: `${side} path "${text}" starts with "${parsed.path.entity}", which is not a ${side} entity of data flow ${mapping.dataFlow.id} (${entities.join(', ')})`,
          at: `${mapping.path}/${side}`,
        });
      }
    }
    return findings;
  },
};
