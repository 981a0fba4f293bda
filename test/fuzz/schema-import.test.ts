import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldsFromJsonSchema, importEntity, openApiSchemaNames, SchemaImportError, type SchemaField } from '@specwright/core';
import { FUZZ_RUNS, fuzzParameters, withinBudget, type Budget } from './budget.js';

/**
 * Schema import (JSON Schema and OpenAPI) on arbitrary JSON-ish schemas: random nesting, `$ref`s
 * to `#/$defs` (or `#/components/schemas`) with cycles and fan-out, allOf/oneOf/anyOf, keywords of
 * the wrong type, keys such as `__proto__` and `constructor`, huge enums. Whatever the input, the
 * import gives well-formed fields or throws the documented SchemaImportError, and stays within a
 * time and heap budget per input.
 */

// Generous against a loaded two-core machine; a typical input takes well under a millisecond.
const BUDGET: Budget = { ms: 2_000, mb: 256 };
const TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'date', 'datetime']);
const FORMATS = new Set(['email', 'uri', 'date', 'datetime', 'phone', 'uuid']);

/** Names that trip plain-object lookups, or the path syntax, next to ordinary ones. */
const NAME = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('id', 'email', 'name', 'address', 'zip', 'items', 'firstName', 'billing_city', 'type', 'properties') },
  { weight: 2, arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '__defineGetter__') },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', 'a.b', 'x[]', '[', '~0', '~1/', '%25', '#', '$ref', 'a b', 'ü', '😀', '\u0000') },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);
const DEF_NAMES = ['A', 'B', 'C', 'D', '__proto__', 'constructor', 'a~1b', 'x y'] as const;

/**
 * A JSON value as entries, so that a key such as `__proto__` becomes an own property the way
 * JSON.parse makes it (an object literal would set the prototype instead).
 */
type Json = null | boolean | number | string | Json[] | { entries: [string, Json][] };
const obj = (...entries: [string, Json | undefined][]): Json => ({ entries: entries.filter((e): e is [string, Json] => e[1] !== undefined) });
function toText(value: Json): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(toText).join(',')}]`;
  return `{${value.entries.map(([k, v]) => `${JSON.stringify(k)}:${toText(v)}`).join(',')}}`;
}

const escapeSegment = (name: string) => encodeURIComponent(name.replace(/~/g, '~0').replace(/\//g, '~1'));

function schemaArbitrary(holder: string) {
  const ref = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...DEF_NAMES).map((n) => `#${holder}/${escapeSegment(n)}`) },
    { weight: 1, arbitrary: fc.constantFrom('#', '#/', '#/nowhere', '#/$defs', `#${holder}/Missing`, 'other.json#/A', 'https://example.com/a.json', '#anchor', '#/properties/a', '#/%zz') },
  );
  const scalarType = fc.constantFrom('string', 'number', 'integer', 'boolean', 'null', 'object', 'array');
  const typeValue: fc.Arbitrary<Json> = fc.oneof(
    { weight: 8, arbitrary: scalarType },
    { weight: 2, arbitrary: fc.array(scalarType, { minLength: 1, maxLength: 3 }) },
    { weight: 1, arbitrary: fc.constantFrom<Json>('date', 'any', 7, null, true, [], [1], { entries: [] }) },
  );
  const enumValue: fc.Arbitrary<Json> = fc.oneof(
    { weight: 24, arbitrary: fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.constant(null)), { maxLength: 5 }) },
    // A huge enum, shared by every field that names it.
    { weight: 1, arbitrary: fc.constant<Json>(Array.from({ length: 5000 }, (_, i) => `value-${i}`)) },
    { weight: 3, arbitrary: fc.constantFrom<Json>('a', 3, null, { entries: [['a', 1]] }) },
  );
  const { node } = fc.letrec<{ node: Json; list: Json }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      // leaves
      fc.record({
        type: fc.option(typeValue, { nil: undefined }),
        format: fc.option(fc.constantFrom<Json>('email', 'date-time', 'uri', 'uuid', 'constructor', '__proto__', 'toString', 5), { nil: undefined }),
        enum: fc.option(enumValue, { nil: undefined }),
        description: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
        nullable: fc.option(fc.boolean(), { nil: undefined }),
      }).map((r) => obj(['type', r.type], ['format', r.format], ['enum', r.enum], ['description', r.description], ['nullable', r.nullable])),
      // a $ref, sometimes with siblings beside it
      fc.tuple(ref, fc.option(fc.constantFrom<Json>({ entries: [['description', 'beside']] }, { entries: [['properties', { entries: [['extra', { entries: [['type', 'string']] }]] }]] }), { nil: undefined })).map(
        ([r, siblings]) => obj(['$ref', r], ...((siblings as { entries: [string, Json][] } | undefined)?.entries ?? [])),
      ),
      // an object
      fc.record({
        properties: fc.oneof({ weight: 9, arbitrary: fc.array(fc.tuple(NAME, tie('node')), { maxLength: 5 }).map((entries) => ({ entries }) as Json) }, { weight: 1, arbitrary: fc.constantFrom<Json>([], 'x', null) }),
        required: fc.option(fc.oneof(fc.array(NAME, { maxLength: 3 }), fc.constantFrom<Json>('a', true, [1], null)), { nil: undefined }),
        type: fc.option(fc.constant<Json>('object'), { nil: undefined }),
      }).map((r) => obj(['type', r.type], ['properties', r.properties], ['required', r.required as Json | undefined])),
      // an array
      fc.tuple(fc.oneof({ weight: 8, arbitrary: tie('node') }, { weight: 1, arbitrary: fc.constantFrom<Json>(true, false, [], 'x') })).map(([items]) => obj(['type', 'array'], ['items', items])),
      // combinators: fan-out names the same schema several times
      fc.tuple(fc.constantFrom('allOf', 'oneOf', 'anyOf'), tie('list')).map(([key, list]) => obj([key, list])),
      fc.tuple(fc.constantFrom('allOf', 'anyOf'), ref, fc.integer({ min: 2, max: 3 })).map(([key, r, times]) => obj([key, Array.from({ length: times }, () => obj(['$ref', r]))])),
      // boolean and malformed schemas
      fc.constantFrom<Json>(true, false, null, 0, 'string', [], { entries: [] }, { entries: [['$ref', 5]] }, { entries: [['allOf', 'x']] }, { entries: [['items', 3]] }),
    ),
    list: fc.oneof({ weight: 9, arbitrary: fc.array(tie('node'), { maxLength: 3 }) }, { weight: 1, arbitrary: fc.constantFrom<Json>('x', null, { entries: [] }) }),
  }));
  const defs = fc.array(fc.tuple(fc.constantFrom(...DEF_NAMES), node), { maxLength: 6 }).map((entries) => ({ entries }) as Json);
  return { node, defs };
}

