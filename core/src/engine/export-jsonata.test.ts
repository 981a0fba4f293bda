import { describe, expect, it } from 'vitest';
import jsonata from 'jsonata';
import { indexSpec, type SpecIndex } from '../model/spec-index.js';
import { compileDataFlows, evaluateDataFlow } from './data-flow.js';
import { dataFlowToJsonata, exportDataFlow } from './export-jsonata.js';
import { exampleSpec } from '../../../test/support/examples.js';
import { readdirSync } from 'node:fs';
import { repoRoot } from '../../../test/support/examples.js';

const flowsOf = (index: SpecIndex) => compileDataFlows(index);

const examples = readdirSync(`${repoRoot}examples`).filter((f) => /\.ya?ml$/.test(f) && f !== 'incomplete-draft.yaml');

describe('dataFlowToJsonata', () => {
  it.each(examples)('yields the same target records as the engine for every test of %s', async (file) => {
    const index = indexSpec(exampleSpec(file));
    let compared = 0;
    for (const flow of flowsOf(index)) {
      const expression = jsonata(dataFlowToJsonata(flow));
      for (const test of flow.element.value.tests) {
        const engine = await evaluateDataFlow(flow, test.given, test.inputs);
        const exported = await expression.evaluate(test.given, { inputs: test.inputs });
        expect(JSON.parse(JSON.stringify(exported)), `${flow.element.id} ${test.id}`).toStrictEqual(engine.records);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(0);
  });

  it('compiles the marketing flow into one readable expression', () => {
    const [flow] = flowsOf(indexSpec(exampleSpec('marketing-to-crm.yaml')));
    const text = dataFlowToJsonata(flow!);
    expect(text).toContain('    "Customer": {\n      "email": ($w := `ConversionEvent`.`contact`.`email`;');
    expect(text).toContain('"kind": "Prospect"');
    expect(text).toContain('$lookup({"form":"Lead","webinar":"Engaged"}, $string($v))');
  });
});

describe('dataFlowToJsonata, as a property', () => {
  it('agrees with the engine on arbitrary conversion events of the marketing flow', async () => {
    const fc = (await import('fast-check')).default;
    const [flow] = flowsOf(indexSpec(exampleSpec('marketing-to-crm.yaml')));
    const expression = jsonata(dataFlowToJsonata(flow!));
    const text = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('form', 'webinar', 'download', '42', 'true'));
    const scalar = fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null));
    const address = fc.record({ line1: scalar, zip: scalar }, { requiredKeys: [] });
    const event = fc.record(
      {
        id: text,
        type: scalar,
        contact: fc.record({ email: scalar, firstName: scalar, addresses: fc.array(address, { maxLength: 3 }) }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    );
    const inputs = fc.record({ defaultOwner: fc.oneof(text, fc.integer()) }, { requiredKeys: [] });
    await fc.assert(
      fc.asyncProperty(event, inputs, async (ConversionEvent, given) => {
        const records = { ConversionEvent };
        const engine = await evaluateDataFlow(flow!, records, given);
        // The engine leaves out what does not convert; so does the export, for these types.
        const exported = JSON.parse(JSON.stringify((await expression.evaluate(records, { inputs: given })) ?? null));
        const typeProblems = engine.problems.filter((p) => p.code === 'type');
        if (typeProblems.length === 0) expect(exported).toStrictEqual(engine.records);
      }),
      { numRuns: 150 },
    );
  });
});

/** An order → invoice flow whose transforms and lookups run per element of items[] (and of items[].tags[]). */
const PER_ELEMENT_FLOW = {
  specwright: 1,
  id: 'per-element',
  title: 'Per element',
  systems: [
    { id: 'shop', entities: [{ name: 'Order', fields: [{ path: 'items[].price', type: 'number' }, { path: 'items[].kind', type: 'string' }, { path: 'items[].sku', type: 'string' }, { path: 'items[].tags[].name', type: 'string' }] }] },
    {
      id: 'erp',
      entities: [
        {
          name: 'Invoice',
          fields: [
            { path: 'total', type: 'number' },
            { path: 'lines[].amount', type: 'number' },
            { path: 'lines[].band', type: 'string' },
            { path: 'lines[].code', type: 'string' },
            { path: 'lines[].label', type: 'string' },
            { path: 'lines[].sku', type: 'string' },
            { path: 'lines[].tagList', type: 'string' },
            { path: 'lines[].tags[].t', type: 'string' },
            { path: 'prices[]', type: 'number' },
            { path: 'lines[].tagNames[]', type: 'string' },
          ],
        },
      ],
    },
  ],
  inputs: [{ id: 'band', type: 'string', default: 'normal' }],
  useCases: [
    {
      id: 'UC-1',
      dataFlows: [
        {
          id: 'DF-1',
          source: { system: 'shop', entities: ['Order'] },
          target: { system: 'erp', entities: ['Invoice'] },
          mappings: [
            { id: 'FM-1', target: 'Invoice.total', transform: '$sum(Order.items.price)' },
            { id: 'FM-2', target: 'Invoice.lines[].amount', source: 'Order.items[].price', transform: '$source * (Order.factor ? Order.factor : 1)' },
            { id: 'FM-3', target: 'Invoice.lines[].band', source: 'Order.items[].price', transform: '$source > 10 ? "high" : $inputs.band' },
            { id: 'FM-4', target: 'Invoice.lines[].code', source: 'Order.items[].kind', lookup: { a: 'A', b: 'B' }, default: 'X' },
            { id: 'FM-5', target: 'Invoice.lines[].label', source: 'Order.items[].kind', transform: '$uppercase($source)', lookup: { A: 'Alpha' } },
            { id: 'FM-6', target: 'Invoice.lines[].sku', source: 'Order.items[].sku' },
            { id: 'FM-7', target: 'Invoice.lines[].tagList', source: 'Order.items[].tags[].name', transform: '$join($source, ",")' },
            { id: 'FM-8', target: 'Invoice.lines[].tags[].t', source: 'Order.items[].tags[].name', transform: '$source & "!"' },
            { id: 'FM-9', target: 'Invoice.prices[]', source: 'Order.items[].price', transform: '$source < 20 ? $source * 2' },
            { id: 'FM-10', target: 'Invoice.lines[].tagNames[]', source: 'Order.items[].tags[].name' },
          ],
        },
      ],
    },
  ],
};

describe('dataFlowToJsonata, per-element transforms and lookups', () => {
  const [flow] = flowsOf(indexSpec(PER_ELEMENT_FLOW));
  const expression = jsonata(dataFlowToJsonata(flow!));
  const both = async (Order: unknown, inputs: Record<string, unknown> = {}) => {
    const records = { Order };
    const engine = await evaluateDataFlow(flow!, records, inputs);
    const exported = JSON.parse(JSON.stringify((await expression.evaluate(records, { inputs })) ?? null));
    return { engine, exported };
  };

  it('computes each line from its own item, as the engine does', async () => {
    const { engine, exported } = await both({ factor: 2, items: [{ price: 5, kind: 'a', sku: 's1', tags: [{ name: 'x' }, {}, { name: 'y' }] }, { kind: 'c' }, { price: 20, kind: 'b', tags: [] }] }, { band: 'low' });
    expect(engine.problems).toStrictEqual([]);
    expect(engine.records).toStrictEqual({
      Invoice: {
        total: 25,
        lines: [
          { amount: 10, band: 'low', code: 'A', label: 'Alpha', sku: 's1', tagList: 'x,y', tags: [{ t: 'x!' }, {}, { t: 'y!' }], tagNames: ['x', null, 'y'] },
          { code: 'X', label: 'C' },
          { amount: 40, band: 'high', code: 'B', label: 'B', tagList: '', tags: [], tagNames: [] },
        ],
        // The second item has no price, the third one too high a price: no value, kept as null only before a value.
        prices: [10],
      },
    });
    expect(exported).toStrictEqual(engine.records);
  });

  it('agrees with the engine on arbitrary orders', async () => {
    const fc = (await import('fast-check')).default;
    const tag = fc.record({ name: fc.string({ maxLength: 3 }) }, { requiredKeys: [] });
    const item = fc.record(
      { price: fc.integer({ min: 0, max: 30 }), kind: fc.constantFrom('a', 'b', 'c', 'A'), sku: fc.string({ maxLength: 4 }), tags: fc.array(tag, { maxLength: 3 }) },
      { requiredKeys: [] },
    );
    const order = fc.record({ factor: fc.integer({ min: 0, max: 3 }), items: fc.array(item, { maxLength: 4 }) }, { requiredKeys: [] });
    const inputs = fc.record({ band: fc.constantFrom('low', 'mid') }, { requiredKeys: [] });
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(order, inputs, async (Order, given) => {
        const { engine, exported } = await both(Order, given);
        if (engine.problems.some((p) => p.code === 'type')) return;
        expect(engine.problems).toStrictEqual([]);
        expect(exported).toStrictEqual(engine.records);
        compared++;
      }),
      { numRuns: 200 },
    );
    expect(compared).toBeGreaterThan(100);
  });
});

