import { describe, expect, it } from 'vitest';
import { DF1, cleanSpec, findingFor, findingsOf, firstFlow } from '../../../test/support/rules.js';
import { inputRef } from './input-ref.js';

const undeclared = findingFor('input-ref', 'error');
const mappingAt = (i: number) => `${DF1}/mappings/${i}`;
const triggerAt = (i: number) => `${DF1}/triggers/${i}`;
const testAt = (i: number) => `${DF1}/tests/${i}`;

/** Replaces FM-5's constant with a transform. */
function withTransform(spec: Record<string, any>, transform: string): Record<string, any> {
  const mapping = firstFlow(spec).mappings[4];
  delete mapping.constant;
  mapping.transform = transform;
  return spec;
}

describe('input-ref', () => {
  it('finds nothing when every reference names a declared input', () => {
    expect(findingsOf(inputRef, cleanSpec())).toStrictEqual([]);
    expect(findingsOf(inputRef, withTransform(cleanSpec(), '$inputs.defaultOwner & "-prospect"'))).toStrictEqual([]);
  });

  it("reports a mapping's input that is not declared", () => {
    const spec = cleanSpec();
    firstFlow(spec).mappings[3].input = 'owner';
    expect(findingsOf(inputRef, spec)).toStrictEqual([undeclared('FM-4', mappingAt(3), `${mappingAt(3)}/input`)]);
  });

  it('reports $inputs.<id> in a transform', () => {
    const spec = withTransform(cleanSpec(), '$uppercase($inputs.region)');
    expect(findingsOf(inputRef, spec)).toStrictEqual([undeclared('FM-5', mappingAt(4), `${mappingAt(4)}/transform`)]);
  });

  it('reports $inputs.<id> in a trigger filter and in query criteria, about the trigger', () => {
    const spec = cleanSpec();
    firstFlow(spec).triggers[0].filter = 'ConversionEvent.type = $inputs.conversionType';
    firstFlow(spec).triggers[1].criteria = 'ConversionEvent.createdAt > $inputs.since';
    expect(findingsOf(inputRef, spec)).toStrictEqual([
      undeclared('TR-1', triggerAt(0), `${triggerAt(0)}/filter`),
      undeclared('TR-2', triggerAt(1), `${triggerAt(1)}/criteria`),
    ]);
  });

  it('leaves a blank mapping input to mapping-kind', () => {
    const spec = cleanSpec();
    firstFlow(spec).mappings[3].input = ' ';
    expect(findingsOf(inputRef, spec)).toStrictEqual([]);
  });

  it('does not read $inputs in a mapping source or a test value as a reference', () => {
    const spec = cleanSpec();
    firstFlow(spec).tests[0].inputs.defaultOwner = '$inputs.nobody';
    firstFlow(spec).tests[0].given.ConversionEvent.type = '$inputs.kind';
    expect(findingsOf(inputRef, spec)).toStrictEqual([]);
  });

  it("reports a key of a test's inputs that is not declared", () => {
    const spec = cleanSpec();
    firstFlow(spec).tests[0].inputs.region = 'eu';
    expect(findingsOf(inputRef, spec)).toStrictEqual([undeclared('TC-1', testAt(0), `${testAt(0)}/inputs/region`)]);
  });

  it("escapes a test input key in the value's JSON Pointer", () => {
    const spec = cleanSpec();
    firstFlow(spec).tests[0].inputs['owner/team~a'] = 'eu';
    expect(findingsOf(inputRef, spec)).toStrictEqual([undeclared('TC-1', testAt(0), `${testAt(0)}/inputs/owner~1team~0a`)]);
  });

  it('reports an expectErrors[].input that is not declared, and leaves path errors alone', () => {
    const spec = cleanSpec();
    firstFlow(spec).tests[3].expectErrors = [
      { path: 'Customer.email', code: 'required' },
      { input: 'owner', code: 'required' },
    ];
    expect(findingsOf(inputRef, spec)).toStrictEqual([undeclared('TC-4', testAt(3), `${testAt(3)}/expectErrors/1/input`)]);
  });

  it('reports every reference when no input is declared, in document order', () => {
    const spec = cleanSpec();
    delete spec.inputs;
    expect(findingsOf(inputRef, spec)).toStrictEqual([
      undeclared('FM-4', mappingAt(3), `${mappingAt(3)}/input`),
      undeclared('TC-1', testAt(0), `${testAt(0)}/inputs/defaultOwner`),
      undeclared('TC-2', testAt(1), `${testAt(1)}/inputs/defaultOwner`),
      undeclared('TC-3', testAt(2), `${testAt(2)}/inputs/defaultOwner`),
      undeclared('TC-4', testAt(3), `${testAt(3)}/expectErrors/0/input`),
    ]);
  });

  it('names derived ids', () => {
    const spec = cleanSpec();
    delete firstFlow(spec).triggers[0].id;
    delete firstFlow(spec).tests[1].id;
    firstFlow(spec).triggers[0].filter = '$inputs.kind = "form"';
    firstFlow(spec).tests[1].inputs = { kind: 'form' };
    expect(findingsOf(inputRef, spec)).toStrictEqual([
      undeclared('DF-1.TR-1', triggerAt(0), `${triggerAt(0)}/filter`),
      undeclared('DF-1.TC-2', testAt(1), `${testAt(1)}/inputs/kind`),
    ]);
  });
});
