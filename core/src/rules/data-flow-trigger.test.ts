import { describe, expect, it } from 'vitest';
import { DF1, cleanSpec, findingFor, findingsOf, firstFlow } from '../../../test/support/rules.js';
import { dataFlowTrigger } from './data-flow-trigger.js';

const noTrigger = findingFor('data-flow-trigger', 'error');

describe('data-flow-trigger', () => {
  it('finds nothing when the data flow has a trigger', () => {
    const spec = cleanSpec();
    expect(findingsOf(dataFlowTrigger, spec)).toStrictEqual([]);
    firstFlow(spec).triggers = [{ type: 'manual', description: 'An admin runs it from the CRM' }];
    expect(findingsOf(dataFlowTrigger, spec)).toStrictEqual([]);
  });

  it('reports an empty or missing list, about the data flow', () => {
    const spec = cleanSpec();
    firstFlow(spec).triggers = [];
    expect(findingsOf(dataFlowTrigger, spec)).toStrictEqual([noTrigger('DF-1', DF1, `${DF1}/triggers`)]);
    delete firstFlow(spec).triggers;
    expect(findingsOf(dataFlowTrigger, spec)).toStrictEqual([noTrigger('DF-1', DF1, `${DF1}/triggers`)]);
  });

  it('numbers derived data flow ids across use cases', () => {
    const spec = cleanSpec();
    const copy = structuredClone(firstFlow(spec));
    delete copy.id;
    delete copy.triggers;
    spec.useCases.push({ id: 'UC-2', title: 'Second', story: 'As a seller, I want x, so that y.', dataFlows: [copy] });
    expect(findingsOf(dataFlowTrigger, spec)).toStrictEqual([noTrigger('DF-2', '/useCases/1/dataFlows/0', '/useCases/1/dataFlows/0/triggers')]);
  });
});
