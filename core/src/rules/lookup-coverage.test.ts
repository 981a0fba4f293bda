import { describe, expect, it } from 'vitest';
import { DF1, cleanSpec, findingFor, findingsOf, firstFlow } from '../../../test/support/rules.js';
import { lookupCoverage } from './lookup-coverage.js';

const uncovered = findingFor('lookup-coverage', 'warn');
const FM6 = `${DF1}/mappings/5`;

/** FM-6 of the example: ConversionEvent.type (form | download | webinar) through a lookup. */
const lookupMapping = (spec: Record<string, any>): Record<string, any> => firstFlow(spec).mappings[5];

describe('lookup-coverage', () => {
  it('finds nothing when the lookup has a default', () => {
    expect(findingsOf(lookupCoverage, cleanSpec())).toStrictEqual([]);
  });

  it('warns about a lookup without a default that misses an enum value', () => {
    const spec = cleanSpec();
    delete lookupMapping(spec).default;
    expect(findingsOf(lookupCoverage, spec)).toStrictEqual([uncovered('FM-6', FM6, `${FM6}/lookup`)]);
  });

  it('accepts a lookup that covers every enum value, or a null default', () => {
    const spec = cleanSpec();
    delete lookupMapping(spec).default;
    lookupMapping(spec).lookup.download = 'Lead';
    expect(findingsOf(lookupCoverage, spec)).toStrictEqual([]);
    const withNull = cleanSpec();
    lookupMapping(withNull).default = null;
    expect(findingsOf(lookupCoverage, withNull)).toStrictEqual([]);
  });

  it('compares enum values as text with the lookup keys', () => {
    const spec = cleanSpec();
    spec.systems[0].entities[0].fields.push({ path: 'tier', type: 'integer', enum: [1, 2, 3] });
    firstFlow(spec).mappings[5] = { id: 'FM-6', target: 'Customer.stage', source: 'ConversionEvent.tier', lookup: { 1: 'Lead', 2: 'Lead', 3: 'Engaged' } };
    expect(findingsOf(lookupCoverage, spec)).toStrictEqual([]);
    delete lookupMapping(spec).lookup[3];
    expect(findingsOf(lookupCoverage, spec)).toStrictEqual([uncovered('FM-6', FM6, `${FM6}/lookup`)]);
  });

  it('reads every selector as [] to find the source field', () => {
    const spec = cleanSpec();
    spec.systems[0].entities[0].fields.push({ path: 'answers[].kind', type: 'string', enum: ['yes', 'no'] });
    firstFlow(spec).mappings[5] = { id: 'FM-6', target: 'Customer.stage', source: 'ConversionEvent.answers[kind=yes].kind', lookup: { yes: 'Engaged' } };
    expect(findingsOf(lookupCoverage, spec)).toStrictEqual([uncovered('FM-6', FM6, `${FM6}/lookup`)]);
  });

  it('says nothing where the source field has no enum, or a transform comes first', () => {
    const spec = cleanSpec();
    delete lookupMapping(spec).default;
    lookupMapping(spec).source = 'ConversionEvent.contact.firstName';
    expect(findingsOf(lookupCoverage, spec)).toStrictEqual([]);
    lookupMapping(spec).source = 'ConversionEvent.type';
    lookupMapping(spec).transform = '$lowercase($source)';
    expect(findingsOf(lookupCoverage, spec)).toStrictEqual([]);
  });

  it('says nothing where the source entity declares no fields', () => {
    const spec = cleanSpec();
    delete lookupMapping(spec).default;
    delete spec.systems[0].entities[0].fields;
    expect(findingsOf(lookupCoverage, spec)).toStrictEqual([]);
  });
});

describe('lookup-coverage on values only memory can hold', () => {
  it('reads an enum value that has no text of its own (a null-prototype object) without throwing', () => {
    const spec = cleanSpec();
    delete lookupMapping(spec).default;
    const type = spec.systems[0].entities[0].fields.find((f: { path: string }) => f.path === 'type');
    type.enum = [Object.create(null), 'form', 'webinar'];
    expect(findingsOf(lookupCoverage, spec)).toStrictEqual([uncovered('FM-6', FM6, `${FM6}/lookup`)]);
  });
});
