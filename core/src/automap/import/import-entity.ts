import { fieldsFromJsonSchema, pointerSegment, resolvePointer } from '../json-schema.js';
import { SchemaImportError, type ImportedEntity } from '../schema-field.js';
import { entityFromOpenApi, isOpenApiDocument } from './openapi.js';
import { fieldsFromSamples } from './samples.js';
import { isObject, type JsonObject } from '../../model/json.js';

export type SchemaKind = 'dataset-case' | 'openapi' | 'json-schema' | 'samples';

/**
 * A case of the automap dataset format: `{name, source: {system, entity, schema}, target: {…}, matches}`.
 * `--source` reads its `source.schema`, `--target` its `target.schema`.
 */
export function isDatasetCase(doc: unknown): doc is JsonObject {
  return (
    isObject(doc) &&
    isObject(doc['source']) &&
    isObject(doc['target']) &&
    isObject(doc['source']['schema']) &&
    isObject(doc['target']['schema']) &&
    doc['openapi'] === undefined &&
    doc['properties'] === undefined
  );
}

const SCHEMA_KEYWORDS = new Set([
  '$schema', '$id', '$ref', '$defs', 'definitions', '$comment', '$anchor', 'title', 'description', 'type', 'properties', 'required',
  'items', 'prefixItems', 'additionalProperties', 'patternProperties', 'allOf', 'anyOf', 'oneOf', 'not', 'enum', 'const', 'format',
  'examples', 'default', 'nullable', 'readOnly', 'writeOnly', 'deprecated', 'minProperties', 'maxProperties', 'unevaluatedProperties',
  'minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'minItems', 'maxItems', 'uniqueItems', 'discriminator', 'example',
]);
const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);

/** True when an object reads as a JSON Schema rather than one sample record. */
export function looksLikeJsonSchema(doc: unknown): boolean {
  if (!isObject(doc)) return false;
  if (typeof doc['$schema'] === 'string' || isObject(doc['$defs']) || isObject(doc['definitions'])) return true;
  if (isObject(doc['properties']) && Object.values(doc['properties']).every((p) => isObject(p) || typeof p === 'boolean')) return true;
  if (typeof doc['$ref'] === 'string' || Array.isArray(doc['allOf']) || Array.isArray(doc['anyOf']) || Array.isArray(doc['oneOf'])) return true;
  const type = doc['type'];
  const typeIsSchema = (typeof type === 'string' && JSON_TYPES.has(type)) || (Array.isArray(type) && type.length > 0 && type.every((t) => typeof t === 'string' && JSON_TYPES.has(t)));
  return typeIsSchema && Object.keys(doc).every((k) => SCHEMA_KEYWORDS.has(k));
}

/** What a parsed schema document is. An array (or a plain object that is not a schema) is sample records. */
export function detectSchemaKind(doc: unknown): SchemaKind {
  if (Array.isArray(doc)) return 'samples';
  if (isOpenApiDocument(doc)) return 'openapi';
  if (isDatasetCase(doc)) return 'dataset-case';
  if (looksLikeJsonSchema(doc)) return 'json-schema';
  return 'samples';
}

export interface ImportOptions {
  /** For a dataset case file: which side to read. Default `source`. */
  role?: 'source' | 'target';
  /** An OpenAPI schema name, a `$defs`/`definitions` name, or a JSON Pointer (`#/$defs/Address`). */
  name?: string;
  /** The entity name when the document gives none (say, from the file name). */
  fallbackName?: string;
  /** Treat the document as this kind instead of detecting it. */
  kind?: SchemaKind;
}

/** A name usable as an entity in a field path: `customer record` → `CustomerRecord`. */
export function entityName(text: string | undefined, fallback = 'Entity'): string {
  const raw = (text ?? '').trim();
  if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(raw)) return raw;
  const words = raw.split(/[^A-Za-z0-9_]+/).filter(Boolean);
  const joined = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  if (joined === '') return fallback;
  return /^[0-9]/.test(joined) ? `_${joined}` : joined;
}

/**
 * Any supported schema document as an entity: a dataset case (its `role` side), an OpenAPI
 * document (`name` picks the component schema), a JSON Schema (`name` may pick a `$defs` entry),
 * or sample records (an array of objects, or one object that is not a schema).
 */
export function importEntity(doc: unknown, options: ImportOptions = {}): ImportedEntity {
  const kind = options.kind ?? detectSchemaKind(doc);
  switch (kind) {
    case 'dataset-case': {
      if (!isDatasetCase(doc)) throw new SchemaImportError('this is not an automap dataset case: it needs source.schema and target.schema objects');
      const role = options.role ?? 'source';
      const side = doc[role] as JsonObject;
      let inner: ImportedEntity;
      try {
        inner = importEntity(side['schema'], { ...(options.name !== undefined ? { name: options.name } : {}), fallbackName: typeof side['entity'] === 'string' ? side['entity'] : role });
      } catch (error) {
        // Problems inside the case's schema point into the case file.
        if (error instanceof SchemaImportError) throw new SchemaImportError(error.message, `/${role}/schema${error.pointer}`);
        throw error;
      }
      const out: ImportedEntity = { ...inner, name: entityName(typeof side['entity'] === 'string' ? side['entity'] : inner.name, inner.name) };
      if (typeof side['system'] === 'string') out.system = side['system'];
      return out;
    }
    case 'openapi':
      return entityFromOpenApi(doc, options.name);
    case 'json-schema': {
      if (!isObject(doc)) throw new SchemaImportError('the schema is not a JSON object');
      const at = options.name === undefined ? '' : schemaPointer(doc, options.name);
      const schema = at === '' ? doc : (resolvePointer(doc, at) as JsonObject);
      const fields = fieldsFromJsonSchema(doc, { at });
      const title = typeof schema['title'] === 'string' ? schema['title'] : undefined;
      const lastSegment = at === '' ? undefined : at.split('/').pop()!.replace(/~1/g, '/').replace(/~0/g, '~');
      const out: ImportedEntity = { name: entityName(lastSegment ?? title ?? options.fallbackName, 'Entity'), fields };
      if (typeof schema['description'] === 'string' && schema['description'].trim() !== '') out.description = schema['description'].trim();
      return out;
    }
    case 'samples': {
      const records = Array.isArray(doc) ? doc : [doc];
      return { name: entityName(options.name ?? options.fallbackName, 'Record'), fields: fieldsFromSamples(records) };
    }
  }
}

/** The pointer of a named schema inside a JSON Schema document (`Address` → `/$defs/Address`). */
function schemaPointer(doc: JsonObject, name: string): string {
  if (name.startsWith('#')) {
    const at = name.slice(1);
    if (!isObject(resolvePointer(doc, at))) throw new SchemaImportError(`there is no schema at ${name}`, at);
    return at;
  }
  for (const holder of ['$defs', 'definitions'] as const) {
    const defs = doc[holder];
    if (isObject(defs) && Object.prototype.hasOwnProperty.call(defs, name)) {
      if (!isObject(defs[name])) throw new SchemaImportError(`${holder}/${name} is not a schema object`, `/${holder}/${pointerSegment(name)}`);
      return `/${holder}/${pointerSegment(name)}`;
    }
  }
  const names = [...Object.keys(isObject(doc['$defs']) ? doc['$defs'] : {}), ...Object.keys(isObject(doc['definitions']) ? doc['definitions'] : {})];
  throw new SchemaImportError(`there is no schema named "${name}" under $defs or definitions (it has: ${names.join(', ') || 'none'})`, '/$defs');
}

