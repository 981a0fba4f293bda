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

type Declared = DeclaredFields['fields'][number];

/**
 * One name of a declared path: the field declared there (the last one, when a path is declared
 * twice), whether a declared path goes on below it and with a selector at it. A tree by name,
 * not a map of every prefix's text: a path of thousands of segments would make thousands of
 * prefix strings, each as long as the path (field-ref took 1.5 s on an 18 KB path).
 */
interface NameNode {
  children: Map<string, NameNode>;
  field: Declared | undefined;
  /** Some declared path continues below this name. */
  prefix: boolean;
  /** …and one of those has a selector at this name (the value is an array). */
  prefixIsArray: boolean;
}

const nameNode = (): NameNode => ({ children: new Map(), field: undefined, prefix: false, prefixIsArray: false });

/**
 * An entity's declared fields, indexed by name path. Selectors are compared as `[]`, as the
 * contract says for every check against declared fields.
 */
export function declaredFields(entity: Entity): DeclaredFields {
  const cached = cache.get(entity);
  if (cached) return cached;
  const fields: Declared[] = [];
  const root = nameNode();
  for (const field of entity.fields ?? []) {
    const parsed = parseSegments(field.path);
    if (!parsed.ok) continue;
    const declared: Declared = { field, segments: parsed.segments, key: nameForm(parsed.segments) };
    fields.push(declared);
    let node = root;
    parsed.segments.forEach((segment, i) => {
      let next = node.children.get(segment.name);
      if (!next) node.children.set(segment.name, (next = nameNode()));
      node = next;
      if (i < parsed.segments.length - 1) {
        node.prefix = true;
        node.prefixIsArray ||= segment.selector !== undefined;
      }
    });
    node.field = declared;
  }
  const result: DeclaredFields = {
    fields,
    resolve(segments) {
      if (entity.fields === undefined || entity.fields.length === 0) return { kind: 'unchecked' };
      // The names along the path, as far as any declared path goes; the deepest declared field on the way.
      let node: NameNode | undefined = root;
      let ancestor: NameNode | undefined;
      for (let i = 0; i < segments.length && node; i++) {
        if (i > 0 && node.field) ancestor = node;
        node = node.children.get(segments[i]!.name);
      }
      if (node?.field) return { kind: 'field', field: node.field.field, segments: node.field.segments };
      if (node?.prefix) return { kind: 'prefix', isArray: node.prefixIsArray };
      // A declared object or array with nothing declared inside it leaves its insides open.
      if (ancestor) {
        const { field } = ancestor.field!;
        const open = (field.type === 'object' || field.type === 'array') && !ancestor.prefix;
        return open ? { kind: 'open', field } : { kind: 'undeclared' };
      }
      return { kind: 'undeclared' };
    },
  };
  cache.set(entity, result);
  return result;
}
