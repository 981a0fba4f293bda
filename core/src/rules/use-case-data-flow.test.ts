import { describe, expect, it } from 'vitest';
import { UC1, cleanSpec, findingFor, findingsOf } from '../../../test/support/rules.js';
import { useCaseDataFlow } from './use-case-data-flow.js';

const noFlow = findingFor('use-case-data-flow', 'error');

describe('use-case-data-flow', () => {
  it('finds nothing when the use case has a data flow', () => {
    expect(findingsOf(useCaseDataFlow, cleanSpec())).toStrictEqual([]);
  });

  it('reports an empty or missing list, about the use case', () => {
    const spec = cleanSpec();
    spec.useCases[0].dataFlows = [];
    expect(findingsOf(useCaseDataFlow, spec)).toStrictEqual([noFlow('UC-1', UC1, `${UC1}/dataFlows`)]);
    delete spec.useCases[0].dataFlows;
    expect(findingsOf(useCaseDataFlow, spec)).toStrictEqual([noFlow('UC-1', UC1, `${UC1}/dataFlows`)]);
  });

  it('names the derived id of a use case without one', () => {
    const spec = cleanSpec();
    spec.useCases.push({ title: 'Later', story: 'As a seller, I want x, so that y.' });
    expect(findingsOf(useCaseDataFlow, spec)).toStrictEqual([noFlow('UC-2', '/useCases/1', '/useCases/1/dataFlows')]);
  });
});
