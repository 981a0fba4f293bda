import { describe, expect, it } from 'vitest';
import { DF1, cleanSpec, findingFor, findingsOf, firstFlow } from '../../../test/support/rules.js';
import { dataFlowDirection } from './data-flow-direction.js';

const sameSystem = findingFor('data-flow-direction', 'error');

describe('data-flow-direction', () => {
  it('finds nothing when source and target differ', () => {
    expect(findingsOf(dataFlowDirection, cleanSpec())).toStrictEqual([]);
  });

  it('reports a data flow from a system to itself', () => {
    const spec = cleanSpec();
    firstFlow(spec).target.system = 'x';
    expect(findingsOf(dataFlowDirection, spec)).toStrictEqual([sameSystem('DF-1', DF1, `${DF1}/target/system`)]);
  });

  it('reports it even when the system is not declared (system-ref reports that too)', () => {
    const spec = cleanSpec();
    firstFlow(spec).source.system = 'z';
    firstFlow(spec).target.system = 'z';
    expect(findingsOf(dataFlowDirection, spec)).toStrictEqual([sameSystem('DF-1', DF1, `${DF1}/target/system`)]);
  });

  it('says nothing when a side names no system', () => {
    const spec = cleanSpec();
    delete firstFlow(spec).source.system;
    delete firstFlow(spec).target.system;
    expect(findingsOf(dataFlowDirection, spec)).toStrictEqual([]);
  });
});
