import { describe, expect, it } from 'vitest';
import { UC1, cleanSpec, findingFor, findingsOf, firstFlow } from '../../../test/support/rules.js';
import { useCaseTooBroad } from './use-case-too-broad.js';

const tooBroad = findingFor('use-case-too-broad', 'warn');

/** The example with `count` data flows in its use case, copies of DF-1 with their own ids. */
function withFlows(count: number): Record<string, any> {
  const spec = cleanSpec();
  const flow = firstFlow(spec);
  spec.useCases[0].dataFlows = Array.from({ length: count }, (_, i) => ({ ...structuredClone(flow), id: `DF-${i + 1}` }));
  return spec;
}

describe('use-case-too-broad', () => {
  it('accepts one to three data flows', () => {
    for (const count of [1, 2, 3]) expect(findingsOf(useCaseTooBroad, withFlows(count))).toStrictEqual([]);
  });

  it('warns about more than three, about the use case', () => {
    expect(findingsOf(useCaseTooBroad, withFlows(4))).toStrictEqual([tooBroad('UC-1', UC1, `${UC1}/dataFlows`)]);
    expect(findingsOf(useCaseTooBroad, withFlows(7))).toStrictEqual([tooBroad('UC-1', UC1, `${UC1}/dataFlows`)]);
  });
});