describe('entity names that are not JSONata names', () => {
  const spec = {
    specwright: 1,
    id: 'users',
    title: 'Users',
    systems: [{ id: 'gh' }, { id: 'crm' }],
    useCases: [
      {
        id: 'UC-1',
        dataFlows: [
          {
            id: 'DF-1',
            source: { system: 'gh', entities: ['simple-user'] },
            target: { system: 'crm', entities: ['crm-contact'] },
            mappings: [
              { id: 'FM-1', target: 'crm-contact.handle', source: 'simple-user.login' },
              { id: 'FM-2', target: 'crm-contact.name', transform: '$uppercase(`simple-user`.name)' },
              { id: 'FM-3', target: 'crm-contact.emails[].address', source: 'simple-user.emails[].email', transform: '$source & " (" & `simple-user`.login & ")"' },
            ],
          },
        ],
      },
    ],
  };

  it('run in backticks in the engine and in the exported JSONata, which quotes them itself', async () => {
    const [flow] = flowsOf(indexSpec(spec));
    const given = { 'simple-user': { login: 'octo', name: 'Octo Cat', emails: [{ email: 'o@c.at' }, {}] } };
    const engine = await evaluateDataFlow(flow!, given, {});
    expect(engine.problems).toStrictEqual([]);
    expect(engine.records).toStrictEqual({ 'crm-contact': { handle: 'octo', name: 'OCTO CAT', emails: [{ address: 'o@c.at (octo)' }, {}] } });
    const text = dataFlowToJsonata(flow!);
    expect(text).toContain('`simple-user`.`login`');
    expect(text).toContain('"crm-contact": {');
    expect(JSON.parse(JSON.stringify(await jsonata(text).evaluate(given, { inputs: {} })))).toStrictEqual(engine.records);
  });
});

