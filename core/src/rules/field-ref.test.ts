import { describe, expect, it } from 'vitest';
import { DF1, cleanSpec, findingFor, findingsOf, firstFlow } from '../../../test/support/rules.js';
import { fieldRef } from './field-ref.js';

const undeclared = findingFor('field-ref', 'error');
const FM2 = `${DF1}/mappings/1`;

describe('field-ref', () => {
  it('finds nothing when every path names a declared field', () => {
    expect(findingsOf(fieldRef, cleanSpec())).toStrictEqual([]);
  });

  it('reports a target field the entity does not declare', () => {
    const spec = cleanSpec();
    firstFlow(spec).mappings[1].target = 'Customer.fistName';
    expect(findingsOf(fieldRef, spec)).toStrictEqual([undeclared('FM-2', FM2, `${FM2}/target`)]);
  });

  it('reports a source field the entity does not declare, then the target', () => {
    const spec = cleanSpec();
    firstFlow(spec).mappings[1].source = 'ConversionEvent.contact.phone';
    firstFlow(spec).mappings[1].target = 'Customer.phone';
    expect(findingsOf(fieldRef, spec)).toStrictEqual([undeclared('FM-2', FM2, `${FM2}/source`), undeclared('FM-2', FM2, `${FM2}/target`)]);
  });

  it('reads every selector as []', () => {
    const spec = cleanSpec();
    const mapping = firstFlow(spec).mappings[1];
    for (const target of ['Customer.addresses[].line1', 'Customer.addresses[2].line1', 'Customer.addresses[type=Home].line1']) {
      mapping.source = 'ConversionEvent.contact.addresses[].line1';
      mapping.target = target;
      expect(findingsOf(fieldRef, spec)).toStrictEqual([]);
    }
    mapping.target = 'Customer.addresses[type=Billing].line2';
    expect(findingsOf(fieldRef, spec)).toStrictEqual([undeclared('FM-2', FM2, `${FM2}/target`)]);
  });

  it('counts a prefix of a declared path as declared, segment by segment', () => {
    const spec = cleanSpec();
    const mapping = firstFlow(spec).mappings[1];
    mapping.source = 'ConversionEvent.contact';
    mapping.target = 'Customer.addresses';
    expect(findingsOf(fieldRef, spec)).toStrictEqual([]);
    mapping.source = 'ConversionEvent.contact.addresses[0]';
    mapping.target = 'Customer.addresses[type=Billing]';
    expect(findingsOf(fieldRef, spec)).toStrictEqual([]);
    mapping.source = 'ConversionEvent.cont';
    mapping.target = 'Customer.address';
    expect(findingsOf(fieldRef, spec)).toStrictEqual([undeclared('FM-2', FM2, `${FM2}/source`), undeclared('FM-2', FM2, `${FM2}/target`)]);
  });

  it('checks only where the entity declares fields', () => {
    const spec = cleanSpec();
    delete spec.systems[1].entities[0].fields;
    spec.systems[0].entities[0].fields = [];
    firstFlow(spec).mappings[1].source = 'ConversionEvent.anything.at.all';
    firstFlow(spec).mappings[1].target = 'Customer.whatever';
    expect(findingsOf(fieldRef, spec)).toStrictEqual([]);
  });

  it('checks nothing where the system declares no entities, or the entity is not declared', () => {
    const spec = cleanSpec();
    delete spec.systems[1].entities;
    firstFlow(spec).mappings[1].target = 'Customer.whatever';
    firstFlow(spec).source.entities.push('Visit');
    firstFlow(spec).mappings[0].source = 'Visit.whatever';
    expect(findingsOf(fieldRef, spec)).toStrictEqual([]);
  });

  it('does not check inside a declared object whose insides are not declared', () => {
    const spec = cleanSpec();
    spec.systems[0].entities[0].fields.push({ path: 'utm', type: 'object' });
    firstFlow(spec).mappings[1].source = 'ConversionEvent.utm.campaign';
    expect(findingsOf(fieldRef, spec)).toStrictEqual([]);
  });

  it('names the derived id of a mapping without one', () => {
    const spec = cleanSpec();
    delete firstFlow(spec).mappings[1].id;
    firstFlow(spec).mappings[1].target = 'Customer.fistName';
    expect(findingsOf(fieldRef, spec)).toStrictEqual([undeclared('DF-1.FM-2', FM2, `${FM2}/target`)]);
  });
});
