import { describeValue } from '../model/describe-value.js';
import { escapeSegment } from '../model/pointer.js';
import type { FieldFormat, FieldType } from '../model/schema.js';
import { SchemaImportError, type SchemaField } from './schema-field.js';
import { getOwn, isObject, setOwn, type JsonObject } from '../model/json.js';

/** JSON Schema `format` → the contract's field format (a Map: the key is the input's text). */
const FORMATS: ReadonlyMap<string, FieldFormat> = new Map(Object.entries({
  email: 'email',
  'idn-email': 'email',
  uri: 'uri',
  url: 'uri',
  'uri-reference': 'uri',
  iri: 'uri',
  'iri-reference': 'uri',
  date: 'date',
  'date-time': 'datetime',
  datetime: 'datetime',
  phone: 'phone',
  'phone-number': 'phone',
  tel: 'phone',
  uuid: 'uuid',
} satisfies Record<string, FieldFormat>));

const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);
/** Fields a schema may yield before we call it runaway (a reference fan-out, not a real entity). */
const MAX_FIELDS = 20_000;
const MAX_DEPTH = 64;
/**
 * Work one expansion may do, in schema nodes: each schema resolved or walked, each step along a
 * $ref chain, and what merging (allOf/anyOf/oneOf) and copying enums take, key by key. Depth and
 * field limits alone do not bound it: `allOf: [$ref next, $ref next]` forty levels deep is 2^40
 * nodes yet a few kilobytes and two fields. An entity of 20,000 fields, each object an allOf of a
 * shared base and its own properties, takes about 150,000.
 */
export const MAX_EXPANSION_NODES = 1_000_000;

export interface JsonSchemaOptions {
  /** JSON Pointer of the schema to flatten inside `root` (an OpenAPI component, a `$defs` entry); default the root. */
  at?: string;
  /** The most schema nodes the expansion may visit (default MAX_EXPANSION_NODES). */
  maxNodes?: number;
}

/** One JSON Pointer segment, escaped. */
/** One JSON Pointer segment (RFC 6901 escaping). */
export const pointerSegment = (name: string) => escapeSegment(name);

