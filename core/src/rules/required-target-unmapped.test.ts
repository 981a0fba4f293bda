import { describe, expect, it } from 'vitest';
import { DF1, cleanSpec, findingFor, findingsOf, firstFlow } from '../../../test/support/rules.js';
import { requiredTargetUnmapped } from './required-target-unmapped.js';

const unmapped = findingFor('required-target-unmapped', 'error');
const finding = unmapped('DF-1', DF1, `${DF1}/mappings`);

/** The declared fields of the example's Customer entity. */
const customerFields = (spec: Record<string, any>): Record<string, any>[] => spec.systems[1].entities[0].fields;
/** Drops the mappings whose ids are given. */
const without = (spec: Record<string, any>, ...ids: string[]) => {
  firstFlow(spec).mappings = firstFlow(spec).mappings.filter((m: { id: string }) => !ids.includes(m.id));
  return spec;
};

describe('required-target-unmapped', () => {
  it('finds nothing when every required target field is mapped', () => {
    expect(findingsOf(requiredTargetUnmapped, cleanSpec())).toStrictEqual([]);
  });

  it('reports a required field with no mapping, about the data flow', () => {
    expect(findingsOf(requiredTargetUnmapped, without(cleanSpec(), 'FM-4'))).toStrictEqual([finding]);
  });

  it('reports each required field that has no mapping', () => {
    expect(findingsOf(requiredTargetUnmapped, without(cleanSpec(), 'FM-1', 'FM-4'))).toStrictEqual([finding, finding]);
  });

  it('does not ask for fields that are not required', () => {
    expect(findingsOf(requiredTargetUnmapped, without(cleanSpec(), 'FM-2', 'FM-3', 'FM-5', 'FM-6'))).toStrictEqual([]);
  });

  it('counts a mapping to a field inside a required object, or to the object that holds a required field', () => {
    const spec = cleanSpec();
    customerFields(spec).push({ path: 'billing', type: 'object', required: true }, { path: 'billing.zip', type: 'string' });
    expect(findingsOf(requiredTargetUnmapped, spec)).toStrictEqual([finding]);
    firstFlow(spec).mappings.push({ id: 'FM-7', target: 'Customer.billing.zip', constant: '10115' });
    expect(findingsOf(requiredTargetUnmapped, spec)).toStrictEqual([]);

    const other = cleanSpec();
    customerFields(other).push({ path: 'billing', type: 'object', required: true }, { path: 'billing.zip', type: 'string', required: true });
    firstFlow(other).mappings.push({ id: 'FM-7', target: 'Customer.billing', transform: '{ "zip": "10115" }' });
    expect(findingsOf(requiredTargetUnmapped, other)).toStrictEqual([]);
  });

  it('reads every selector as []', () => {
    const spec = cleanSpec();
    customerFields(spec).find((f) => f.path === 'addresses[].line1')!.required = true;
    expect(findingsOf(requiredTargetUnmapped, spec)).toStrictEqual([]);
    firstFlow(spec).mappings[2].target = 'Customer.addresses[0].line1';
    expect(findingsOf(requiredTargetUnmapped, spec)).toStrictEqual([]);
  });

  it('counts the key of a [key=value] selector as written', () => {
    const spec = cleanSpec();
    customerFields(spec).find((f) => f.path === 'addresses[].type')!.required = true;
    expect(findingsOf(requiredTargetUnmapped, spec)).toStrictEqual([]);
  });

  it('asks for a required field inside a list only when something is written to the list', () => {
    const spec = cleanSpec();
    customerFields(spec).push({ path: 'addresses[].country', type: 'string', required: true });
    expect(findingsOf(requiredTargetUnmapped, spec)).toStrictEqual([finding]);
    expect(findingsOf(requiredTargetUnmapped, without(spec, 'FM-3'))).toStrictEqual([]);
  });

  it('asks for a required field inside an optional object only when something is written to it', () => {
    const spec = cleanSpec();
    customerFields(spec).push({ path: 'billing', type: 'object' }, { path: 'billing.zip', type: 'string', required: true }, { path: 'billing.city', type: 'string' });
    expect(findingsOf(requiredTargetUnmapped, spec)).toStrictEqual([]);
    firstFlow(spec).mappings.push({ id: 'FM-7', target: 'Customer.billing.city', constant: 'Berlin' });
    expect(findingsOf(requiredTargetUnmapped, spec)).toStrictEqual([finding]);
  });

  it('checks only target entities that declare fields', () => {
    const spec = without(cleanSpec(), 'FM-4');
    delete customerFields(spec).find((f) => f.path === 'ownerId')!.required;
    spec.systems[1].entities.push({ name: 'Lead', fields: [{ path: 'id', type: 'string', required: true }] });
    expect(findingsOf(requiredTargetUnmapped, spec)).toStrictEqual([]);

    const undeclared = without(cleanSpec(), 'FM-1', 'FM-4');
    delete undeclared.systems[1].entities[0].fields;
    expect(findingsOf(requiredTargetUnmapped, undeclared)).toStrictEqual([]);
  });
});
