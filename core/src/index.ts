/** @specwright/core: the spec model, the loader, the completeness rules and the report formats. */
export * from './model/pointer.js';
export * from './model/schema.js';
export type * from './model/types.js';
export * from './model/spec-index.js';
export * from './load/load-source.js';
export type { Position } from './load/positions.js';
export * from './paths/field-path.js';
export * from './expr/expressions.js';
export * from './rules/index.js';
export * from './check/finding.js';
export * from './check/check-spec.js';
export * from './check/completeness.js';
export * from './check/check-source.js';
export * from './rules/catalogue.js';
export * from './format/index.js';
export * from './rules/rule-docs.js';