/** The field type a JSON Schema `type` (a string, or a list with "null") means, or undefined when it is mixed or absent. */
function typeOf(schema: JsonObject): FieldType | undefined {
  const raw = schema['type'];
  const types = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((t) => t !== 'null');
  let type: unknown;
  if (types.length === 1) type = types[0];
  else if (types.length > 1 && types.every((t) => t === 'number' || t === 'integer')) type = 'number';
  else if (types.length > 1) return undefined;
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

/** A path segment must be a plain name: `.`, `[` and `]` cannot be written in the contract's path syntax. */
const writableName = (name: string) => name.trim() !== '' && !/[.[\]]/.test(name);

/**
 * Flattens a JSON Schema (draft-07 or 2020-12; also an OpenAPI 3.x schema object) into field
 * paths. Local `$ref`s (`#/…`, `#/definitions/…`, `#/$defs/…`) are followed; `allOf` is merged;
 * `oneOf`/`anyOf` of objects are merged with every field optional; `["string","null"]`,
 * `nullable` and `anyOf [X, null]` read as X. A reference cycle, a `$ref` out of the document and
 * a malformed keyword are a `SchemaImportError` with the JSON Pointer of the problem.
 */
export function fieldsFromJsonSchema(root: unknown, options: JsonSchemaOptions = {}): SchemaField[] {
  if (!isObject(root)) throw new SchemaImportError('the schema is not a JSON object; a JSON Schema starts with { "type": "object", "properties": { … } }');
  const start = options.at ?? '';
  const startSchema = start === '' ? root : resolvePointer(root, start);
  if (!isObject(startSchema)) throw new SchemaImportError(`there is no schema object at ${start}`, start);
  const fields: SchemaField[] = [];
  const maxNodes = options.maxNodes ?? MAX_EXPANSION_NODES;
  let nodes = 0;
  const count = (n: number, at: string) => {
    nodes += n;
    if (nodes > maxNodes)
      throw new SchemaImportError(
        `the schema expands to more than ${maxNodes.toLocaleString('en')} schema nodes at ${at || '/'}; $refs and allOf/anyOf/oneOf that repeat the same schemas multiply each other here (is it recursive?). Reference a shared schema once, or import a smaller schema of the document by name`,
        at,
      );
  };

  const checkShape = (schema: JsonObject, at: string) => {
    const type = schema['type'];
    const types = Array.isArray(type) ? type : type === undefined ? [] : [type];
    count(types.length + (Array.isArray(schema['required']) ? schema['required'].length : 0), at);
    for (const t of types) {
      if (typeof t !== 'string' || !JSON_TYPES.has(t))
        throw new SchemaImportError(`"type" is ${describeValue(t)}, which is not a JSON Schema type; use string, number, integer, boolean, object, array or null`, `${at}/type`);
    }
    if (schema['properties'] !== undefined && !isObject(schema['properties']))
      throw new SchemaImportError('"properties" must be an object of property name → schema', `${at}/properties`);
    if (schema['required'] !== undefined && typeof schema['required'] !== 'boolean' && (!Array.isArray(schema['required']) || schema['required'].some((r) => typeof r !== 'string')))
      throw new SchemaImportError('"required" must be a list of property names', `${at}/required`);
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
      if (schema[key] !== undefined && !Array.isArray(schema[key])) throw new SchemaImportError(`"${key}" must be a list of schemas`, `${at}/${key}`);
    }
    if (schema['$ref'] !== undefined && typeof schema['$ref'] !== 'string') throw new SchemaImportError('"$ref" must be a string such as "#/$defs/Address"', `${at}/$ref`);
    if (schema['items'] !== undefined && !isObject(schema['items']) && typeof schema['items'] !== 'boolean' && !Array.isArray(schema['items']))
      throw new SchemaImportError('"items" must be a schema', `${at}/items`);
  };

  // A $ref's target and pointer, looked up once per expansion (a shared schema is named many times).
  const targets = new Map<string, unknown>();
  const pointers = new Map<string, string>();
  const lookup = (ref: string): unknown => {
    if (!targets.has(ref)) targets.set(ref, resolvePointer(root, ref.slice(1)));
    return targets.get(ref);
  };
  const pointerOf = (ref: string): string => {
    let at = pointers.get(ref);
    if (at === undefined) pointers.set(ref, (at = decodeFragment(ref.slice(1))));
    return at;
  };

  type Resolved = { schema: JsonObject; pointer: string; seen: readonly string[] };
  const resolve = (schema: JsonObject, pointer: string, seen: readonly string[], depth = 0): Resolved => {
    if (depth > MAX_DEPTH) throw new SchemaImportError(`the schema nests more than ${MAX_DEPTH} levels of $ref/allOf/anyOf here; is it recursive?`, pointer);
    count(1, pointer);
    checkShape(schema, pointer);
    let current = schema;
    let at = pointer;
    let trail = seen;
    while (typeof current['$ref'] === 'string') {
      const ref = current['$ref'];
      if (!ref.startsWith('#')) throw new SchemaImportError(`$ref "${ref}" points outside this document (another file or a URL), which is not supported; inline that schema or bundle the files into one document first`, `${at}/$ref`);
      if (ref !== '#' && !ref.startsWith('#/')) throw new SchemaImportError(`$ref "${ref}" is an anchor reference, which is not supported; use a JSON Pointer such as "#/$defs/Address"`, `${at}/$ref`);
      // Each step along a chain of $refs checks and extends the trail: its length is the work.
      count(1 + trail.length, at);
      if (trail.includes(ref)) throw new SchemaImportError(`$ref "${ref}" is circular (${[...trail, ref].join(' → ')}): a recursive schema has no finite list of fields; cut the cycle (for example with "type": "object" and no properties at the repeating point)`, `${at}/$ref`);
      const target = lookup(ref);
      if (target === undefined) throw new SchemaImportError(`$ref "${ref}" points at nothing in this document; check the name`, `${at}/$ref`);
      if (!isObject(target)) throw new SchemaImportError(`$ref "${ref}" does not point at a schema object`, `${at}/$ref`);
      trail = [...trail, ref];
      count(Object.keys(current).length, at);
      const siblings = withoutRef(current);
      at = pointerOf(ref);
      checkShape(target, at);
      current = target;
      if (Object.keys(siblings).length > 0) {
        // 2019-09+ allows keywords beside $ref: they apply together, as an allOf.
        const merged = resolve({ allOf: [target, siblings] }, at, trail, depth + 1);
        current = merged.schema;
        trail = merged.seen;
      }
    }
    if (Array.isArray(current['allOf'])) {
      count(Object.keys(current).length, at);
      let merged: JsonObject = { ...current };
      delete merged['allOf'];
      const partTrails = PART_TRAILS.get(current);
      current['allOf'].forEach((part, i) => {
        if (!isObject(part)) return;
        const partTrail = partTrails?.[i] ?? trail;
        const r = resolve(part, `${at}/allOf/${i}`, partTrail, depth + 1);
        count(mergeCost(merged, r.schema), `${at}/allOf/${i}`);
        merged = mergeSchemas(merged, underTrail(r.schema, r.seen, trail), false);
      });
      current = merged;
    }
    for (const key of ['oneOf', 'anyOf'] as const) {
      const branches = current[key];
      if (!Array.isArray(branches)) continue;
      const resolved = branches.flatMap((part, i) => {
        if (!isObject(part)) return [];
        const r = resolve(part, `${at}/${key}/${i}`, trail, depth + 1);
        return [underTrail(r.schema, r.seen, trail)];
      });
      const nonNull = resolved.filter((b) => !(b['type'] === 'null' || (Array.isArray(b['type']) && b['type'].every((t) => t === 'null'))));
      count(Object.keys(current).length, at);
      let merged: JsonObject = { ...current };
      delete merged[key];
      if (nonNull.length === 1) {
        count(mergeCost(merged, nonNull[0]!), `${at}/${key}`);
        merged = mergeSchemas(merged, nonNull[0]!, false);
      } else if (nonNull.length > 1) {
        // Alternatives: every property any branch declares, none of them required by the branches.
        let union: JsonObject = {};
        for (const branch of nonNull) {
          count(mergeCost(union, branch), `${at}/${key}`);
          union = mergeSchemas(union, branch, true);
        }
        count(mergeCost(merged, union), `${at}/${key}`);
        const types = new Set(nonNull.map((b) => typeOf(b)));
        if (types.size !== 1 || types.has(undefined)) delete union['type'];
        merged = mergeSchemas(merged, union, false);
      }
      current = merged;
    }
    return { schema: current, pointer: at, seen: trail };
  };

  const walk = (schema: JsonObject, prefix: string, pointer: string, required: boolean, seen: readonly string[], depth: number) => {
    if (fields.length > MAX_FIELDS) throw new SchemaImportError(`the schema yields more than ${MAX_FIELDS} fields; is it recursive, or is this the right schema?`, pointer);
    if (depth > MAX_DEPTH) throw new SchemaImportError(`the schema nests more than ${MAX_DEPTH} levels deep here`, pointer);
    count(1, pointer);
    const resolved = resolve(schema, pointer, seen);
    const s = resolved.schema;
    const type = typeOf(s);
    if (type === 'array' && isObject(s['items'])) {
      const items = resolve(s['items'], `${resolved.pointer}/items`, ITEMS_TRAILS.get(s) ?? resolved.seen);
      if (isObject(items.schema['properties']) && Object.keys(items.schema['properties']).length > 0) {
        if (prefix) fields.push(field(prefix, 'array', s, required, true));
        // A schema that is a list of records describes one record: its fields are the items' (a
        // path cannot start with `[]`).
        walkProperties(items.schema, prefix ? `${prefix}[]` : '', items.pointer, items.seen, depth);
        return;
      }
      if (prefix) fields.push(field(prefix, 'array', s, required, false, items.schema));
      return;
    }
    if (isObject(s['properties']) && Object.keys(s['properties']).length > 0) {
      if (prefix) fields.push(field(prefix, 'object', s, required, true));
      walkProperties(s, prefix, resolved.pointer, resolved.seen, depth);
      return;
    }
    if (prefix) fields.push(field(prefix, type, s, required, false));
  };
  const walkProperties = (schema: JsonObject, prefix: string, pointer: string, seen: readonly string[], depth: number) => {
    const properties = schema['properties'] as JsonObject;
    const trails = PROPERTY_TRAILS.get(properties);
    count(sizeOf(schema), pointer);
    const required = new Set(Array.isArray(schema['required']) ? schema['required'].filter((r) => typeof r === 'string') : []);
    for (const [name, child] of Object.entries(properties)) {
      const at = `${pointer}/properties/${pointerSegment(name)}`;
      if (!writableName(name)) continue; // cannot be written as a path segment
      if (child === true || (isObject(child) && Object.keys(child).length === 0)) {
        fields.push({ path: prefix ? `${prefix}.${name.trim()}` : name.trim(), required: required.has(name) });
        continue;
      }
      if (child === false) continue;
      if (!isObject(child)) throw new SchemaImportError(`property ${describeValue(name, { maxText: 60 }).replace(/^the text /, '')} is ${describeValue(child)}, not a schema object`, at);
      walk(child, prefix ? `${prefix}.${name.trim()}` : name.trim(), at, required.has(name), trails?.get(name) ?? seen, depth + 1);
    }
  };
  walk(startSchema, '', start, false, [], 0);
  return fields;

  function field(path: string, type: FieldType | undefined, schema: JsonObject, required: boolean, container: boolean, items?: JsonObject): SchemaField {
    // Copying an enum (a shared one, named by thousands of fields) is work too.
    const made = fieldOf(path, type, schema, required, container, items);
    count((made.enum?.length ?? 0) + (items ? Object.keys(items).length : 0), path);
    return made;
  }
}

