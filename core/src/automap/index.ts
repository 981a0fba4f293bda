/**
 * `@specwright/core/automap`: field-mapping suggestions and the schema readers behind them
 * (JSON Schema, OpenAPI, sample records, a spec's entity), and writing entities into a spec.
 */
export { suggestMappings, DEFAULT_MIN_SCORE } from './suggest-mappings.js';
export { fieldsFromJsonSchema, MAX_EXPANSION_NODES, type JsonSchemaOptions } from './json-schema.js';
export type { SchemaField, ImportedEntity, AutomapMatch, ProposedTransform, AutomapResult, AcceptedPair, AutomapOptions } from './schema-field.js';
export { SchemaImportError } from './schema-field.js';
export * from './import/index.js';
