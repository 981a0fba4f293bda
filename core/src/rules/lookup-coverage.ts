import { lookupKey } from '../model/json.js';
import type { Rule, RuleFinding } from './rule.js';

export const lookupCoverage: Rule = {
  id: 'lookup-coverage',
  severity: 'warn',
  layer: 'details',
  description:
    'A lookup (value map) covers every enum value of its source field, or has a `default`. A value the lookup lacks passes through unchanged, which the target usually rejects; new enum values appear in source systems all the time, so the design should say what happens to them.',
  check(context) {
    const findings: RuleFinding[] = [];
    for (const mapping of context.index.mappings) {
      const m = mapping.value;
      if (!m.lookup || m.default !== undefined || m.source === undefined || m.transform !== undefined) continue;
      const parsed = context.entityPath(m.source);
      if (!parsed.ok) continue;
      const entity = context.entitiesOf(mapping.dataFlow.value.source)?.get(parsed.path.entity);
      if (!entity) continue;
      const resolved = context.resolveField(entity, m.source);
      if (resolved?.kind !== 'field' || !resolved.field.enum) continue;
      const keys = new Set(Object.keys(m.lookup));
      // Enum values read as the engine reads them against the lookup's keys.
      const missing = resolved.field.enum.map(lookupKey).filter((value) => !keys.has(value));
      if (missing.length > 0) {
        findings.push({
          element: mapping,
          message: `lookup does not cover ${missing.map((v) => JSON.stringify(v)).join(', ')} of ${m.source}; add ${missing.length === 1 ? 'it' : 'them'} or a default`,
          at: `${mapping.path}/lookup`,
        });
      }
    }
    return findings;
  },
};
