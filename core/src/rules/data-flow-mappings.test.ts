import { describe, expect, it } from 'vitest';
import { DF1, cleanSpec, findingFor, findingsOf, firstFlow } from '../../../test/support/rules.js';
import { dataFlowMappings } from './data-flow-mappings.js';

const noMapping = findingFor('data-flow-mappings', 'error');

describe('data-flow-mappings', () => {
  it('finds nothing when the data flow has a mapping', () => {
    const spec = cleanSpec();
    expect(findingsOf(dataFlowMappings, spec)).toStrictEqual([]);
    firstFlow(spec).mappings = [{ target: 'Customer.kind', constant: 'Prospect' }];
    expect(findingsOf(dataFlowMappings, spec)).toStrictEqual([]);
  });

  it('reports an empty or missing list, about the data flow', () => {
    const spec = cleanSpec();
    firstFlow(spec).mappings = [];
    expect(findingsOf(dataFlowMappings, spec)).toStrictEqual([noMapping('DF-1', DF1, `${DF1}/mappings`)]);
    delete firstFlow(spec).mappings;
    expect(findingsOf(dataFlowMappings, spec)).toStrictEqual([noMapping('DF-1', DF1, `${DF1}/mappings`)]);
  });
});
