import { fieldsFromJsonSchema, pointerSegment } from '../json-schema.js';
import { SchemaImportError, type ImportedEntity } from '../schema-field.js';
import { isObject, type JsonObject } from '../../model/json.js';

/** True for an OpenAPI 3.x (or Swagger 2.0) document. */
export function isOpenApiDocument(doc: unknown): doc is JsonObject {
  return isObject(doc) && (typeof doc['openapi'] === 'string' || typeof doc['swagger'] === 'string');
}

/** Where a document keeps its named schemas: `/components/schemas` (3.x) or `/definitions` (2.0). */
function schemasPointer(doc: JsonObject): string {
  return typeof doc['swagger'] === 'string' && !isObject(doc['components']) ? '/definitions' : '/components/schemas';
}

function namedSchemas(doc: JsonObject): JsonObject {
  const pointer = schemasPointer(doc);
  const holder = pointer === '/definitions' ? doc['definitions'] : isObject(doc['components']) ? doc['components']['schemas'] : undefined;
  if (holder === undefined) return {};
  if (!isObject(holder)) throw new SchemaImportError(`${pointer.slice(1).replace('/', '.')} must be an object of schema name → schema`, pointer);
  return holder;
}

/** The names under `#/components/schemas` (or `#/definitions` in Swagger 2.0), in document order. */
export function openApiSchemaNames(doc: unknown): string[] {
  if (!isOpenApiDocument(doc)) throw new SchemaImportError('this is not an OpenAPI document (it has no "openapi" version key)');
  return Object.keys(namedSchemas(doc));
}

/**
 * One named schema of an OpenAPI 3.0/3.1 document as an entity: `name` is `Customer` or
 * `#/components/schemas/Customer`; without a name, the document must hold exactly one schema.
 * `$ref`s between components are followed, `allOf` merged, `nullable` read as the type.
 */
export function entityFromOpenApi(doc: unknown, name?: string): ImportedEntity {
  if (!isOpenApiDocument(doc)) throw new SchemaImportError('this is not an OpenAPI document (it has no "openapi" version key)');
  const pointer = schemasPointer(doc);
  const schemas = namedSchemas(doc);
  const names = Object.keys(schemas);
  let chosen = name;
  if (chosen !== undefined && chosen.startsWith('#/')) {
    const prefix = `#${pointer}/`;
    if (!chosen.startsWith(prefix)) throw new SchemaImportError(`"${chosen}" is not under ${prefix}; name a schema as ${prefix}<Name> or just <Name>`, chosen.slice(1));
    chosen = decodeURIComponent(chosen.slice(prefix.length)).replace(/~1/g, '/').replace(/~0/g, '~');
  }
  if (chosen === undefined || chosen === '') {
    if (names.length === 1) chosen = names[0]!;
    else if (names.length === 0) throw new SchemaImportError(`the OpenAPI document declares no schemas under ${pointer}`, pointer);
    else
      throw new SchemaImportError(
        `the OpenAPI document declares ${names.length} schemas; name one after the file, as in api.yaml#${names[0]} (it has: ${listNames(names)})`,
        pointer,
      );
  }
  if (!Object.prototype.hasOwnProperty.call(schemas, chosen)) {
    const near = names.find((n) => n.toLowerCase() === chosen!.toLowerCase());
    throw new SchemaImportError(
      `there is no schema named "${chosen}" under ${pointer}${near ? ` (did you mean "${near}"?)` : ''}; it has: ${listNames(names)}`,
      `${pointer}/${pointerSegment(chosen)}`,
    );
  }
  const at = `${pointer}/${pointerSegment(chosen)}`;
  const schema = schemas[chosen];
  if (!isObject(schema)) throw new SchemaImportError(`schema "${chosen}" is not a schema object`, at);
  const entity: ImportedEntity = { name: chosen, fields: fieldsFromJsonSchema(doc, { at }) };
  if (typeof schema['description'] === 'string' && schema['description'].trim() !== '') entity.description = schema['description'].trim();
  return entity;
}

function listNames(names: string[]): string {
  return names.length > 20 ? `${names.slice(0, 20).join(', ')} and ${names.length - 20} more` : names.join(', ') || 'none';
}
