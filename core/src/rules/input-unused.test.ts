import { describe, expect, it } from 'vitest';
import { cleanSpec, findingFor, findingsOf, firstFlow } from '../../../test/support/rules.js';
import { inputUnused } from './input-unused.js';

const unused = findingFor('input-unused', 'warn');

/** The example with FM-4 taking a constant owner: no mapping's `input` names defaultOwner. */
function withoutMappingInput(): Record<string, any> {
  const spec = cleanSpec();
  firstFlow(spec).mappings[3] = { id: 'FM-4', target: 'Customer.ownerId', constant: 'u-1' };
  return spec;
}

describe('input-unused', () => {
  it("finds nothing when a mapping's input names the input", () => {
    expect(findingsOf(inputUnused, cleanSpec())).toStrictEqual([]);
  });

  it('warns about an input nothing references, even when tests give it a value', () => {
    const spec = withoutMappingInput();
    expect(firstFlow(spec).tests[0].inputs).toStrictEqual({ defaultOwner: 'u-1' });
    expect(firstFlow(spec).tests[3].expectErrors).toStrictEqual([{ input: 'defaultOwner', code: 'required' }]);
    expect(findingsOf(inputUnused, spec)).toStrictEqual([unused('defaultOwner', '/inputs/0')]);
  });

  it('counts $inputs.<id> in a transform, a filter or criteria as a reference', () => {
    const inTransform = withoutMappingInput();
    firstFlow(inTransform).mappings[3] = { id: 'FM-4', target: 'Customer.ownerId', transform: '$inputs.defaultOwner' };
    expect(findingsOf(inputUnused, inTransform)).toStrictEqual([]);

    const inFilter = withoutMappingInput();
    firstFlow(inFilter).triggers[0].filter = 'ConversionEvent.ownerId != $inputs.defaultOwner';
    expect(findingsOf(inputUnused, inFilter)).toStrictEqual([]);

    const inCriteria = withoutMappingInput();
    firstFlow(inCriteria).triggers[1].criteria = 'ConversionEvent.ownerId = $inputs.defaultOwner';
    expect(findingsOf(inputUnused, inCriteria)).toStrictEqual([]);
  });

  it('does not count text that only mentions the input', () => {
    const spec = withoutMappingInput();
    firstFlow(spec).mappings[3].description = 'Uses $inputs.defaultOwner';
    firstFlow(spec).triggers[0].description = '$inputs.defaultOwner';
    expect(findingsOf(inputUnused, spec)).toStrictEqual([unused('defaultOwner', '/inputs/0')]);
  });

  it('warns about each unused input', () => {
    const spec = cleanSpec();
    spec.inputs.push({ id: 'region', label: 'Region', help: 'Where the CRM runs' });
    expect(findingsOf(inputUnused, spec)).toStrictEqual([unused('region', '/inputs/1')]);
  });
});
