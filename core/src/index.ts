/**
 * @specwright/core: the spec model and everything that reads it — pure, no I/O.
 *
 * The surfaces call the plain-data API (`checkText`, `checkPageTree`, `testText`,
 * `testPageTree`, also at `@specwright/core/api`). The CLI builds on the documented blocks below:
 * the model, the loader, the checker and its formats, the engine, the Confluence page codecs and
 * automap (also at `@specwright/core/confluence`, `…/format` and `…/automap`). Internals (the
 * expression recogniser, record reading and writing, value conversion) stay inside.
 */
export * from './api/index.js';

// The model: the format's types and schema, the element index, findings, pointers and paths.
export type * from './model/types.js';
export * from './model/schema.js';
export * from './model/spec-index.js';
export * from './model/finding.js';
export * from './model/pointer.js';
export * from './model/field-path.js';

// How a JSONata expression names an entity (`simple-user` needs backticks).
export { isJsonataName } from './expr/expressions.js';

// Reading a spec's text.
export * from './load/load-source.js';
export { MAX_YAML_NESTING, findNestedDeeperThan } from './load/nesting.js';
export { writeJson } from './load/json-writer.js';
export type { Position } from './load/positions.js';

// The checker: the rules, their catalogue and documentation, findings in order, completeness.
export * from './rules/index.js';
export * from './rules/catalogue.js';
export * from './rules/rule-docs.js';
export * from './check/check-spec.js';
export * from './check/completeness.js';

// The mapping engine and the test runner.
export * from './engine/index.js';

// Output formats, Confluence pages, automap.
export * from './format/index.js';
export * from './format/test-report.js';
export * from './confluence/index.js';
export * from './automap/index.js';
