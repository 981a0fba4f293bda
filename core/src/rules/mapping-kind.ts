import { isBlank } from './text.js';
import type { Rule, RuleFinding } from './rule.js';

export const mappingKind: Rule = {
  id: 'mapping-kind',
  severity: 'error',
  layer: 'details',
  description:
    'A mapping takes its value from exactly one of `source`, `input`, `constant` or `transform`, or from `source` and `transform` together (the transform then receives the source value as `$source`). A mapping with no value says nothing an engineer can build; one with two competing values leaves the choice to whoever builds it.',
  check({ index }) {
    const findings: RuleFinding[] = [];
    for (const mapping of index.mappings) {
      const m = mapping.value;
      // Blank text is no value: `source: ''` gives the engine nothing to read.
      const kinds = [
        !isBlank(m.source) && 'source',
        !isBlank(m.input) && 'input',
        m.constant !== undefined && 'constant',
        !isBlank(m.transform) && 'transform',
      ].filter((k): k is string => k !== false);
      if (kinds.length === 0) {
        findings.push({ element: mapping, message: 'mapping has no value: give it a source, an input, a constant or a transform' });
      } else if (kinds.length > 1 && !(kinds.length === 2 && kinds[0] === 'source' && kinds[1] === 'transform')) {
        findings.push({
          element: mapping,
          message: `mapping combines ${kinds.join(' and ')}; use exactly one of them (or source with transform, which receives it as $source)`,
        });
      }
    }
    return findings;
  },
};
