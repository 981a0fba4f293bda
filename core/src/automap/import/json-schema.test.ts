import { describe, expect, it } from 'vitest';
import { fieldsFromJsonSchema } from '../json-schema.js';
import { SchemaImportError } from '../schema-field.js';
import { importEntity } from './import-entity.js';

const byPath = (fields: { path: string }[]) => Object.fromEntries(fields.map((f) => [f.path, f]));
const errorOf = (run: () => unknown): SchemaImportError => {
  try {
    run();
  } catch (error) {
    if (error instanceof SchemaImportError) return error;
    throw error;
  }
  throw new Error('expected a SchemaImportError');
};

describe('JSON Schema import', () => {
  it('reads draft-07 definitions, nullable types and nested arrays of objects', () => {
    const schema = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      title: 'Order',
      type: 'object',
      required: ['id', 'lines'],
      properties: {
        id: { type: 'string', format: 'uuid' },
        note: { type: ['string', 'null'] },
        placedAt: { type: 'string', format: 'date-time' },
        shipTo: { $ref: '#/definitions/Address' },
        lines: { type: 'array', items: { $ref: '#/definitions/Line' } },
        tags: { type: 'array', items: { type: 'string', enum: ['a', 'b'] } },
      },
      definitions: {
        Address: { type: 'object', required: ['zip'], properties: { zip: { type: 'string' }, city: { type: 'string' } } },
        Line: { type: 'object', properties: { sku: { type: 'string' }, parts: { type: 'array', items: { type: 'object', required: ['n'], properties: { n: { type: 'integer' } } } } } },
      },
    };
    const entity = importEntity(schema);
    expect(entity.name).toBe('Order');
    const f = byPath(entity.fields);
    expect(f['id']).toMatchObject({ type: 'string', format: 'uuid', required: true });
    expect(f['note']).toMatchObject({ type: 'string', required: false });
    expect(f['placedAt']).toMatchObject({ type: 'datetime' });
    expect(f['shipTo']).toMatchObject({ type: 'object', container: true });
    expect(f['shipTo.zip']).toMatchObject({ type: 'string', required: true });
    expect(f['lines']).toMatchObject({ type: 'array', container: true, required: true });
    expect(f['lines[].sku']).toMatchObject({ type: 'string' });
    expect(f['lines[].parts[].n']).toMatchObject({ type: 'integer', required: true });
    expect(f['tags']).toMatchObject({ type: 'array' });
    expect(f['tags']!).not.toHaveProperty('enum');
  });

  it('reads 2020-12 $defs, allOf, $ref with siblings, and oneOf/anyOf of objects as optional fields', () => {
    const schema = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: {
        customer: { $ref: '#/$defs/Customer', description: 'who ordered' },
        payment: { oneOf: [{ $ref: '#/$defs/Card' }, { type: 'object', required: ['iban'], properties: { iban: { type: 'string' } } }] },
        amount: { anyOf: [{ type: 'number' }, { type: 'null' }] },
      },
      $defs: {
        Base: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
        Customer: { allOf: [{ $ref: '#/$defs/Base' }, { properties: { email: { type: 'string', format: 'email' } }, required: ['email'] }] },
        Card: { type: 'object', required: ['last4'], properties: { last4: { type: 'string' } } },
      },
    };
    const f = byPath(fieldsFromJsonSchema(schema));
    expect(f['customer']).toMatchObject({ container: true, description: 'who ordered' });
    expect(f['customer.id']).toMatchObject({ required: true });
    expect(f['customer.email']).toMatchObject({ format: 'email', required: true });
    expect(f['payment.last4']).toMatchObject({ type: 'string', required: false });
    expect(f['payment.iban']).toMatchObject({ type: 'string', required: false });
    expect(f['amount']).toMatchObject({ type: 'number' });
  });

  it('imports a named $defs entry', () => {
    const entity = importEntity({ $defs: { Address: { type: 'object', properties: { zip: { type: 'string' } } } } }, { name: 'Address' });
    expect(entity).toMatchObject({ name: 'Address', fields: [{ path: 'zip', type: 'string' }] });
  });

  it('reports circular references with a pointer, and terminates', () => {
    const schema = { type: 'object', properties: { root: { $ref: '#/$defs/Node' } }, $defs: { Node: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/$defs/Node' } } } } } };
    const error = errorOf(() => fieldsFromJsonSchema(schema));
    expect(error.message).toMatch(/circular/);
    expect(error.pointer).toBe('/$defs/Node/properties/children/items/$ref');
    const selfRef = errorOf(() => fieldsFromJsonSchema({ $ref: '#/$defs/A', $defs: { A: { $ref: '#/$defs/B' }, B: { $ref: '#/$defs/A' } } }));
    expect(selfRef.message).toMatch(/circular/);
  });

  it('reports malformed schemas clearly', () => {
    expect(errorOf(() => fieldsFromJsonSchema([])).message).toMatch(/not a JSON object/);
    expect(errorOf(() => fieldsFromJsonSchema({ type: 'object', properties: [] }))).toMatchObject({ pointer: '/properties' });
    expect(errorOf(() => fieldsFromJsonSchema({ properties: { a: { type: 'str' } } }))).toMatchObject({ pointer: '/properties/a/type' });
    expect(errorOf(() => fieldsFromJsonSchema({ properties: { a: 5 } }))).toMatchObject({ pointer: '/properties/a' });
    expect(errorOf(() => fieldsFromJsonSchema({ properties: { a: { $ref: '#/$defs/Missing' } } })).message).toMatch(/points at nothing/);
    expect(errorOf(() => fieldsFromJsonSchema({ properties: { a: { $ref: 'other.json#/A' } } })).message).toMatch(/outside this document/);
    expect(errorOf(() => fieldsFromJsonSchema({ required: 'a', properties: {} }))).toMatchObject({ pointer: '/required' });
  });
});

describe('JSON Schema keys that are also Object.prototype members', () => {
  it('a property named __proto__ or constructor is a field, also when allOf merges it; an unknown format is no format', () => {
    const schema = JSON.parse(
      '{"type":"object","properties":{"__proto__":{"type":"string"},"constructor":{"type":"string","format":"constructor"},' +
        '"a":{"allOf":[{"properties":{"__proto__":{"type":"string","format":"toString"}}},{"properties":{"__proto__":{"description":"merged"},"valueOf":{"type":"number"}}}]}}}',
    );
    const fields = fieldsFromJsonSchema(schema);
    expect(fields.map((f) => f.path)).toStrictEqual(['__proto__', 'constructor', 'a', 'a.__proto__', 'a.valueOf']);
    expect(fields[1]).toStrictEqual({ path: 'constructor', type: 'string', required: false });
    expect(fields[3]).toStrictEqual({ path: 'a.__proto__', type: 'string', required: false, description: 'merged' });
  });
});

describe('a schema that is a list of records', () => {
  it('gives the fields of one record: no path starts with []', () => {
    const fields = fieldsFromJsonSchema({ type: 'array', items: { type: 'object', properties: { a: { type: 'string' }, b: { type: 'array', items: { type: 'object', properties: { c: { type: 'string' } } } } } } });
    expect(fields.map((f) => f.path)).toStrictEqual(['a', 'b', 'b[].c']);
  });
});
