import type { Rule, RuleFinding } from './rule.js';

export const fieldRef: Rule = {
  id: 'field-ref',
  severity: 'error',
  layer: 'details',
  description:
    'A mapping path names a field its entity declares (checked only where the entity declares fields). Selectors are read as `[]`, and a prefix of a declared path counts as declared. A mapping to a field that does not exist is the most common integration defect found late: it is cheap to catch while the design is still a table.',
  check(context) {
    const findings: RuleFinding[] = [];
    for (const mapping of context.index.mappings) {
      const flow = mapping.dataFlow.value;
      for (const side of ['source', 'target'] as const) {
        const text = mapping.value[side];
        if (text === undefined) continue;
        const parsed = context.entityPath(text);
        if (!parsed.ok || parsed.path.segments.length === 0) continue;
        const entity = context.entitiesOf(flow[side])?.get(parsed.path.entity);
        if (!entity || !flow[side].entities.includes(parsed.path.entity)) continue;
        if (context.resolveField(entity, text)?.kind !== 'undeclared') continue;
        findings.push({
          element: mapping,
          message: `${side} path "${text}" names a field that entity ${entity.name} does not declare; fix the path or declare the field`,
          at: `${mapping.path}/${side}`,
        });
      }
    }
    return findings;
  },
};