/**
 * Where merged parts came from. A part of an allOf/anyOf/oneOf may follow $refs of its own (the
 * part `$ref: C`); its properties and items keep that trail when they are merged into one schema,
 * so that walking them later continues it and a cycle through a combinator is still found as one
 * (`C: {properties: {next: {allOf: [$ref C]}}}`), not expanded until a bound stops it. Keyed by
 * the objects a merge creates, never by the document's own.
 */
type Trail = readonly string[];
/** A merged `properties` object → the trail each property was found under. */
const PROPERTY_TRAILS = new WeakMap<JsonObject, Map<string, Trail>>();
/** A merged schema → the trail its `items` were found under. */
const ITEMS_TRAILS = new WeakMap<JsonObject, Trail>();
/** A merged property `{allOf: [b, a]}` → the trail of each part. */
const PART_TRAILS = new WeakMap<JsonObject, (Trail | undefined)[]>();

/** `schema` as found under `trail` (inside a resolution under `outer`): its properties and items remember the trail. */
function underTrail(schema: JsonObject, trail: Trail, outer: Trail): JsonObject {
  if (trail === outer) return schema;
  const out: JsonObject = { ...schema };
  const own = isObject(schema['properties']) ? schema['properties'] : undefined;
  if (own) {
    const properties: JsonObject = { ...own };
    const before = PROPERTY_TRAILS.get(own);
    const trails = new Map<string, Trail>();
    for (const name of Object.keys(properties)) trails.set(name, before?.get(name) ?? trail);
    PROPERTY_TRAILS.set(properties, trails);
    out['properties'] = properties;
  }
  if (schema['items'] !== undefined) ITEMS_TRAILS.set(out, ITEMS_TRAILS.get(schema) ?? trail);
  return out;
}

