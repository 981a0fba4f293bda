export * from './samples.js';
export * from './openapi.js';
export * from './spec-entity.js';
export * from './import-entity.js';
export * from './into-spec.js';
