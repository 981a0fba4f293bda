import { describe, expect, it } from 'vitest';
import { DF1, cleanSpec, findingFor, findingsOf, firstFlow } from '../../../test/support/rules.js';
import { typeMismatch } from './type-mismatch.js';

const mismatch = findingFor('type-mismatch', 'warn');
const FM2 = `${DF1}/mappings/1`;

/** The example with more typed fields, and FM-2 replaced by a mapping with these keys. */
function withSecondMapping(keys: Record<string, unknown>): Record<string, any> {
  const spec = cleanSpec();
  spec.systems[0].entities[0].fields.push(
    { path: 'consent', type: 'boolean' },
    { path: 'score', type: 'integer' },
    { path: 'tags[]', type: 'string' },
    { path: 'utm', type: 'object' },
    { path: 'untyped' },
  );
  spec.systems[1].entities[0].fields.push(
    { path: 'optIn', type: 'boolean' },
    { path: 'rating', type: 'number' },
    { path: 'optInAt', type: 'datetime' },
    { path: 'birthday', type: 'date' },
    { path: 'labels', type: 'array' },
    { path: 'notes', type: 'string' },
  );
  firstFlow(spec).mappings[1] = { id: 'FM-2', ...keys };
  return spec;
}
const direct = (source: string, target: string) => withSecondMapping({ source, target });

describe('type-mismatch', () => {
  it('finds nothing in the example, where an indexed element [0] is one value', () => {
    expect(findingsOf(typeMismatch, cleanSpec())).toStrictEqual([]);
  });

  it('warns about an object into a scalar, and a scalar into an object or list', () => {
    expect(findingsOf(typeMismatch, direct('ConversionEvent.contact', 'Customer.firstName'))).toStrictEqual([mismatch('FM-2', FM2)]);
    expect(findingsOf(typeMismatch, direct('ConversionEvent.utm', 'Customer.notes'))).toStrictEqual([mismatch('FM-2', FM2)]);
    expect(findingsOf(typeMismatch, direct('ConversionEvent.contact.firstName', 'Customer.addresses'))).toStrictEqual([mismatch('FM-2', FM2)]);
    expect(findingsOf(typeMismatch, direct('ConversionEvent.id', 'Customer.labels'))).toStrictEqual([mismatch('FM-2', FM2)]);
  });

  it('reads only [] as element-wise: a [] path into a single field takes a list', () => {
    expect(findingsOf(typeMismatch, direct('ConversionEvent.contact.addresses[].line1', 'Customer.firstName'))).toStrictEqual([mismatch('FM-2', FM2)]);
    expect(findingsOf(typeMismatch, direct('ConversionEvent.tags', 'Customer.notes'))).toStrictEqual([mismatch('FM-2', FM2)]);
    expect(findingsOf(typeMismatch, direct('ConversionEvent.contact.addresses[].line1', 'Customer.addresses[].line1'))).toStrictEqual([]);
    expect(findingsOf(typeMismatch, direct('ConversionEvent.contact.addresses[1].line1', 'Customer.firstName'))).toStrictEqual([]);
    expect(findingsOf(typeMismatch, direct('ConversionEvent.tags[0]', 'Customer.notes'))).toStrictEqual([]);
    expect(findingsOf(typeMismatch, direct('ConversionEvent.contact.addresses', 'Customer.addresses'))).toStrictEqual([]);
    expect(findingsOf(typeMismatch, direct('ConversionEvent.contact.addresses[0]', 'Customer.addresses[type=Billing]'))).toStrictEqual([]);
  });

  it('warns about a boolean to or from a number, date or datetime', () => {
    for (const [source, target] of [
      ['ConversionEvent.consent', 'Customer.rating'],
      ['ConversionEvent.consent', 'Customer.optInAt'],
      ['ConversionEvent.consent', 'Customer.birthday'],
      ['ConversionEvent.score', 'Customer.optIn'],
      ['ConversionEvent.createdAt', 'Customer.optIn'],
    ] as const) {
      expect(findingsOf(typeMismatch, direct(source, target))).toStrictEqual([mismatch('FM-2', FM2)]);
    }
  });

  it('accepts scalars that convert: a boolean to a boolean or string, a number to a string, a date to a datetime', () => {
    for (const [source, target] of [
      ['ConversionEvent.consent', 'Customer.optIn'],
      ['ConversionEvent.consent', 'Customer.notes'],
      ['ConversionEvent.score', 'Customer.rating'],
      ['ConversionEvent.score', 'Customer.notes'],
      ['ConversionEvent.createdAt', 'Customer.birthday'],
      ['ConversionEvent.id', 'Customer.rating'],
    ] as const) {
      expect(findingsOf(typeMismatch, direct(source, target))).toStrictEqual([]);
    }
  });

  it('checks only direct mappings: not with a transform or a lookup', () => {
    const source = 'ConversionEvent.contact';
    expect(findingsOf(typeMismatch, withSecondMapping({ source, target: 'Customer.firstName', transform: '$source.firstName' }))).toStrictEqual([]);
    expect(findingsOf(typeMismatch, withSecondMapping({ source: 'ConversionEvent.consent', target: 'Customer.rating', lookup: { true: 1, false: 0 } }))).toStrictEqual([]);
  });

  it('says nothing where a type is not declared', () => {
    expect(findingsOf(typeMismatch, direct('ConversionEvent.untyped', 'Customer.optIn'))).toStrictEqual([]);
    expect(findingsOf(typeMismatch, direct('ConversionEvent.nowhere', 'Customer.optIn'))).toStrictEqual([]);
    const spec = direct('ConversionEvent.contact', 'Customer.firstName');
    delete spec.systems[1].entities;
    expect(findingsOf(typeMismatch, spec)).toStrictEqual([]);
  });

  it('names the derived id of a mapping without one', () => {
    const spec = direct('ConversionEvent.contact', 'Customer.firstName');
    delete firstFlow(spec).mappings[1].id;
    expect(findingsOf(typeMismatch, spec)).toStrictEqual([mismatch('DF-1.FM-2', FM2)]);
  });
});
