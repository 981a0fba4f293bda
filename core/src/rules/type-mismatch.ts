import type { FieldResolution } from '../model/declared-fields.js';
import { eachDepth, type PathSegment } from '../model/field-path.js';
import type { Rule, RuleFinding } from './rule.js';

type Shape = 'object' | 'array' | 'boolean' | 'number' | 'temporal' | 'string';

/** The shape of the value a path reads or writes, from the declared type; undefined when unknown. */
function shapeOf(resolved: FieldResolution | undefined, segments: PathSegment[]): Shape | undefined {
  if (segments.length === 0) return 'object';
  if (!resolved) return undefined;
  const last = segments[segments.length - 1]!;
  if (resolved.kind === 'prefix') return resolved.isArray && !last.selector ? 'array' : 'object';
  if (resolved.kind !== 'field') return undefined;
  const declaredLast = resolved.segments[resolved.segments.length - 1]!;
  // `tags[]` declared as string: `tags` is the list, `tags[]` or `tags[0]` an element.
  if (declaredLast.selector && !last.selector) return 'array';
  switch (resolved.field.type) {
    case 'object':
    case 'array':
    case 'boolean':
    case 'string':
      return resolved.field.type;
    case 'number':
    case 'integer':
      return 'number';
    case 'date':
    case 'datetime':
      return 'temporal';
    default:
      return undefined;
  }
}

const structured = (s: Shape) => s === 'object' || s === 'array';

function mismatch(source: Shape, target: Shape): boolean {
  if (structured(source) !== structured(target)) return true;
  const booleanVersus = (a: Shape, b: Shape) => a === 'boolean' && (b === 'number' || b === 'temporal');
  return booleanVersus(source, target) || booleanVersus(target, source);
}

export const typeMismatch: Rule = {
  id: 'type-mismatch',
  severity: 'warn',
  layer: 'details',
  description:
    'A direct mapping (a `source` with no transform or lookup) joins fields whose declared types cannot meet: an object or array into a scalar, a scalar into an object or array, or a boolean to or from a number, date or datetime. Such a pair needs a transform that says how the value changes; left as a direct copy, the engineer has to guess.',
  check(context) {
    const findings: RuleFinding[] = [];
    for (const mapping of context.index.mappings) {
      const m = mapping.value;
      if (m.source === undefined || m.target === undefined || m.transform !== undefined || m.lookup !== undefined) continue;
      const source = context.entityPath(m.source);
      const target = context.entityPath(m.target);
      if (!source.ok || !target.ok) continue;
      const flow = mapping.dataFlow.value;
      const sourceEntity = context.entitiesOf(flow.source)?.get(source.path.entity);
      const targetEntity = context.entitiesOf(flow.target)?.get(target.path.entity);
      if (!sourceEntity || !targetEntity) continue;
      let sourceShape = shapeOf(context.resolveField(sourceEntity, m.source), source.path.segments);
      const targetShape = shapeOf(context.resolveField(targetEntity, m.target), target.path.segments);
      if (!sourceShape || !targetShape) continue;
      // `items[].sku` into a single field reads a list, whatever the element type.
      if (eachDepth(source.path.segments) > eachDepth(target.path.segments)) sourceShape = 'array';
      if (mismatch(sourceShape, targetShape)) {
        findings.push({
          element: mapping,
          message: `maps ${describe(sourceShape)} (${m.source}) directly to ${describe(targetShape)} (${m.target}); add a transform that says how the value changes`,
        });
      }
    }
    return findings;
  },
};

function describe(shape: Shape): string {
  return { object: 'an object', array: 'a list', boolean: 'a boolean', number: 'a number', temporal: 'a date', string: 'a string' }[shape];
}
