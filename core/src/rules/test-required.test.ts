import { describe, expect, it } from 'vitest';
import { DF1, cleanSpec, findingFor, findingsOf, firstFlow } from '../../../test/support/rules.js';
import { testRequired } from './test-required.js';

const noTest = findingFor('test-required', 'error');

describe('test-required', () => {
  it('finds nothing when the data flow has a test case', () => {
    const spec = cleanSpec();
    expect(findingsOf(testRequired, spec)).toStrictEqual([]);
    firstFlow(spec).tests = firstFlow(spec).tests.slice(2, 3);
    expect(findingsOf(testRequired, spec)).toStrictEqual([]);
  });

  it('reports an empty or missing list, about the data flow', () => {
    const spec = cleanSpec();
    firstFlow(spec).tests = [];
    expect(findingsOf(testRequired, spec)).toStrictEqual([noTest('DF-1', DF1, `${DF1}/tests`)]);
    delete firstFlow(spec).tests;
    expect(findingsOf(testRequired, spec)).toStrictEqual([noTest('DF-1', DF1, `${DF1}/tests`)]);
  });
});
