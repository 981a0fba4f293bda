import { describe, expect, it } from 'vitest';
import { SchemaImportError } from '../schema-field.js';
import { fieldsFromSamples, recordsFromText } from './samples.js';
import { detectSchemaKind, importEntity } from './import-entity.js';

const byPath = <T extends { path: string }>(fields: T[]): Record<string, T> => Object.fromEntries(fields.map((f) => [f.path, f]));

describe('sample record import', () => {
  const records = [
    { id: 1, email: 'a@b.co', plan: 'gold', score: 1, zip: '02134', phone: '+1 617 555 0100', site: 'https://a.example', born: '1990-01-02', seen: '2024-01-01T10:00:00Z', uid: '9b2f8f5e-4c3a-4d8e-9f00-1a2b3c4d5e6f', address: { city: 'Boston' }, items: [{ sku: 'A', qty: 1 }, { sku: 'B' }] },
    { id: 2, email: 'c@d.co', plan: 'silver', score: 2.5, zip: 2134, phone: '(617) 555-0101', site: 'https://b.example', born: '1991-03-04', seen: '2024-02-01T10:00:00Z', uid: '1b2f8f5e-4c3a-4d8e-9f00-1a2b3c4d5e6f', address: { city: 'Salem' }, items: [] },
    { id: 3, email: 'e@f.co', plan: 'gold', score: 3, zip: '02135', phone: '+44 20 7946 0958', mixed: 'x', address: { city: 'Lynn' } },
    { id: 4, email: 'g@h.co', plan: 'gold', score: 4, zip: '02136', mixed: { a: 1 }, address: null },
    { id: 5, email: 'i@j.co', plan: 'silver', score: null, zip: '02137', mixed: 5, address: { city: 'Lowell' }, items: [{ sku: 'C', qty: 2 }] },
  ];
  const f = byPath(fieldsFromSamples(records));

  it('infers types, formats and required', () => {
    expect(f['id']).toMatchObject({ type: 'integer', required: true });
    expect(f['email']).toMatchObject({ type: 'string', format: 'email', required: true });
    expect(f['phone']).toMatchObject({ format: 'phone', required: false });
    expect(f['site']).toMatchObject({ format: 'uri' });
    expect(f['born']).toMatchObject({ type: 'date' });
    expect(f['seen']).toMatchObject({ type: 'datetime' });
    expect(f['uid']).toMatchObject({ format: 'uuid' });
    expect(f['address']).toMatchObject({ type: 'object', container: true, required: false });
    expect(f['address.city']).toMatchObject({ type: 'string', required: true });
    expect(f['items']).toMatchObject({ type: 'array', container: true });
    expect(f['items[].sku']).toMatchObject({ required: true });
    expect(f['items[].qty']).toMatchObject({ type: 'integer', required: false });
  });

  it('handles mixed types: integers and decimals, numbers and numeric text, objects and scalars', () => {
    expect(f['score']).toMatchObject({ type: 'number', required: false });
    expect(f['zip']).toMatchObject({ type: 'number' });
    expect(f['mixed']).toMatchObject({ container: true });
    expect(f['mixed']).not.toHaveProperty('type');
    const text = byPath(fieldsFromSamples([{ code: 'A1' }, { code: 7 }, { flag: true }, { flag: 'yes' }]));
    expect(text['code']).toMatchObject({ type: 'string' });
    expect(text['flag']).toMatchObject({ type: 'string' });
  });

  it('makes enums only from few distinct strings seen often, and keeps examples', () => {
    expect(f['plan']).toMatchObject({ enum: ['gold', 'silver'] });
    expect(f['email']).not.toHaveProperty('enum');
    expect(f['email']!.examples).toEqual(['a@b.co', 'c@d.co', 'e@f.co', 'g@h.co', 'i@j.co']);
    expect(byPath(fieldsFromSamples([{ a: 'x' }, { a: 'y' }]))['a']).not.toHaveProperty('enum');
  });

  it('reads JSON arrays and JSON Lines, and says which line is bad', () => {
    expect(recordsFromText('[{"a":1},{"a":2}]')).toHaveLength(2);
    expect(recordsFromText('{"a":1}\n\n{"a":2}\n')).toHaveLength(2);
    expect(() => recordsFromText('{"a":1}\n{"a":\n')).toThrow(/line 2 is not valid JSON/);
    expect(() => recordsFromText('  ')).toThrow(SchemaImportError);
    expect(() => fieldsFromSamples([{ a: 1 }, 5])).toThrow(/record 2 is 5, not a JSON object/);
    expect(() => fieldsFromSamples([])).toThrow(/no sample records/);
  });

  it('is detected from the shape', () => {
    expect(detectSchemaKind([{ a: 1 }])).toBe('samples');
    expect(detectSchemaKind({ type: 'form', id: 'e-1' })).toBe('samples');
    expect(detectSchemaKind({ type: 'object', properties: { a: { type: 'string' } } })).toBe('json-schema');
    expect(importEntity([{ a: 1 }], { fallbackName: 'crm contacts' }).name).toBe('CrmContacts');
  });
});