/** A chain of definitions that each name the next 2 or 3 times: work multiplies per level. */
const fanOutDefs = (holder: string) =>
  fc.tuple(fc.integer({ min: 4, max: 14 }), fc.integer({ min: 2, max: 3 }), fc.constantFrom('allOf', 'anyOf', 'oneOf')).map(([levels, times, key]) => {
    const entries: [string, Json][] = [];
    for (let i = 0; i < levels; i++) entries.push([`L${i}`, obj([key, Array.from({ length: times }, () => obj(['$ref', `#${holder}/L${i + 1}`]))])]);
    entries.push([`L${levels}`, obj(['type', 'object'], ['properties', obj(['id', obj(['type', 'string'])])])]);
    return { entries } as Json;
  });

const jsonSchema = (() => {
  const { node, defs } = schemaArbitrary('/$defs');
  // The fan-out chains are rare: one that reaches the expansion bound costs a few hundred milliseconds.
  const withDefs = fc.oneof({ weight: 399, arbitrary: defs }, { weight: 1, arbitrary: fanOutDefs('/$defs') });
  return fc.tuple(node, withDefs, fc.option(fc.constantFrom(...DEF_NAMES, 'Missing', '#/$defs/A', '#/nowhere'), { nil: undefined })).map(([root, $defs, name]) => {
    const rootEntries = root !== null && typeof root === 'object' && !Array.isArray(root) ? root.entries : [['type', root] as [string, Json]];
    return { text: toText({ entries: [['$schema', 'https://json-schema.org/draft/2020-12/schema'], ...rootEntries, ['$defs', $defs]] }), name };
  });
})();

