import type { MappingElement } from '../model/spec-index.js';
import type { Rule, RuleFinding } from './rule.js';

export const mappingTargetDuplicate: Rule = {
  id: 'mapping-target-duplicate',
  severity: 'error',
  layer: 'details',
  description:
    'Two mappings of one data flow write the same target path (compared as written, selectors included). Only one of them can win when the integration runs, and which one depends on the engine: the design must say which value the field gets.',
  check({ index }) {
    const findings: RuleFinding[] = [];
    // Mappings come grouped by data flow, in document order: one map per flow.
    let flow: MappingElement['dataFlow'] | undefined;
    let seen = new Map<string, MappingElement>();
    for (const mapping of index.mappings) {
      const target = mapping.value.target;
      if (target === undefined) continue;
      if (mapping.dataFlow !== flow) {
        flow = mapping.dataFlow;
        seen = new Map();
      }
      const key = target.trim();
      const earlier = seen.get(key);
      if (earlier) {
        findings.push({
          element: mapping,
          message: `target "${target}" is already written by mapping ${earlier.id}; keep one mapping per target field (use a transform to combine values)`,
          at: `${mapping.path}/target`,
        });
      } else {
        seen.set(key, mapping);
      }
    }
    return findings;
  },
};
