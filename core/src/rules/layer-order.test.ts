import { describe, expect, it } from 'vitest';
import { SPEC, UC1, cleanSpec, findingFor, findingsOf } from '../../../test/support/rules.js';
import { layerOrder } from './layer-order.js';

const outOfOrder = findingFor('layer-order', 'warn');

describe('layer-order', () => {
  it('finds nothing when each layer has the one above it', () => {
    expect(findingsOf(layerOrder, cleanSpec())).toStrictEqual([]);
  });

  it('warns about use cases without a business case summary, about the spec', () => {
    const spec = cleanSpec();
    spec.businessCase.summary = ' ';
    expect(findingsOf(layerOrder, spec)).toStrictEqual([outOfOrder('x-marketing-to-y-crm', SPEC, '/businessCase/summary')]);
    delete spec.businessCase;
    expect(findingsOf(layerOrder, spec)).toStrictEqual([outOfOrder('x-marketing-to-y-crm', SPEC, '/businessCase/summary')]);
  });

  it('says nothing about a missing summary while there are no use cases', () => {
    const spec = cleanSpec();
    delete spec.businessCase.summary;
    spec.useCases = [];
    expect(findingsOf(layerOrder, spec)).toStrictEqual([]);
  });

  it('warns about a use case with data flows but no story, about the use case', () => {
    const spec = cleanSpec();
    delete spec.useCases[0].story;
    expect(findingsOf(layerOrder, spec)).toStrictEqual([outOfOrder('UC-1', UC1, `${UC1}/story`)]);
  });

  it('says nothing about a missing story while the use case has no data flows', () => {
    const spec = cleanSpec();
    delete spec.useCases[0].story;
    spec.useCases[0].dataFlows = [];
    expect(findingsOf(layerOrder, spec)).toStrictEqual([]);
  });

  it('reports both layers, the spec first, and names derived use case ids', () => {
    const spec = cleanSpec();
    delete spec.businessCase.summary;
    delete spec.useCases[0].story;
    delete spec.useCases[0].id;
    expect(findingsOf(layerOrder, spec)).toStrictEqual([
      outOfOrder('x-marketing-to-y-crm', SPEC, '/businessCase/summary'),
      outOfOrder('UC-1', UC1, `${UC1}/story`),
    ]);
  });
});
