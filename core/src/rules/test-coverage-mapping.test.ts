import { describe, expect, it } from 'vitest';
import { DF1, cleanSpec, findingFor, findingsOf, firstFlow } from '../../../test/support/rules.js';
import { testCoverageMapping } from './test-coverage-mapping.js';

const untested = findingFor('test-coverage-mapping', 'warn');
const mappingAt = (i: number) => `${DF1}/mappings/${i}`;

/** TC-1's expected customer. */
const expectedCustomer = (spec: Record<string, any>): Record<string, any> => firstFlow(spec).tests[0].expect.Customer;

describe('test-coverage-mapping', () => {
  it("finds nothing when some test's expect asserts every target", () => {
    expect(findingsOf(testCoverageMapping, cleanSpec())).toStrictEqual([]);
  });

  it("warns about a mapping whose target no test's expect gives", () => {
    const spec = cleanSpec();
    delete expectedCustomer(spec).firstName;
    expect(findingsOf(testCoverageMapping, spec)).toStrictEqual([untested('FM-2', mappingAt(1))]);
  });

  it('counts any test of the data flow, and a null value as a value', () => {
    const spec = cleanSpec();
    delete expectedCustomer(spec).kind;
    firstFlow(spec).tests[1].expect.Customer.kind = 'Prospect';
    delete expectedCustomer(spec).firstName;
    firstFlow(spec).tests[2].expect = { Customer: { firstName: null } };
    expect(findingsOf(testCoverageMapping, spec)).toStrictEqual([]);
  });

  it('does not count expectErrors, given or a test of another data flow', () => {
    const spec = cleanSpec();
    delete expectedCustomer(spec).email;
    expect(firstFlow(spec).tests[2].expectErrors).toStrictEqual([{ path: 'Customer.email', code: 'required' }]);
    firstFlow(spec).tests[1].given.Customer = { email: 'c@d.co' };
    const other = structuredClone(firstFlow(spec));
    other.id = 'DF-2';
    other.mappings = [];
    other.tests = [{ id: 'TC-9', expect: { Customer: { email: 'a@b.co' } } }];
    spec.useCases[0].dataFlows.push(other);
    expect(findingsOf(testCoverageMapping, spec)).toStrictEqual([untested('FM-1', mappingAt(0))]);
  });

  it('compares [key=value] paths as written', () => {
    const spec = cleanSpec();
    expectedCustomer(spec).addresses = [{ type: 'Shipping', line1: '1 Main St' }];
    expect(findingsOf(testCoverageMapping, spec)).toStrictEqual([untested('FM-3', mappingAt(2))]);
    expectedCustomer(spec).addresses = [{ type: 'Shipping', line1: '1 Main St' }, { type: 'Billing', line1: '2 Side St' }];
    expect(findingsOf(testCoverageMapping, spec)).toStrictEqual([]);
    expectedCustomer(spec).addresses = [{ type: 'Billing' }];
    expect(findingsOf(testCoverageMapping, spec)).toStrictEqual([untested('FM-3', mappingAt(2))]);
  });

  it('matches [key=value] against scalar values only, without failing on odd ones', () => {
    const spec = cleanSpec();
    firstFlow(spec).mappings[2].target = 'Customer.addresses[rank=1].line1';
    expectedCustomer(spec).addresses = [{ rank: 1, line1: '1 Main St' }];
    expect(findingsOf(testCoverageMapping, spec)).toStrictEqual([]);
    expectedCustomer(spec).addresses = [{ rank: { value: 1 }, line1: 'a' }, { rank: Object.create(null), line1: 'b' }, { rank: null, line1: 'c' }];
    expect(findingsOf(testCoverageMapping, spec)).toStrictEqual([untested('FM-3', mappingAt(2))]);
  });

  it('compares [n] and [] paths as written', () => {
    const spec = cleanSpec();
    const mapping = firstFlow(spec).mappings[2];
    mapping.target = 'Customer.addresses[1].line1';
    expect(findingsOf(testCoverageMapping, spec)).toStrictEqual([untested('FM-3', mappingAt(2))]);
    mapping.target = 'Customer.addresses[0].line1';
    expect(findingsOf(testCoverageMapping, spec)).toStrictEqual([]);
    mapping.target = 'Customer.addresses[].line1';
    expect(findingsOf(testCoverageMapping, spec)).toStrictEqual([]);
    expectedCustomer(spec).addresses = [];
    expect(findingsOf(testCoverageMapping, spec)).toStrictEqual([untested('FM-3', mappingAt(2))]);
  });

  it('does not count a value at a shorter path, or a list where an object is expected', () => {
    const spec = cleanSpec();
    firstFlow(spec).mappings[1].target = 'Customer.name.first';
    expectedCustomer(spec).name = 'Ann';
    expect(findingsOf(testCoverageMapping, spec)).toStrictEqual([untested('FM-2', mappingAt(1))]);
    expectedCustomer(spec).name = [{ first: 'Ann' }];
    expect(findingsOf(testCoverageMapping, spec)).toStrictEqual([untested('FM-2', mappingAt(1))]);
    expectedCustomer(spec).name = { first: 'Ann' };
    expect(findingsOf(testCoverageMapping, spec)).toStrictEqual([]);
  });

  it('warns about every mapping when the data flow has no test with an expect', () => {
    const spec = cleanSpec();
    firstFlow(spec).tests = firstFlow(spec).tests.slice(2);
    expect(findingsOf(testCoverageMapping, spec)).toStrictEqual([0, 1, 2, 3, 4, 5].map((i) => untested(`FM-${i + 1}`, mappingAt(i))));
  });

  it('names derived ids', () => {
    const spec = cleanSpec();
    delete firstFlow(spec).mappings[4].id;
    delete expectedCustomer(spec).kind;
    expect(findingsOf(testCoverageMapping, spec)).toStrictEqual([untested('DF-1.FM-5', mappingAt(4))]);
  });
});
