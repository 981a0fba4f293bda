import { describe, expect, it } from 'vitest';
import { DF1, cleanSpec, findingFor, findingsOf, firstFlow } from '../../../test/support/rules.js';
import { dataFlowEntities } from './data-flow-entities.js';

const noEntity = findingFor('data-flow-entities', 'error');

describe('data-flow-entities', () => {
  it('finds nothing when both sides name an entity', () => {
    expect(findingsOf(dataFlowEntities, cleanSpec())).toStrictEqual([]);
  });

  it('reports a side with an empty list', () => {
    const spec = cleanSpec();
    firstFlow(spec).target.entities = [];
    expect(findingsOf(dataFlowEntities, spec)).toStrictEqual([noEntity('DF-1', DF1, `${DF1}/target`)]);
  });

  it('reports each side, source first, when the lists are missing or blank', () => {
    const spec = cleanSpec();
    delete firstFlow(spec).source.entities;
    firstFlow(spec).target.entities = ['', '  '];
    expect(findingsOf(dataFlowEntities, spec)).toStrictEqual([noEntity('DF-1', DF1, `${DF1}/source`), noEntity('DF-1', DF1, `${DF1}/target`)]);
  });

  it('reports a missing source or target', () => {
    const spec = cleanSpec();
    delete firstFlow(spec).source;
    expect(findingsOf(dataFlowEntities, spec)).toStrictEqual([noEntity('DF-1', DF1, `${DF1}/source`)]);
  });

  it('names the derived id of a data flow without one', () => {
    const spec = cleanSpec();
    delete firstFlow(spec).id;
    firstFlow(spec).source.entities = [];
    expect(findingsOf(dataFlowEntities, spec)).toStrictEqual([noEntity('DF-1', DF1, `${DF1}/source`)]);
  });
});
