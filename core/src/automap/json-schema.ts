import type { FieldFormat, FieldType } from '../model/schema.js';
import { SchemaImportError, type SchemaField } from './schema-field.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const FORMATS: Record<string, FieldFormat> = {
  email: 'email',
  'idn-email': 'email',
  uri: 'uri',
  url: 'uri',
  'uri-reference': 'uri',
  iri: 'uri',
  date: 'date',
  'date-time': 'datetime',
  datetime: 'datetime',
  phone: 'phone',
  uuid: 'uuid',
};

function typeOf(schema: Json): FieldType | undefined {
  let type = schema['type'];
  if (Array.isArray(type)) type = type.find((t) => t !== 'null');
  switch (type) {
    case 'string':
      if (schema['format'] === 'date') return 'date';
      if (schema['format'] === 'date-time') return 'datetime';
      return 'string';
    case 'number':
    case 'integer':
    case 'boolean':
    case 'object':
    case 'array':
      return type;
    default:
      if (isObject(schema['properties'])) return 'object';
      if (schema['items'] !== undefined) return 'array';
      return undefined;
  }
}

/**
 * Flattens a JSON Schema (draft-07 or 2020-12) into field paths. Local `$ref`s (`#/…`) are
 * followed; `allOf` is merged; a reference cycle is reported, not followed forever.
 */
export function fieldsFromJsonSchema(root: unknown): SchemaField[] {
  if (!isObject(root)) throw new SchemaImportError('the schema is not a JSON object');
  const fields: SchemaField[] = [];
  const resolve = (schema: Json, pointer: string, seen: readonly string[]): { schema: Json; pointer: string; seen: readonly string[] } => {
    let current = schema;
    let at = pointer;
    let trail = seen;
    for (let hops = 0; typeof current['$ref'] === 'string'; hops++) {
      const ref = current['$ref'];
      if (!ref.startsWith('#')) throw new SchemaImportError(`$ref "${ref}" points outside this document; dereference it first`, at);
      if (trail.includes(ref)) throw new SchemaImportError(`$ref "${ref}" refers back to itself (a cycle: ${[...trail, ref].join(' → ')})`, at);
      const target = resolvePointer(root, ref.slice(1));
      if (!isObject(target)) throw new SchemaImportError(`$ref "${ref}" does not point at a schema in this document`, at);
      trail = [...trail, ref];
      at = ref.slice(1);
      current = { ...target, ...withoutRef(current) };
    }
    if (Array.isArray(current['allOf'])) {
      let merged: Json = { ...current, allOf: undefined };
      current['allOf'].forEach((part, i) => {
        if (!isObject(part)) return;
        const r = resolve(part, `${at}/allOf/${i}`, trail).schema;
        merged = {
          ...r,
          ...merged,
          properties: { ...(isObject(r['properties']) ? r['properties'] : {}), ...(isObject(merged['properties']) ? merged['properties'] : {}) },
          required: [...(Array.isArray(r['required']) ? r['required'] : []), ...(Array.isArray(merged['required']) ? merged['required'] : [])],
        };
      });
      current = merged;
    }
    return { schema: current, pointer: at, seen: trail };
  };

  const walk = (schema: Json, prefix: string, pointer: string, required: boolean, seen: readonly string[]) => {
    const resolved = resolve(schema, pointer, seen);
    const s = resolved.schema;
    const type = typeOf(s);
    if (type === 'array' && isObject(s['items'])) {
      const items = resolve(s['items'], `${resolved.pointer}/items`, resolved.seen);
      if (isObject(items.schema['properties'])) {
        if (prefix) fields.push(field(prefix, 'array', s, required, true));
        walkProperties(items.schema, `${prefix}[]`, items.pointer, items.seen);
        return;
      }
      if (prefix) fields.push(field(`${prefix}[]`, typeOf(items.schema), items.schema, required, false));
      return;
    }
    if (isObject(s['properties'])) {
      if (prefix) fields.push(field(prefix, 'object', s, required, true));
      walkProperties(s, prefix, resolved.pointer, resolved.seen);
      return;
    }
    if (prefix) fields.push(field(prefix, type, s, required, false));
  };
  const walkProperties = (schema: Json, prefix: string, pointer: string, seen: readonly string[]) => {
    const properties = schema['properties'] as Json;
    const required = new Set(Array.isArray(schema['required']) ? schema['required'].filter((r) => typeof r === 'string') : []);
    for (const [name, child] of Object.entries(properties)) {
      if (!isObject(child)) continue;
      walk(child, prefix ? `${prefix}.${name}` : name, `${pointer}/properties/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`, required.has(name), seen);
    }
  };
  walk(root, '', '', false, []);
  return fields;
}

function field(path: string, type: FieldType | undefined, schema: Json, required: boolean, container: boolean): SchemaField {
  const out: SchemaField = { path, required };
  if (type) out.type = type;
  const format = typeof schema['format'] === 'string' ? FORMATS[schema['format']] : undefined;
  if (format && format !== type) out.format = format;
  if (Array.isArray(schema['enum'])) out.enum = schema['enum'];
  if (typeof schema['description'] === 'string') out.description = schema['description'];
  if (container) out.container = true;
  return out;
}

function withoutRef(schema: Json): Json {
  const { $ref: _ref, ...rest } = schema;
  return rest;
}

function resolvePointer(root: unknown, pointer: string): unknown {
  let current: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(current) && !Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