const openApi = (() => {
  const { defs } = schemaArbitrary('/components/schemas');
  const schemas = fc.oneof({ weight: 399, arbitrary: defs }, { weight: 1, arbitrary: fanOutDefs('/components/schemas') });
  return fc.tuple(schemas, fc.option(fc.constantFrom(...DEF_NAMES, 'L0', 'Missing', '#/components/schemas/A', '#/definitions/A'), { nil: undefined }), fc.constantFrom('3.0.3', '3.1.0')).map(([s, name, version]) => ({
    text: toText(obj(['openapi', version], ['info', obj(['title', 't'], ['version', '1'])], ['paths', obj()], ['components', obj(['schemas', s])])),
    name,
  }));
})();

/** What any import may give: fields with writable paths and values of the contract's kinds. */
function expectWellFormed(fields: SchemaField[]) {
  expect(Array.isArray(fields)).toBe(true);
  for (const f of fields) {
    expect(typeof f.path).toBe('string');
    expect(f.path.length).toBeGreaterThan(0);
    for (const segment of f.path.split('.')) expect(segment.replace(/(\[\])+$/, '')).toMatch(/^[^.[\]]+$/);
    expect(typeof f.required).toBe('boolean');
    if (f.type !== undefined) expect(TYPES.has(f.type)).toBe(true);
    if (f.format !== undefined) expect(FORMATS.has(f.format)).toBe(true);
    if (f.enum !== undefined) expect(Array.isArray(f.enum)).toBe(true);
    if (f.description !== undefined) expect(typeof f.description).toBe('string');
    expect(Object.getPrototypeOf(f)).toBe(Object.prototype);
  }
}

/** Runs an import: its result, or the SchemaImportError it throws; any other throw fails the property. */
function importOrError<T>(run: () => T): T | SchemaImportError {
  try {
    return run();
  } catch (error) {
    if (error instanceof SchemaImportError) {
      expect(typeof error.message).toBe('string');
      expect(error.message.length).toBeGreaterThan(0);
      expect(error.message.length).toBeLessThan(2_000);
      expect(typeof error.pointer).toBe('string');
      return error;
    }
    throw error;
  }
}

describe(`schema import on arbitrary schemas (${FUZZ_RUNS.toLocaleString('en')} inputs each)`, () => {
  it('JSON Schema: fields or a SchemaImportError, within budget', () => {
    fc.assert(
      fc.property(jsonSchema, ({ text, name }) => {
        const doc = JSON.parse(text) as unknown;
        // Each import is one input to the budget (an expansion that reaches the bound takes most of it).
        const whole = withinBudget(`JSON Schema ${text.slice(0, 200)}`, BUDGET, () => importOrError(() => fieldsFromJsonSchema(doc)));
        if (!(whole instanceof SchemaImportError)) expectWellFormed(whole);
        const entity = withinBudget(`JSON Schema ${text.slice(0, 200)} named ${String(name)}`, BUDGET, () =>
          importOrError(() => importEntity(doc, name !== undefined ? { name, kind: 'json-schema' } : { kind: 'json-schema' })),
        );
        if (!(entity instanceof SchemaImportError)) {
          expect(typeof entity.name).toBe('string');
          expectWellFormed(entity.fields);
        }
      }),
      fuzzParameters(),
    );
  }, 600_000);

  it('OpenAPI: a component schema by name, fields or a SchemaImportError, within budget', () => {
    fc.assert(
      fc.property(openApi, fc.nat(), ({ text, name }, pick) => {
        const doc = JSON.parse(text) as unknown;
        const names = importOrError(() => openApiSchemaNames(doc));
        if (names instanceof SchemaImportError) return;
        // One schema of the document: one it declares, or the generated name (which may not exist).
        const chosen = pick % 3 === 0 || names.length === 0 ? name : names[pick % names.length];
        const entity = withinBudget(`OpenAPI ${text.slice(0, 200)} named ${String(chosen)}`, BUDGET, () => importOrError(() => importEntity(doc, chosen !== undefined ? { name: chosen } : {})));
        if (!(entity instanceof SchemaImportError)) expectWellFormed(entity.fields);
      }),
      fuzzParameters(),
    );
  }, 600_000);
});
