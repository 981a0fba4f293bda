import { describe, expect, it } from 'vitest';
import { DF1, cleanSpec, findingFor, findingsOf, firstFlow } from '../../../test/support/rules.js';
import { mappingKind } from './mapping-kind.js';

const wrongKind = findingFor('mapping-kind', 'error');
const FM2 = `${DF1}/mappings/1`;

/** The spec with FM-2 replaced by a mapping to Customer.firstName with these keys. */
function withSecondMapping(keys: Record<string, unknown>): Record<string, any> {
  const spec = cleanSpec();
  firstFlow(spec).mappings[1] = { id: 'FM-2', target: 'Customer.firstName', ...keys };
  return spec;
}

describe('mapping-kind', () => {
  it('accepts a source, an input, a constant, and a source with a lookup and default', () => {
    expect(findingsOf(mappingKind, cleanSpec())).toStrictEqual([]);
  });

  it('accepts a transform alone, and a source with a transform', () => {
    expect(findingsOf(mappingKind, withSecondMapping({ transform: '"Ann"' }))).toStrictEqual([]);
    expect(findingsOf(mappingKind, withSecondMapping({ source: 'ConversionEvent.contact.firstName', transform: '$uppercase($source)' }))).toStrictEqual([]);
  });

  it('counts a null constant as a value', () => {
    expect(findingsOf(mappingKind, withSecondMapping({ constant: null }))).toStrictEqual([]);
  });

  it('reports a mapping with no value', () => {
    expect(findingsOf(mappingKind, withSecondMapping({}))).toStrictEqual([wrongKind('FM-2', FM2)]);
    expect(findingsOf(mappingKind, withSecondMapping({ description: 'The first name' }))).toStrictEqual([wrongKind('FM-2', FM2)]);
  });

  it('counts blank text as no value', () => {
    expect(findingsOf(mappingKind, withSecondMapping({ source: '' }))).toStrictEqual([wrongKind('FM-2', FM2)]);
    expect(findingsOf(mappingKind, withSecondMapping({ input: ' ', transform: '' }))).toStrictEqual([wrongKind('FM-2', FM2)]);
    expect(findingsOf(mappingKind, withSecondMapping({ source: '', constant: 'Ann' }))).toStrictEqual([]);
  });

  it('does not count a lookup or default as a value', () => {
    expect(findingsOf(mappingKind, withSecondMapping({ lookup: { a: 'b' }, default: 'x' }))).toStrictEqual([wrongKind('FM-2', FM2)]);
  });

  it('reports combinations other than source with transform', () => {
    const combinations: Record<string, unknown>[] = [
      { source: 'ConversionEvent.contact.firstName', input: 'defaultOwner' },
      { source: 'ConversionEvent.contact.firstName', constant: 'Ann' },
      { input: 'defaultOwner', constant: 'Ann' },
      { input: 'defaultOwner', transform: '$inputs.defaultOwner' },
      { constant: 'Ann', transform: '"Ann"' },
      { source: 'ConversionEvent.contact.firstName', transform: '$source', constant: 'Ann' },
    ];
    for (const keys of combinations) {
      expect(findingsOf(mappingKind, withSecondMapping(keys))).toStrictEqual([wrongKind('FM-2', FM2)]);
    }
  });

  it('names the derived id of a mapping without one', () => {
    const spec = withSecondMapping({});
    delete firstFlow(spec).mappings[1].id;
    expect(findingsOf(mappingKind, spec)).toStrictEqual([wrongKind('DF-1.FM-2', FM2)]);
  });
});
