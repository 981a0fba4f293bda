import { describe, expect, it } from 'vitest';
import { DF1, cleanSpec, findingFor, findingsOf, firstFlow } from '../../../test/support/rules.js';
import { entityRef } from './entity-ref.js';

const undeclared = findingFor('entity-ref', 'error');

describe('entity-ref', () => {
  it('finds nothing when every entity is declared and every path starts with one', () => {
    expect(findingsOf(entityRef, cleanSpec())).toStrictEqual([]);
  });

  it('reports a data flow entity its system does not declare', () => {
    const spec = cleanSpec();
    firstFlow(spec).source.entities.push('FormSubmission');
    firstFlow(spec).target.entities = ['Lead', 'Customer'];
    expect(findingsOf(entityRef, spec)).toStrictEqual([
      undeclared('DF-1', DF1, `${DF1}/source/entities/1`),
      undeclared('DF-1', DF1, `${DF1}/target/entities/0`),
    ]);
  });

  it('checks data flow entities only where the system declares entities', () => {
    const spec = cleanSpec();
    delete spec.systems[0].entities;
    spec.systems[1].entities = [];
    firstFlow(spec).source.entities.push('FormSubmission');
    firstFlow(spec).target.entities.push('Lead');
    expect(findingsOf(entityRef, spec)).toStrictEqual([]);
  });

  it('reports a mapping source that starts with an entity the data flow does not read', () => {
    const spec = cleanSpec();
    firstFlow(spec).mappings[0].source = 'Contact.email';
    expect(findingsOf(entityRef, spec)).toStrictEqual([undeclared('FM-1', `${DF1}/mappings/0`, `${DF1}/mappings/0/source`)]);
  });

  it('reports a mapping target that starts with an entity the data flow does not write', () => {
    const spec = cleanSpec();
    firstFlow(spec).mappings[1].target = 'Lead.firstName';
    expect(findingsOf(entityRef, spec)).toStrictEqual([undeclared('FM-2', `${DF1}/mappings/1`, `${DF1}/mappings/1/target`)]);
  });

  it('does not let a source path start with a target entity, or the reverse', () => {
    const spec = cleanSpec();
    firstFlow(spec).mappings[0].source = 'Customer.email';
    firstFlow(spec).mappings[0].target = 'ConversionEvent.contact.email';
    expect(findingsOf(entityRef, spec)).toStrictEqual([
      undeclared('FM-1', `${DF1}/mappings/0`, `${DF1}/mappings/0/source`),
      undeclared('FM-1', `${DF1}/mappings/0`, `${DF1}/mappings/0/target`),
    ]);
  });

  it('checks mapping paths against the data flow even where the system declares no entities', () => {
    const spec = cleanSpec();
    delete spec.systems[0].entities;
    firstFlow(spec).mappings[0].source = 'Contact.email';
    expect(findingsOf(entityRef, spec)).toStrictEqual([undeclared('FM-1', `${DF1}/mappings/0`, `${DF1}/mappings/0/source`)]);
  });

  it('leaves mapping paths alone when the data flow names no entities (data-flow-entities reports that)', () => {
    const spec = cleanSpec();
    firstFlow(spec).source.entities = [];
    firstFlow(spec).mappings[0].source = 'Contact.email';
    expect(findingsOf(entityRef, spec)).toStrictEqual([]);
  });

  it('names the derived id of a mapping without one', () => {
    const spec = cleanSpec();
    delete firstFlow(spec).mappings[2].id;
    firstFlow(spec).mappings[2].target = 'Account.addresses[type=Billing].line1';
    expect(findingsOf(entityRef, spec)).toStrictEqual([undeclared('DF-1.FM-3', `${DF1}/mappings/2`, `${DF1}/mappings/2/target`)]);
  });
});