/** What merging two schemas copies: their keys, their properties and their required names. */
const mergeCost = (a: JsonObject, b: JsonObject) => sizeOf(a) + sizeOf(b);
const sizeOf = (schema: JsonObject) =>
  Object.keys(schema).length + (isObject(schema['properties']) ? Object.keys(schema['properties']).length : 0) + (Array.isArray(schema['required']) ? schema['required'].length : 0);

/**
 * Merges two (resolved) schemas: properties united, `required` united — or dropped when
 * `optional` (the branches of a oneOf/anyOf) — and the other keywords of `b` filling gaps in `a`.
 */
function mergeSchemas(a: JsonObject, b: JsonObject, optional: boolean): JsonObject {
  const out: JsonObject = { ...b, ...a };
  const pa = isObject(a['properties']) ? a['properties'] : undefined;
  const pb = isObject(b['properties']) ? b['properties'] : undefined;
  if (pa || pb) {
    // `a`'s properties first (allOf parts keep their order), then those only `b` has.
    const properties: JsonObject = { ...(pa ?? {}) };
    const trailsA = pa ? PROPERTY_TRAILS.get(pa) : undefined;
    const trailsB = pb ? PROPERTY_TRAILS.get(pb) : undefined;
    const trails = new Map(trailsA);
    for (const [name, schema] of Object.entries(pb ?? {})) {
      // Own properties only: a property may be called `__proto__` or `constructor`.
      const mine = getOwn(properties, name);
      if (isObject(mine) && isObject(schema)) {
        const both = { allOf: [schema, mine] };
        PART_TRAILS.set(both, [trailsB?.get(name), trailsA?.get(name)]);
        trails.delete(name);
        setOwn(properties, name, both);
      } else if (mine === undefined) {
        setOwn(properties, name, schema);
        const trail = trailsB?.get(name);
        if (trail) trails.set(name, trail);
      }
    }
    if (trails.size > 0) PROPERTY_TRAILS.set(properties, trails);
    out['properties'] = properties;
  }
  // `items` is `a`'s where it has one (as the spread above takes it), and so is the trail it was found under.
  const itemsTrail = a['items'] !== undefined ? ITEMS_TRAILS.get(a) : ITEMS_TRAILS.get(b);
  if (itemsTrail) ITEMS_TRAILS.set(out, itemsTrail);
  const ra = Array.isArray(a['required']) ? (a['required'] as unknown[]) : [];
  const rb = optional ? [] : Array.isArray(b['required']) ? (b['required'] as unknown[]) : [];
  const required = [...new Set([...ra, ...rb])];
  if (required.length > 0) out['required'] = required;
  else delete out['required'];
  if (a['type'] === undefined && b['type'] !== undefined) out['type'] = b['type'];
  return out;
}

