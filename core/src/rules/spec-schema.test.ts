import { describe, expect, it } from 'vitest';
import { DF1, SPEC, UC1, checkSpec, cleanSpec, findingFor, findingsOf, firstFlow } from '../../../test/support/rules.js';
import { specSchema } from './spec-schema.js';
import { MAX_ISSUES_PER_ELEMENT } from '../model/schema.js';
import { loadSource } from '../load/load-source.js';

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

  it('names a long key by how it starts and its length, not all of it', () => {
    const spec = cleanSpec();
    spec[`k${'e'.repeat(100_000)}`] = 1;
    expect(checkSpec(spec, { rules: [specSchema] }).map((f) => f.message)).toStrictEqual([
      `\`k${'e'.repeat(59)}…\` (a key of 100,001 characters) is not a key this format names; remove it, fix its spelling, or prefix it with \`x-\` to keep it as an extension`,
    ]);
  });

  describe('keys named after what every object inherits', () => {
    const NAMES = ['__proto__', 'constructor', 'prototype'];
    /** A document as the loaders give it: those names as own keys (JSON.parse and js-yaml both keep them so). */
    const withKeys = (spec: Record<string, any>, at: (spec: Record<string, any>) => object) => {
      for (const name of NAMES) Object.defineProperty(at(spec), name, { value: { polluted: true }, enumerable: true, writable: true, configurable: true });
      return spec;
    };

    it.each([
      ['the spec', (spec: Record<string, any>) => spec, 'x-marketing-to-y-crm', SPEC, ''],
      ['a mapping', (spec: Record<string, any>) => firstFlow(spec).mappings[0], 'FM-1', `${DF1}/mappings/0`, `${DF1}/mappings/0`],
      ['a field', (spec: Record<string, any>) => spec.systems[0].entities[0].fields[0], 'x', '/systems/0', '/systems/0/entities/0/fields/0'],
      ['a retry', (spec: Record<string, any>) => firstFlow(spec).outcomes[2].retry, 'OC-3', `${DF1}/outcomes/2`, `${DF1}/outcomes/2/retry`],
    ] as const)('are unknown keys in %s, like any other', (_where, at, id, path, holder) => {
      const spec = withKeys(cleanSpec(), at);
      expect(findingsOf(specSchema, spec)).toStrictEqual(NAMES.map((name) => schemaFinding(id, path, `${holder}/${name}`)));
      expect(checkSpec(spec).filter((f) => f.rule === 'spec-schema').map((f) => f.message)).toStrictEqual(
        NAMES.map((name) => `\`${name}\` is not a key this format names; remove it, fix its spelling, or prefix it with \`x-\` to keep it as an extension`),
      );
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    });

    it('are keys like any other in records (given, expect, lookup), which name no keys', () => {
      const spec = cleanSpec();
      withKeys(spec, (s) => firstFlow(s).tests[0].given.ConversionEvent);
      withKeys(spec, (s) => firstFlow(s).mappings[5].lookup);
      expect(findingsOf(specSchema, spec)).toStrictEqual([]);
    });

    it('are reported as the YAML and JSON loaders give them', () => {
      for (const [text, format] of [
        ['specwright: 1\n__proto__: {polluted: true}\nconstructor: 1\n', 'yaml'],
        ['{"specwright": 1, "__proto__": {"polluted": true}, "constructor": 1}', 'json'],
      ] as const) {
        const loaded = loadSource(text, format);
        if (!loaded.ok) throw new Error(loaded.message);
        expect(checkSpec(loaded.value).filter((f) => f.rule === 'spec-schema').map((f) => f.valuePath)).toStrictEqual(['/id', '/title', '/systems', '/__proto__', '/constructor']);
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      }
    });
  });

  describe(`lists at most ${MAX_ISSUES_PER_ELEMENT} problems of an element, and counts the rest`, () => {
    const messages = (spec: unknown) => checkSpec(spec, { rules: [specSchema] }).map((f) => f.message);

    it('a million unknown keys in the spec give the first hundred and a count', () => {
      const spec = cleanSpec();
      for (let i = 0; i < 1_000_000; i++) spec[`k${i}`] = i;
      const found = findingsOf(specSchema, spec);
      expect(found).toHaveLength(MAX_ISSUES_PER_ELEMENT + 1);
      expect(found.slice(0, 2)).toStrictEqual([schemaFinding('x-marketing-to-y-crm', SPEC, '/k0'), schemaFinding('x-marketing-to-y-crm', SPEC, '/k1')]);
      expect(found.at(-1)).toStrictEqual(schemaFinding('x-marketing-to-y-crm', SPEC));
      expect(messages(spec).at(-1)).toBe(
        '… and 999,900 more unknown keys here (only the first 100 problems of an element are listed); remove the keys the format does not name, or prefix them with `x-` to keep them as extensions',
      );
    });

    it('counts wrong items of a list and unknown keys of the objects inside the element, and leaves other elements their own budget', () => {
      const spec = cleanSpec();
      spec.useCases[0].stakeholders = Array.from({ length: 150 }, (_, i) => i);
      firstFlow(spec).mappings[0].sorce = 'x'; // a mapping inside the use case: its own element
      spec.systems[0].entities[0].fields = Array.from({ length: 300 }, (_, i) => ({ path: `f${i}`, typ: 'string' }));
      const found = checkSpec(spec, { rules: [specSchema] });
      const about = (id: string) => found.filter((f) => f.id === id).map((f) => f.message);
      expect(about('x')).toHaveLength(101);
      expect(about('x').at(-1)).toMatch(/^… and 200 more unknown keys here/);
      expect(about('UC-1')).toHaveLength(101);
      expect(about('UC-1').at(-1)).toBe('… and 50 more problems here (only the first 100 problems of an element are listed)');
      expect(about('FM-1')).toStrictEqual(['`sorce` is not a key this format names; remove it, fix its spelling, or prefix it with `x-` to keep it as an extension']);
    });

    it('every element keeps its findings: a thousand mappings with an unknown key each give a thousand findings', () => {
      const spec = cleanSpec();
      const flow = firstFlow(spec);
      flow.mappings = Array.from({ length: 1000 }, (_, i) => ({ id: `FM-${i + 1}`, target: 'Customer.kind', constant: 'a', sorce: 'x' }));
      expect(findingsOf(specSchema, spec)).toStrictEqual(flow.mappings.map((_: unknown, i: number) => schemaFinding(`FM-${i + 1}`, `${DF1}/mappings/${i}`, `${DF1}/mappings/${i}/sorce`)));
    });
  });
});
