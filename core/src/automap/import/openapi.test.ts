import { describe, expect, it } from 'vitest';
import { SchemaImportError } from '../schema-field.js';
import { entityFromOpenApi, openApiSchemaNames } from './openapi.js';
import { importEntity } from './import-entity.js';

const api = (openapi: string) => ({
  openapi,
  info: { title: 'Shop', version: '1' },
  paths: {},
  components: {
    schemas: {
      Entity: { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' }, createdAt: { type: 'string', format: 'date-time' } } },
      Address: { type: 'object', properties: { line1: { type: 'string' }, zip: { type: 'string', nullable: true } } },
      Customer: {
        description: 'A buyer',
        allOf: [
          { $ref: '#/components/schemas/Entity' },
          {
            type: 'object',
            required: ['email'],
            properties: {
              email: { type: 'string', format: 'email' },
              billing: { $ref: '#/components/schemas/Address' },
              orders: { type: 'array', items: { $ref: '#/components/schemas/Order' } },
              status: { type: 'string', enum: ['active', 'closed'] },
            },
          },
        ],
      },
      Order: { type: 'object', properties: { total: { type: 'number' }, lines: { type: 'array', items: { type: 'object', properties: { sku: { type: 'string' } } } } } },
      Status: { type: 'string', enum: ['a'] },
    },
  },
});

describe('OpenAPI import', () => {
  for (const version of ['3.0.3', '3.1.0']) {
    it(`reads a component schema with nested $refs, allOf and arrays of objects (${version})`, () => {
      const entity = entityFromOpenApi(api(version), 'Customer');
      expect(entity.name).toBe('Customer');
      expect(entity.description).toBe('A buyer');
      const f = Object.fromEntries(entity.fields.map((x) => [x.path, x]));
      expect(Object.keys(f)).toEqual(['id', 'createdAt', 'email', 'billing', 'billing.line1', 'billing.zip', 'orders', 'orders[].total', 'orders[].lines', 'orders[].lines[].sku', 'status']);
      expect(f['id']).toMatchObject({ type: 'string', format: 'uuid', required: true });
      expect(f['createdAt']).toMatchObject({ type: 'datetime' });
      expect(f['email']).toMatchObject({ format: 'email', required: true });
      expect(f['billing.zip']).toMatchObject({ type: 'string', required: false });
      expect(f['orders']).toMatchObject({ type: 'array', container: true });
      expect(f['status']).toMatchObject({ enum: ['active', 'closed'] });
    });
  }

  it('accepts a pointer, detects the document, and lists names', () => {
    expect(entityFromOpenApi(api('3.1.0'), '#/components/schemas/Address').fields.map((f) => f.path)).toEqual(['line1', 'zip']);
    expect(importEntity(api('3.0.0'), { name: 'Order' }).name).toBe('Order');
    expect(openApiSchemaNames(api('3.0.0'))).toEqual(['Entity', 'Address', 'Customer', 'Order', 'Status']);
  });

  it('says which names exist for an unknown or missing name', () => {
    expect(() => entityFromOpenApi(api('3.0.0'), 'customer')).toThrow(/no schema named "customer".*did you mean "Customer"/);
    expect(() => entityFromOpenApi(api('3.0.0'))).toThrow(/declares 5 schemas; name one/);
    try {
      entityFromOpenApi(api('3.0.0'), 'Nope');
    } catch (error) {
      expect(error).toBeInstanceOf(SchemaImportError);
      expect((error as SchemaImportError).pointer).toBe('/components/schemas/Nope');
    }
  });

  it('reports circular component references instead of looping', () => {
    const doc = { openapi: '3.1.0', components: { schemas: { Folder: { type: 'object', properties: { parent: { $ref: '#/components/schemas/Folder' } } } } } };
    expect(() => entityFromOpenApi(doc, 'Folder')).toThrow(/circular/);
  });
});