describe('dataFlowToJsonata, [key=value] selectors', () => {
  const spec = {
    specwright: 1,
    id: 'contacts',
    title: 'Contacts',
    systems: [{ id: 'shop' }, { id: 'crm' }],
    useCases: [
      {
        id: 'UC-1',
        dataFlows: [
          {
            id: 'DF-1',
            source: { system: 'shop', entities: ['Order'] },
            target: { system: 'crm', entities: ['Deal'] },
            mappings: [
              { id: 'FM-1', target: 'Deal.billingEmail', source: 'Order.contacts[role=Billing].email' },
              { id: 'FM-2', target: 'Deal.firstNullRole', source: 'Order.contacts[role=null].email' },
              { id: 'FM-3', target: 'Deal.seat', source: 'Order.contacts[seat=3].email' },
            ],
          },
        ],
      },
    ],
  };

  it('picks the element the engine picks: a scalar key reading as the value; null, objects and lists never match', async () => {
    const [flow] = flowsOf(indexSpec(spec));
    const expression = jsonata(dataFlowToJsonata(flow!));
    const contacts = [
      { role: null, seat: [3], email: 'null-role@x' },
      { role: { name: 'Billing' }, seat: '3', email: 'object-role@x' },
      { role: 'Billing', seat: 3, email: 'billing@x' },
      { role: 'null', email: 'text-null@x' },
    ];
    const given = { Order: { contacts } };
    const engine = await evaluateDataFlow(flow!, given, {});
    expect(engine.records).toStrictEqual({ Deal: { billingEmail: 'billing@x', firstNullRole: 'text-null@x', seat: 'object-role@x' } });
    expect(JSON.parse(JSON.stringify(await expression.evaluate(given, { inputs: {} })))).toStrictEqual(engine.records);
  });
});

describe('exportDataFlow', () => {
  it('leaves out the mappings it cannot export, naming each with its reason, and exports the rest', async () => {
    const index = indexSpec({
      specwright: 1,
      id: 'skips',
      title: 'Skips',
      systems: [{ id: 's' }, { id: 't' }],
      useCases: [
        {
          id: 'UC-1',
          dataFlows: [
            {
              id: 'DF-1',
              source: { system: 's', entities: ['S'] },
              target: { system: 't', entities: ['T'] },
              mappings: [
                { id: 'FM-1', target: 'T.a', source: 'S.a' },
                { id: 'FM-2', target: 'T.b', source: 'S.we`ird' },
                { id: 'FM-3', target: 'T.c', transform: 'S.a +' },
                { id: 'FM-4', target: 'T.d[', source: 'S.a' },
              ],
            },
          ],
        },
      ],
    });
    const [flow] = flowsOf(index);
    const { expression, skipped } = exportDataFlow(flow!);
    expect(skipped.map((s) => [s.mapping.id, s.reason])).toStrictEqual([
      ['FM-2', 'its source names "we`ird", which contains a backtick that JSONata cannot quote'],
      ['FM-3', expect.stringMatching(/^its transform is not valid JSONata: /)],
      ['FM-4', expect.stringMatching(/^its target "T\.d\[" /)],
    ]);
    for (const id of ['FM-2', 'FM-3', 'FM-4']) expect(expression).toMatch(new RegExp(`^/\\* ${id} \\(target [^)]+\\) is not exported: .+ \\*/$`, 'm'));
    expect(JSON.parse(JSON.stringify(await jsonata(expression).evaluate({ S: { a: 1, 'we`ird': 2 } }, { inputs: {} })))).toStrictEqual({ T: { a: 1 } });
    expect(dataFlowToJsonata(flow!)).toBe(expression);
  });
});
