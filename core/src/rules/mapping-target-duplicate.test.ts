import { describe, expect, it } from 'vitest';
import { DF1, cleanSpec, findingFor, findingsOf, firstFlow } from '../../../test/support/rules.js';
import { mappingTargetDuplicate } from './mapping-target-duplicate.js';

const duplicate = findingFor('mapping-target-duplicate', 'error');
const mappingAt = (i: number) => `${DF1}/mappings/${i}`;

describe('mapping-target-duplicate', () => {
  it('finds nothing when each mapping writes its own target', () => {
    expect(findingsOf(mappingTargetDuplicate, cleanSpec())).toStrictEqual([]);
  });

  it('reports the later mapping of two that write the same target', () => {
    const spec = cleanSpec();
    firstFlow(spec).mappings[1].target = 'Customer.email';
    expect(findingsOf(mappingTargetDuplicate, spec)).toStrictEqual([duplicate('FM-2', mappingAt(1), `${mappingAt(1)}/target`)]);
  });

  it('reports every later mapping of three', () => {
    const spec = cleanSpec();
    firstFlow(spec).mappings[1].target = 'Customer.kind';
    firstFlow(spec).mappings[2].target = 'Customer.kind';
    expect(findingsOf(mappingTargetDuplicate, spec)).toStrictEqual([
      duplicate('FM-3', mappingAt(2), `${mappingAt(2)}/target`),
      duplicate('FM-5', mappingAt(4), `${mappingAt(4)}/target`),
    ]);
  });

  it('compares paths as written, selectors included', () => {
    const spec = cleanSpec();
    const mappings = firstFlow(spec).mappings;
    mappings.push({ id: 'FM-7', target: 'Customer.addresses[type=Shipping].line1', source: 'ConversionEvent.contact.addresses[1].line1' });
    mappings.push({ id: 'FM-8', target: 'Customer.addresses[].line1', source: 'ConversionEvent.contact.addresses[].line1' });
    mappings.push({ id: 'FM-9', target: 'Customer.addresses[0].line1', constant: 'x' });
    expect(findingsOf(mappingTargetDuplicate, spec)).toStrictEqual([]);
    mappings.push({ id: 'FM-10', target: 'Customer.addresses[type=Billing].line1', constant: 'x' });
    expect(findingsOf(mappingTargetDuplicate, spec)).toStrictEqual([duplicate('FM-10', mappingAt(9), `${mappingAt(9)}/target`)]);
  });

  it('compares within one data flow only', () => {
    const spec = cleanSpec();
    const second = structuredClone(firstFlow(spec));
    second.id = 'DF-2';
    second.triggers = [];
    second.outcomes = [];
    second.tests = [];
    second.mappings = [{ id: 'FM-21', target: 'Customer.email', source: 'ConversionEvent.contact.email' }];
    spec.useCases[0].dataFlows.push(second);
    expect(findingsOf(mappingTargetDuplicate, spec)).toStrictEqual([]);
  });

  it('names the derived id of a mapping without one', () => {
    const spec = cleanSpec();
    delete firstFlow(spec).mappings[5].id;
    firstFlow(spec).mappings[5].target = 'Customer.firstName';
    expect(findingsOf(mappingTargetDuplicate, spec)).toStrictEqual([duplicate('DF-1.FM-6', mappingAt(5), `${mappingAt(5)}/target`)]);
  });
});
