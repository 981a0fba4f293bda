import { describe, expect, it } from 'vitest';
import { DF1, cleanSpec, findingFor, findingsOf, firstFlow } from '../../../test/support/rules.js';
import { idUnique } from './id-unique.js';

const duplicate = findingFor('id-unique', 'error');

describe('id-unique', () => {
  it('finds nothing when every id is unique', () => {
    expect(findingsOf(idUnique, cleanSpec())).toStrictEqual([]);
  });

  it('reports the later of two mappings that share an id', () => {
    const spec = cleanSpec();
    firstFlow(spec).mappings[1].id = 'FM-1';
    expect(findingsOf(idUnique, spec)).toStrictEqual([duplicate('FM-1', `${DF1}/mappings/1`, `${DF1}/mappings/1/id`)]);
  });

  it('compares ids across kinds of element', () => {
    const spec = cleanSpec();
    firstFlow(spec).tests[0].id = 'FM-1';
    firstFlow(spec).outcomes[0].id = 'TR-1';
    expect(findingsOf(idUnique, spec)).toStrictEqual([
      duplicate('TR-1', `${DF1}/outcomes/0`, `${DF1}/outcomes/0/id`),
      duplicate('FM-1', `${DF1}/tests/0`, `${DF1}/tests/0/id`),
    ]);
  });

  it('reports the element that comes later in the document, whatever its kind', () => {
    const spec = cleanSpec();
    spec.useCases.push({ id: 'DF-1', title: 'A second use case', story: 'As a seller, I want x, so that y.', dataFlows: [] });
    expect(findingsOf(idUnique, spec)).toStrictEqual([duplicate('DF-1', '/useCases/1', '/useCases/1/id')]);
  });

  it('compares systems with systems and inputs with inputs', () => {
    const spec = cleanSpec();
    spec.systems.push({ id: 'x', name: 'Another X' });
    spec.inputs.push({ id: 'defaultOwner', label: 'Owner again', help: 'Again' });
    spec.inputs.push({ id: 'y', label: 'Named like a system', help: 'That is fine' });
    expect(findingsOf(idUnique, spec)).toStrictEqual([
      duplicate('x', '/systems/2', '/systems/2/id'),
      duplicate('defaultOwner', '/inputs/1', '/inputs/1/id'),
    ]);
  });

  it('does not report derived ids, which are unique by position', () => {
    const spec = cleanSpec();
    for (const trigger of firstFlow(spec).triggers) delete trigger.id;
    delete spec.useCases[0].id;
    delete firstFlow(spec).id;
    expect(findingsOf(idUnique, spec)).toStrictEqual([]);
  });

  it('reports an authored id that a derived id already stands for', () => {
    const spec = cleanSpec();
    // The second trigger's derived id is DF-1.TR-2; an outcome authored with that id collides.
    delete firstFlow(spec).triggers[1].id;
    firstFlow(spec).outcomes[0].id = 'DF-1.TR-2';
    expect(findingsOf(idUnique, spec)).toStrictEqual([duplicate('DF-1.TR-2', `${DF1}/outcomes/0`, `${DF1}/outcomes/0/id`)]);
  });

  it('reports a derived id that an authored id already stands for, without pointing at an id key', () => {
    const spec = cleanSpec();
    spec.useCases[0].id = 'UC-2';
    spec.useCases.push({ title: 'No id here', story: 'As a seller, I want x, so that y.', dataFlows: [] });
    expect(findingsOf(idUnique, spec)).toStrictEqual([duplicate('UC-2', '/useCases/1')]);
  });

  it('reports a duplicated data flow id once, not again for the derived ids below it', () => {
    const spec = cleanSpec();
    const copy = structuredClone(firstFlow(spec));
    for (const list of [copy.triggers, copy.outcomes, copy.mappings, copy.tests]) for (const item of list) delete item.id;
    spec.useCases[0].dataFlows.push(copy);
    for (const trigger of firstFlow(spec).triggers) delete trigger.id;
    expect(findingsOf(idUnique, spec)).toStrictEqual([duplicate('DF-1', `${DF1.slice(0, -1)}1`, `${DF1.slice(0, -1)}1/id`)]);
  });
});
