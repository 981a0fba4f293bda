import { describe, expect, it } from 'vitest';
import { DF1, cleanSpec, findingFor, findingsOf, firstFlow } from '../../../test/support/rules.js';
import { outcomeFailure } from './outcome-failure.js';

const noFailure = findingFor('outcome-failure', 'warn');

describe('outcome-failure', () => {
  it('finds nothing when the data flow has a failure outcome', () => {
    const spec = cleanSpec();
    expect(findingsOf(outcomeFailure, spec)).toStrictEqual([]);
    firstFlow(spec).outcomes.pop();
    expect(findingsOf(outcomeFailure, spec)).toStrictEqual([]);
  });

  it('warns about a data flow with only a success outcome', () => {
    const spec = cleanSpec();
    firstFlow(spec).outcomes = firstFlow(spec).outcomes.slice(0, 1);
    expect(findingsOf(outcomeFailure, spec)).toStrictEqual([noFailure('DF-1', DF1, `${DF1}/outcomes`)]);
  });

  it('warns about a data flow with no outcomes', () => {
    const spec = cleanSpec();
    delete firstFlow(spec).outcomes;
    expect(findingsOf(outcomeFailure, spec)).toStrictEqual([noFailure('DF-1', DF1, `${DF1}/outcomes`)]);
  });
});