function fieldOf(path: string, type: FieldType | undefined, schema: JsonObject, required: boolean, container: boolean, items?: JsonObject): SchemaField {
  const out: SchemaField = { path, required };
  if (type) out.type = type;
  const described = items && !container ? { ...items, ...schema } : schema;
  const formatSource = items && !container ? items : schema;
  const format = typeof formatSource['format'] === 'string' ? FORMATS.get(formatSource['format']) : undefined;
  if (format && format !== type) out.format = format;
  // An enum of the items is not an enum of the array (a spec would reject every array value).
  const enumSource = items ? undefined : schema['enum'];
  if (Array.isArray(enumSource)) out.enum = enumSource.filter((v) => v !== null);
  else if (schema['const'] !== undefined && !container && !items) out.enum = [schema['const']];
  if (typeof described['description'] === 'string' && described['description'].trim() !== '') out.description = described['description'].trim();
  else if (typeof described['title'] === 'string' && described['title'].trim() !== '' && path !== '') out.description = described['title'].trim();
  if (!container) {
    const examples = Array.isArray(schema['examples']) ? schema['examples'] : schema['example'] !== undefined ? [schema['example']] : [];
    const scalars = examples.filter((e) => e !== null && typeof e !== 'object').slice(0, 5);
    if (scalars.length > 0) out.examples = scalars;
  }
  if (container) out.container = true;
  return out;
}

function withoutRef(schema: JsonObject): JsonObject {
  const { $ref: _ref, ...rest } = schema;
  return rest;
}

const decodeFragment = (pointer: string) => {
  try {
    return decodeURIComponent(pointer);
  } catch {
    return pointer;
  }
};

/** The value at a JSON Pointer (a URI fragment's percent-escapes allowed), or undefined. */
export function resolvePointer(root: unknown, pointer: string): unknown {
  let current: unknown = root;
  if (pointer === '') return root;
  for (const raw of decodeFragment(pointer).split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(current) && !Array.isArray(current)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
