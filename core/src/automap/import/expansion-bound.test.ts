import { describe, expect, it } from 'vitest';
import { fieldsFromJsonSchema, MAX_EXPANSION_NODES } from '../json-schema.js';
import { SchemaImportError } from '../schema-field.js';
import { entityFromOpenApi } from './openapi.js';

// Depth and field limits do not bound an expansion: each level naming the next twice doubles the
// work, so 40 levels are 2^40 schema nodes in a few kilobytes that yield two fields. The expansion
// counts its work and stops with a clear error. (How fast it stops is for the bench to say.)

/** `allOf: [$ref next, $ref next]` for `levels` levels, under `holder` (`/$defs` or `/components/schemas`). */
function fanOut(levels: number, holder: string, keyword: 'allOf' | 'anyOf' = 'allOf'): Record<string, unknown> {
  const defs: Record<string, unknown> = {};
  const ref = (i: number) => ({ $ref: `#${holder}/L${i}` });
  for (let i = 0; i < levels; i++) defs[`L${i}`] = { [keyword]: [ref(i + 1), ref(i + 1)] };
  defs[`L${levels}`] = { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } };
  return defs;
}

const errorOf = (run: () => unknown): SchemaImportError => {
  try {
    run();
  } catch (error) {
    if (error instanceof SchemaImportError) return error;
    throw error;
  }
  throw new Error('expected a SchemaImportError');
};

describe('schema expansion is bounded in total work', () => {
  it('JSON Schema: allOf [$ref next, $ref next] at 40 levels (about 2.4 KB) is a clear error naming where', () => {
    const schema = { $schema: 'https://json-schema.org/draft/2020-12/schema', $ref: '#/$defs/L0', $defs: fanOut(40, '/$defs') };
    expect(JSON.stringify(schema).length).toBeLessThan(3000);
    const error = errorOf(() => fieldsFromJsonSchema(schema));
    expect(error.message).toMatch(/^the schema expands to more than 1,000,000 schema nodes at \/\$defs\/L\d+\/allOf\/[01]; .*Reference a shared schema once/);
    expect(error.pointer).toMatch(/^\/\$defs\/L\d+\/allOf\/[01]$/);
  });

  it('OpenAPI: the same shape between components, and with anyOf', () => {
    for (const keyword of ['allOf', 'anyOf'] as const) {
      const doc = { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {}, components: { schemas: { Root: { $ref: '#/components/schemas/L0' }, ...fanOut(40, '/components/schemas', keyword) } } };
      const error = errorOf(() => entityFromOpenApi(doc, 'Root'));
      expect(error.message).toMatch(/^the schema expands to more than 1,000,000 schema nodes at \/components\/schemas\/L\d+\//);
    }
  });

  it('a long chain of $refs is work too (each step checks the trail)', () => {
    const defs: Record<string, unknown> = {};
    for (let i = 0; i < 5000; i++) defs[`R${i}`] = { $ref: `#/$defs/R${i + 1}` };
    defs['R5000'] = { type: 'object', properties: { a: { type: 'string' } } };
    expect(errorOf(() => fieldsFromJsonSchema({ $ref: '#/$defs/R0', $defs: defs })).message).toMatch(/expands to more than/);
  });

  it('a shared enum named by many fields counts what it copies', () => {
    const properties = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`f${i}`, { $ref: '#/$defs/Big' }]));
    const schema = { type: 'object', properties, $defs: { Big: { type: 'string', enum: Array.from({ length: 1000 }, (_, i) => `v${i}`) } } };
    expect(errorOf(() => fieldsFromJsonSchema(schema)).message).toMatch(/expands to more than/);
    // Fewer fields naming it are fine.
    expect(fieldsFromJsonSchema({ ...schema, properties: { a: { $ref: '#/$defs/Big' } } })[0]!.enum).toHaveLength(1000);
  });

  it('a fan-out that stays within the bound still expands, and the bound can be lowered', () => {
    const schema = { $ref: '#/$defs/L0', $defs: fanOut(8, '/$defs') };
    expect(fieldsFromJsonSchema(schema).map((f) => f.path)).toStrictEqual(['id', 'name']);
    expect(errorOf(() => fieldsFromJsonSchema(schema, { maxNodes: 100 })).message).toMatch(/^the schema expands to more than 100 schema nodes at /);
    expect(MAX_EXPANSION_NODES).toBe(1_000_000);
  });
});

describe('a cycle through allOf, anyOf or oneOf is found as a cycle', () => {
  it('C whose property names C through a combinator: circular, at once (it used to expand until a bound)', () => {
    for (const key of ['allOf', 'anyOf', 'oneOf']) {
      const schema = { type: 'array', items: { allOf: [{ $ref: '#/$defs/C' }, { $ref: '#/$defs/C' }] }, $defs: { C: { properties: { next: { [key]: [{ $ref: '#/$defs/C' }, { $ref: '#/$defs/C' }] }, list: { type: 'array', items: { $ref: '#/$defs/C' } } } } } };
      const error = errorOf(() => fieldsFromJsonSchema(schema, { maxNodes: 10_000 }));
      expect(error.message).toMatch(/^\$ref "#\/\$defs\/C" is circular \(#\/\$defs\/C → #\/\$defs\/C\)/);
    }
  });

  it('a schema shared by allOf at several levels is not a cycle', () => {
    const schema = {
      $ref: '#/$defs/Order',
      $defs: {
        Entity: { type: 'object', properties: { id: { type: 'string' } } },
        User: { allOf: [{ $ref: '#/$defs/Entity' }, { properties: { email: { type: 'string' } } }] },
        Order: { allOf: [{ $ref: '#/$defs/Entity' }, { properties: { createdBy: { $ref: '#/$defs/User' }, lines: { type: 'array', items: { allOf: [{ $ref: '#/$defs/Entity' }] } } } }] },
      },
    };
    expect(fieldsFromJsonSchema(schema).map((f) => f.path)).toStrictEqual(['id', 'createdBy', 'createdBy.id', 'createdBy.email', 'lines', 'lines[].id']);
  });
});
