import { describe, expect, it } from 'vitest';
import { DF1, cleanSpec, findingFor, findingsOf, firstFlow } from '../../../test/support/rules.js';
import { outcomeSuccess } from './outcome-success.js';

const noSuccess = findingFor('outcome-success', 'error');

describe('outcome-success', () => {
  it('finds nothing when the data flow has a success outcome', () => {
    expect(findingsOf(outcomeSuccess, cleanSpec())).toStrictEqual([]);
  });

  it('reports a data flow with only failure outcomes', () => {
    const spec = cleanSpec();
    firstFlow(spec).outcomes.shift();
    expect(findingsOf(outcomeSuccess, spec)).toStrictEqual([noSuccess('DF-1', DF1, `${DF1}/outcomes`)]);
  });

  it('reports a data flow with no outcomes, or with an outcome of no type', () => {
    const spec = cleanSpec();
    firstFlow(spec).outcomes = [];
    expect(findingsOf(outcomeSuccess, spec)).toStrictEqual([noSuccess('DF-1', DF1, `${DF1}/outcomes`)]);
    firstFlow(spec).outcomes = [{ id: 'OC-1', when: '201 Created' }];
    expect(findingsOf(outcomeSuccess, spec)).toStrictEqual([noSuccess('DF-1', DF1, `${DF1}/outcomes`)]);
  });
});
