import { describe, expect, it } from 'vitest';
import { DF1, cleanSpec, findingFor, findingsOf, firstFlow } from '../../../test/support/rules.js';
import { testInvalidInput } from './test-invalid-input.js';

const untested = findingFor('test-invalid-input', 'warn');

/** The example without TC-4, the test that leaves the required input out. */
function withoutInputTest(): Record<string, any> {
  const spec = cleanSpec();
  firstFlow(spec).tests.pop();
  return spec;
}

describe('test-invalid-input', () => {
  it('finds nothing when a test expects the error for the required input', () => {
    expect(findingsOf(testInvalidInput, cleanSpec())).toStrictEqual([]);
  });

  it('warns about a data flow that uses a required input no test expects an error for', () => {
    expect(findingsOf(testInvalidInput, withoutInputTest())).toStrictEqual([untested('DF-1', DF1, `${DF1}/tests`)]);
  });

  it('accepts an expected error of any code for the input', () => {
    const spec = cleanSpec();
    firstFlow(spec).tests[3].inputs = { defaultOwner: 42 };
    firstFlow(spec).tests[3].expectErrors = [{ input: 'defaultOwner', code: 'type' }];
    expect(findingsOf(testInvalidInput, spec)).toStrictEqual([]);
  });

  it('does not count an expected error for a target path', () => {
    const spec = withoutInputTest();
    firstFlow(spec).tests[2].expectErrors.push({ path: 'Customer.ownerId', code: 'required' });
    expect(findingsOf(testInvalidInput, spec)).toStrictEqual([untested('DF-1', DF1, `${DF1}/tests`)]);
  });

  it('counts a use by $inputs in a filter or criteria', () => {
    const spec = withoutInputTest();
    firstFlow(spec).mappings[3] = { id: 'FM-4', target: 'Customer.ownerId', constant: 'u-1' };
    expect(findingsOf(testInvalidInput, spec)).toStrictEqual([]);
    firstFlow(spec).triggers[1].criteria = 'ConversionEvent.ownerId = $inputs.defaultOwner';
    expect(findingsOf(testInvalidInput, spec)).toStrictEqual([untested('DF-1', DF1, `${DF1}/tests`)]);
  });

  it('asks nothing for an input that is not required, or not declared', () => {
    const optional = withoutInputTest();
    optional.inputs[0].required = false;
    expect(findingsOf(testInvalidInput, optional)).toStrictEqual([]);
    const undeclared = withoutInputTest();
    delete undeclared.inputs;
    expect(findingsOf(testInvalidInput, undeclared)).toStrictEqual([]);
  });

  it("looks only at the data flow's own tests", () => {
    const spec = cleanSpec();
    const other = structuredClone(firstFlow(spec));
    other.id = 'DF-2';
    for (const list of [other.triggers, other.outcomes, other.mappings, other.tests]) for (const item of list) delete item.id;
    other.tests.pop();
    spec.useCases[0].dataFlows.push(other);
    expect(findingsOf(testInvalidInput, spec)).toStrictEqual([untested('DF-2', '/useCases/0/dataFlows/1', '/useCases/0/dataFlows/1/tests')]);
  });
});
