import { declaredFields } from '../model/declared-fields.js';
import { nameForm } from '../model/field-path.js';
import type { Rule, RuleFinding } from './rule.js';

/** True when one name path is the other, or lies inside it. */
const overlaps = (a: string, b: string) => a === b || a.startsWith(b + '.') || b.startsWith(a + '.') || a === '' || b === '';

export const requiredTargetUnmapped: Rule = {
  id: 'required-target-unmapped',
  severity: 'error',
  layer: 'details',
  description:
    'Every required field of a data flow\'s target entities gets a value from some mapping (a mapping to the field, to a field inside it, or to the object that holds it). A required field inside an optional object counts only when something is written to that object. The target will reject every record that lacks it: the most predictable failure there is.',
  check(context) {
    const findings: RuleFinding[] = [];
    for (const flow of context.index.dataFlows) {
      const entities = context.entitiesOf(flow.value.target);
      if (!entities) continue;
      const written = new Map<string, string[]>();
      for (const mapping of flow.value.mappings) {
        if (mapping.target === undefined) continue;
        const parsed = context.entityPath(mapping.target);
        if (!parsed.ok) continue;
        const list = written.get(parsed.path.entity) ?? [];
        list.push(nameForm(parsed.path.segments));
        // Writing to `name[key=value]` creates the element with its key set: it writes `name.key` too.
        parsed.path.segments.forEach((segment, i) => {
          if (segment.selector?.kind === 'match') list.push(nameForm(parsed.path.segments.slice(0, i + 1)) + '.' + segment.selector.key);
        });
        written.set(parsed.path.entity, list);
      }
      for (const name of flow.value.target.entities) {
        const entity = entities.get(name);
        if (!entity?.fields) continue;
        const paths = written.get(name) ?? [];
        const covered = (key: string) => paths.some((p) => overlaps(p, key));
        const declared = declaredFields(entity);
        const requiredByKey = new Map(declared.fields.map((f) => [f.key, f.field.required] as const));
        for (const { field, key, segments } of declared.fields) {
          if (!field.required || covered(key)) continue;
          // A required field inside an optional object, or inside an array, binds only when
          // something is written there: an absent object or an empty list lacks nothing.
          let active = true;
          for (let i = segments.length - 1; i > 0 && active; i--) {
            const ancestor = nameForm(segments.slice(0, i));
            if (covered(ancestor)) break;
            const ancestorRequired = requiredByKey.get(ancestor);
            const isArray = segments[i - 1]!.selector !== undefined;
            if (ancestorRequired === false || (ancestorRequired === undefined && isArray)) active = false;
          }
          if (!active) continue;
          findings.push({
            element: flow,
            message: `required field ${name}.${field.path} has no mapping; map a value to it (a source, an input, a constant or a transform)`,
            at: `${flow.path}/mappings`,
          });
        }
      }
    }
    return findings;
  },
};
