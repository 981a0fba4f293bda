import type { Entity, FieldDeclaration } from './types.js';
import { nameForm, parseSegments, type PathSegment } from './field-path.js';

/** What a path names in an entity's declared fields. */
export type FieldResolution =
  | { kind: 'field'; field: FieldDeclaration; segments: PathSegment[] }
  /** A prefix of declared paths (`contact` for `contact.email`): declared, an object or array. */
  | { kind: 'prefix'; isArray: boolean }
  /** Below a declared object or array whose insides are not declared: not checked. */
  | { kind: 'open'; field: FieldDeclaration }
  | { kind: 'undeclared' }
  /** The entity declares no fields: nothing to check against. */
  | { kind: 'unchecked' };

export interface DeclaredFields {
  resolve(segments: readonly PathSegment[]): FieldResolution;
  fields: readonly { field: FieldDeclaration; segments: PathSegment[]; key: string }[];
}

const cache = new WeakMap<Entity, DeclaredFields>();

/**
 * An entity's declared fields, indexed by name path. Selectors are compared as `[]`, as the
 * contract says for every check against declared fields.
 */
export function declaredFields(entity: Entity): DeclaredFields {
  const cached = cache.get(entity);
  if (cached) return cached;
  const fields: DeclaredFields['fields'][number][] = [];
  for (const field of entity.fields ?? []) {
    const parsed = parseSegments(field.path);
    if (parsed.ok) fields.push({ field, segments: parsed.segments, key: nameForm(parsed.segments) });
  }
  const byKey = new Map(fields.map((f) => [f.key, f] as const));
  const prefixes = new Map<string, boolean>();
  for (const f of fields) {
    for (let i = 1; i < f.segments.length; i++) {
      const key = nameForm(f.segments.slice(0, i));
      const isArray = f.segments[i - 1]!.selector !== undefined;
      prefixes.set(key, (prefixes.get(key) ?? false) || isArray);
    }
  }
  const result: DeclaredFields = {
    fields,
    resolve(segments) {
      if (entity.fields === undefined || entity.fields.length === 0) return { kind: 'unchecked' };
      const key = nameForm(segments);
      const exact = byKey.get(key);
      if (exact) return { kind: 'field', field: exact.field, segments: exact.segments };
      const prefix = prefixes.get(key);
      if (prefix !== undefined) return { kind: 'prefix', isArray: prefix };
      // A declared object or array with nothing declared inside it leaves its insides open.
      for (let i = segments.length - 1; i > 0; i--) {
        const ancestor = byKey.get(nameForm(segments.slice(0, i)));
        if (ancestor) {
          const open = (ancestor.field.type === 'object' || ancestor.field.type === 'array') && !prefixes.has(ancestor.key);
          return open ? { kind: 'open', field: ancestor.field } : { kind: 'undeclared' };
        }
      }
      return { kind: 'undeclared' };
    },
  };
  cache.set(entity, result);
  return result;
}
