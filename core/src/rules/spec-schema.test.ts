import { describe, expect, it } from 'vitest';
import { DF1, SPEC, UC1, checkSpec, cleanSpec, findingFor, findingsOf, firstFlow } from '../../../test/support/rules.js';
import { specSchema } from './spec-schema.js';

const schemaFinding = findingFor('spec-schema', 'error');

describe('spec-schema', () => {
  it('accepts the complete example', () => {
    expect(findingsOf(specSchema, cleanSpec())).toStrictEqual([]);
  });

  it('reports a key the format does not name, about the element that holds it', () => {
    const spec = cleanSpec();
    firstFlow(spec).mappings[0].sorce = 'ConversionEvent.contact.email';
    expect(findingsOf(specSchema, spec)).toStrictEqual([schemaFinding('FM-1', `${DF1}/mappings/0`, `${DF1}/mappings/0/sorce`)]);
  });

  it('reports an unknown key at the top about the spec', () => {
    const spec = cleanSpec();
    spec.colour = 'blue';
    expect(findingsOf(specSchema, spec)).toStrictEqual([schemaFinding('x-marketing-to-y-crm', SPEC, '/colour')]);
  });

  it('reports every unknown key of an object, not only the first', () => {
    const spec = cleanSpec();
    Object.assign(firstFlow(spec).triggers[0], { evnt: 'a', shedule: 'b' });
    expect(findingsOf(specSchema, spec)).toStrictEqual([
      schemaFinding('TR-1', `${DF1}/triggers/0`, `${DF1}/triggers/0/evnt`),
      schemaFinding('TR-1', `${DF1}/triggers/0`, `${DF1}/triggers/0/shedule`),
    ]);
  });

  it('allows keys that start with x- anywhere', () => {
    const spec = cleanSpec();
    spec['x-jira'] = 'INT-42';
    spec.businessCase['x-approved-by'] = { name: 'Dana' };
    spec.systems[0].entities[0].fields[0]['x-pii'] = true;
    spec.useCases[0]['x-priority'] = 1;
    firstFlow(spec)['x-owner'] = 'team-a';
    firstFlow(spec).mappings[0]['x-note'] = null;
    firstFlow(spec).outcomes[2].retry['x-jitter'] = true;
    firstFlow(spec).tests[3].expectErrors[0]['x-why'] = 'the owner is required';
    expect(findingsOf(specSchema, spec)).toStrictEqual([]);
  });

  it('still reports an unknown key that comes after an x- key', () => {
    const spec = cleanSpec();
    firstFlow(spec).mappings[0] = { 'x-note': 'kept', ...firstFlow(spec).mappings[0], sorce: 'ConversionEvent.id' };
    expect(findingsOf(specSchema, spec)).toStrictEqual([schemaFinding('FM-1', `${DF1}/mappings/0`, `${DF1}/mappings/0/sorce`)]);
  });

  it('reports a value of the wrong type', () => {
    const spec = cleanSpec();
    spec.useCases[0].stakeholders = 'Sales';
    firstFlow(spec).outcomes[2].retry.maxAttempts = 'five';
    expect(findingsOf(specSchema, spec)).toStrictEqual([
      schemaFinding('UC-1', UC1, `${UC1}/stakeholders`),
      schemaFinding('OC-3', `${DF1}/outcomes/2`, `${DF1}/outcomes/2/retry/maxAttempts`),
    ]);
  });

  it('reports a value outside its enum', () => {
    const spec = cleanSpec();
    spec.status = 'final';
    firstFlow(spec).outcomes[1].action = 'page-someone';
    expect(findingsOf(specSchema, spec)).toStrictEqual([
      schemaFinding('x-marketing-to-y-crm', SPEC, '/status'),
      schemaFinding('OC-2', `${DF1}/outcomes/1`, `${DF1}/outcomes/1/action`),
    ]);
  });

  it('reports an unknown trigger type, which trigger-details then leaves alone', () => {
    const spec = cleanSpec();
    firstFlow(spec).triggers[0].type = 'webhook';
    expect(checkSpec(spec).map(({ rule, id, valuePath }) => ({ rule, id, valuePath }))).toStrictEqual([
      { rule: 'spec-schema', id: 'TR-1', valuePath: `${DF1}/triggers/0/type` },
    ]);
  });

  it('reports a required key that no other rule covers', () => {
    const spec = cleanSpec();
    delete spec.title;
    delete firstFlow(spec).triggers[1].type;
    delete firstFlow(spec).mappings[4].target;
    expect(findingsOf(specSchema, spec)).toStrictEqual([
      schemaFinding('x-marketing-to-y-crm', SPEC, '/title'),
      schemaFinding('TR-2', `${DF1}/triggers/1`, `${DF1}/triggers/1/type`),
      schemaFinding('FM-5', `${DF1}/mappings/4`, `${DF1}/mappings/4/target`),
    ]);
  });

  it('reports a mapping, field or expected-error path that is not a field path', () => {
    const spec = cleanSpec();
    firstFlow(spec).mappings[0].target = 'Customer..email';
    firstFlow(spec).mappings[1].source = '[0].firstName';
    spec.systems[0].entities[0].fields[0].path = 'id[';
    firstFlow(spec).tests[2].expectErrors[0].path = 'Customer.email[x';
    expect(findingsOf(specSchema, spec)).toStrictEqual([
      schemaFinding('x', '/systems/0', '/systems/0/entities/0/fields/0/path'),
      schemaFinding('FM-1', `${DF1}/mappings/0`, `${DF1}/mappings/0/target`),
      schemaFinding('FM-2', `${DF1}/mappings/1`, `${DF1}/mappings/1/source`),
      schemaFinding('TC-3', `${DF1}/tests/2`, `${DF1}/tests/2/expectErrors/0/path`),
    ]);
    const messages = checkSpec(spec).filter((f) => f.rule === 'spec-schema').map((f) => f.message);
    expect(messages[1]).toBe('`target` is not a field path (cannot read a field name at ".email"); write it as Entity.field.sub, with [] / [3] / [key=value] selectors');
  });

  it('reports fewer than two systems', () => {
    const spec = cleanSpec();
    spec.systems.pop();
    expect(findingsOf(specSchema, spec)).toStrictEqual([schemaFinding('x-marketing-to-y-crm', SPEC, '/systems')]);
  });

  it('reports a problem inside a system or business case about the nearest element', () => {
    const spec = cleanSpec();
    spec.businessCase.value[0].benefits = 'typo';
    spec.systems[0].entities[0].fields[0].type = 'text';
    expect(findingsOf(specSchema, spec)).toStrictEqual([
      schemaFinding('x-marketing-to-y-crm', SPEC, '/businessCase/value/0/benefits'),
      schemaFinding('x', '/systems/0', '/systems/0/entities/0/fields/0/type'),
    ]);
  });

  it('names the derived id of an element whose id was left out', () => {
    const spec = cleanSpec();
    delete firstFlow(spec).mappings[1].id;
    firstFlow(spec).mappings[1].sorce = 'x';
    expect(findingsOf(specSchema, spec)).toStrictEqual([schemaFinding('DF-1.FM-2', `${DF1}/mappings/1`, `${DF1}/mappings/1/sorce`)]);
  });

  describe('leaves a missing value that a rule covers to that rule', () => {
    const onlyRuleFindings = (spec: Record<string, any>) => checkSpec(spec).map(({ rule, id }) => `${rule} ${id}`);
    const expected = [
      'business-case-summary x-marketing-to-y-crm',
      'layer-order x-marketing-to-y-crm',
      'use-case-story UC-1',
      'layer-order UC-1',
      'trigger-details TR-1',
    ];

    it('when the key is left out', () => {
      const spec = cleanSpec();
      delete spec.businessCase.summary;
      delete spec.useCases[0].story;
      delete firstFlow(spec).triggers[0].event;
      expect(onlyRuleFindings(spec)).toStrictEqual(expected);
    });

    it('when the key is written with no value (YAML `summary:`, read as null)', () => {
      const spec = cleanSpec();
      spec.businessCase.summary = null;
      spec.useCases[0].story = null;
      firstFlow(spec).triggers[0].event = null;
      expect(onlyRuleFindings(spec)).toStrictEqual(expected);
    });

    it('when it is empty', () => {
      const spec = cleanSpec();
      spec.businessCase.summary = '';
      spec.useCases[0].story = ' ';
      firstFlow(spec).triggers[0].event = '';
      expect(onlyRuleFindings(spec)).toStrictEqual(expected);
    });

    it('for the lists and details of the lower layers', () => {
      const spec = cleanSpec();
      delete spec.inputs[0].label;
      delete firstFlow(spec).source.entities;
      delete firstFlow(spec).outcomes[1].action;
      firstFlow(spec).mappings[4] = { id: 'FM-5', target: 'Customer.kind' };
      expect(findingsOf(specSchema, spec)).toStrictEqual([]);
      spec.businessCase = null;
      spec.useCases = null;
      expect(findingsOf(specSchema, spec)).toStrictEqual([]);
    });
  });
});
