import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexSpec } from '../model/spec-index.js';
import { compileDataFlows, evaluateDataFlow } from './data-flow.js';

type MappingFields = { transform?: string; source?: string; target?: string; lookup?: Record<string, unknown>; default?: unknown; input?: string };

/** A flow whose transforms the engine runs as one expression when it tracks no branches. */
function flowWith(transforms: MappingFields[], inputs: { id: string; type?: string }[] = []) {
  const index = indexSpec({
    specwright: 1,
    id: 'batch',
    title: 'Batch',
    systems: [{ id: 's' }, { id: 't' }],
    inputs,
    useCases: [
      {
        id: 'UC-1',
        dataFlows: [
          {
            id: 'DF-1',
            source: { system: 's', entities: ['S'] },
            target: { system: 't', entities: ['T'] },
            mappings: transforms.map((m, i) => ({ id: `FM-${i}`, target: `T.f${i}`, ...m })),
          },
        ],
      },
    ],
  });
  return compileDataFlows(index)[0]!;
}

const TRANSFORMS = [
  { transform: 'S.a > 1 ? S.a * 2 : "small"' },
  { transform: '$uppercase(S.b) & "-" & $string($inputs.n)' },
  { transform: '$substring($source, 0, 2)', source: 'S.b' },
  { transform: 'S.missing' },
  { transform: '$source ? "yes" : "no"', source: 'S.flag' },
  { transform: 'S.items.(qty * price)' },
  { transform: '$count(S.items) = 1 ? S.items[0].qty : S.items.qty' },
  // Per element: run outside the batch, once per element of S.items.
  { transform: '$source * 2 + $count(S.items)', source: 'S.items[].qty', target: 'T.lines[].double' },
  { transform: '$source > 4 ? "dear" : $inputs.n', source: 'S.items[].price', target: 'T.lines[].band' },
];

describe('evaluateDataFlow, with the transforms run as one expression', () => {
  it('gives the same records and problems as running them one by one', async () => {
    const flow = flowWith(TRANSFORMS);
    const item = fc.record({ qty: fc.integer({ min: 0, max: 5 }), price: fc.integer({ min: 0, max: 9 }) });
    const record = fc.record({ a: fc.oneof(fc.integer(), fc.string()), b: fc.string({ maxLength: 6 }), flag: fc.boolean(), items: fc.array(item, { maxLength: 3 }) }, { requiredKeys: [] });
    await fc.assert(
      fc.asyncProperty(record, fc.integer(), async (S, n) => {
        const batched = await evaluateDataFlow(flow, { S }, { n });
        const oneByOne = await evaluateDataFlow(flow, { S }, { n }, new Map()); // tracking branches runs them singly
        expect(batched.records).toStrictEqual(oneByOne.records);
        expect(batched.problems).toStrictEqual(oneByOne.problems);
        expect(batched.unwritten).toStrictEqual(oneByOne.unwritten);
      }),
      { numRuns: 200 },
    );
  });

  it('falls back to one at a time when one transform fails, and blames only that one', async () => {
    const flow = flowWith([{ transform: 'S.a + 1' }, { transform: 'S.b + 1' }, { transform: '$uppercase(S.b)' }]);
    const run = await evaluateDataFlow(flow, { S: { a: 1, b: 'x' } }, {});
    expect(run.records).toStrictEqual({ T: { f0: 2, f2: 'X' } });
    expect(run.problems.map((p) => [p.code, 'mapping' in p ? p.mapping : undefined])).toStrictEqual([['transform', 'FM-1']]);
  });
});

describe('evaluateDataFlow, a transform from a[].x to b[].y', () => {
  const run = (mappings: MappingFields[], given: Record<string, unknown>, inputs: Record<string, unknown> = {}, taken?: Map<string, Set<string>>) =>
    evaluateDataFlow(flowWith(mappings, [{ id: 'rate', type: 'number' }]), given, inputs, taken);

  it('runs once per element: $source is the element value, the result goes to the same element', async () => {
    const { records, problems } = await run([{ source: 'S.items[].price', target: 'T.lines[].amount', transform: '$source * 10' }], { S: { items: [{ price: 1 }, { price: 2 }, { price: 3 }] } });
    expect(problems).toStrictEqual([]);
    expect(records).toStrictEqual({ T: { lines: [{ amount: 10 }, { amount: 20 }, { amount: 30 }] } });
  });

  it('keeps positions and length where an element lacks the value, as a direct element-wise mapping does', async () => {
    const given = { S: { items: [{ price: 1 }, { sku: 'b' }, { price: 3 }, {}] } };
    const perElement = await run([{ source: 'S.items[].price', target: 'T.lines[].amount', transform: '$source * 10' }], given);
    expect(perElement.records).toStrictEqual({ T: { lines: [{ amount: 10 }, {}, { amount: 30 }, {}] } });
    const direct = await run([{ source: 'S.items[].price', target: 'T.lines[].amount' }], given);
    expect(direct.records).toStrictEqual({ T: { lines: [{ amount: 1 }, {}, { amount: 3 }, {}] } });
    // An element whose transform gives no value writes nothing there either.
    const some = await run([{ source: 'S.items[].price', target: 'T.lines[].amount', transform: '$source > 1 ? $source' }], { S: { items: [{ price: 1 }, { price: 2 }] } });
    expect(some.records).toStrictEqual({ T: { lines: [{}, { amount: 2 }] } });
  });

  it('keeps the whole source records as the input document, and $inputs bound', async () => {
    const { records } = await run(
      [{ source: 'S.items[].price', target: 'T.lines[].amount', transform: '$source * S.factor * $inputs.rate & " " & S.currency' }],
      { S: { factor: 2, currency: 'EUR', items: [{ price: 1 }, { price: 5 }] } },
      { rate: 3 },
    );
    expect(records).toStrictEqual({ T: { lines: [{ amount: '6 EUR' }, { amount: '30 EUR' }] } });
  });

  it('runs per element through nested lists, as many levels as source and target share', async () => {
    const given = { S: { orders: [{ items: [{ price: 1 }, {}, { price: 2 }] }, { items: [] }, {}, { items: [{ price: 5 }] }] } };
    const { records } = await run([{ source: 'S.orders[].items[].price', target: 'T.invoices[].lines[].amount', transform: '$source + 100' }], given);
    expect(records).toStrictEqual({ T: { invoices: [{ lines: [{ amount: 101 }, {}, { amount: 102 }] }, { lines: [] }, {}, { lines: [{ amount: 105 }] }] } });
  });

  it('gives $source the deeper list of an element when the source has more [] levels than the target', async () => {
    const given = { S: { items: [{ tags: [{ name: 'a' }, {}, { name: 'b' }] }, { tags: [] }] } };
    const { records } = await run([{ source: 'S.items[].tags[].name', target: 'T.lines[].labels', transform: '$join($source, ",")' }], given);
    expect(records).toStrictEqual({ T: { lines: [{ labels: 'a,b' }, { labels: '' }] } });
  });

  it('looks values up per element, alone and after a per-element transform', async () => {
    const given = { S: { items: [{ kind: 'a' }, { kind: 'b' }, {}, { kind: 'zz' }] } };
    const lookup = await run([{ source: 'S.items[].kind', target: 'T.lines[].code', lookup: { a: 'A', b: 'B' } }], given);
    expect(lookup.records).toStrictEqual({ T: { lines: [{ code: 'A' }, { code: 'B' }, {}, { code: 'zz' }] } });
    const withDefault = await run([{ source: 'S.items[].kind', target: 'T.lines[].code', lookup: { a: 'A' }, default: 'OTHER' }], given);
    expect(withDefault.records).toStrictEqual({ T: { lines: [{ code: 'A' }, { code: 'OTHER' }, {}, { code: 'OTHER' }] } });
    const afterTransform = await run([{ source: 'S.items[].kind', target: 'T.lines[].code', transform: '$uppercase($source)', lookup: { A: 1, B: 2 } }], given);
    expect(afterTransform.records).toStrictEqual({ T: { lines: [{ code: 1 }, { code: 2 }, {}, { code: 'ZZ' }] } });
  });

  it('counts the branches taken in any element toward coverage', async () => {
    const mapping = { source: 'S.items[].price', target: 'T.lines[].band', transform: '$source > 10 ? "high" : "low"' };
    const both = new Map<string, Set<string>>();
    const { records } = await run([mapping], { S: { items: [{ price: 5 }, { price: 50 }] } }, {}, both);
    expect(records).toStrictEqual({ T: { lines: [{ band: 'low' }, { band: 'high' }] } });
    expect([...both.get('FM-0')!].sort()).toStrictEqual(['14:else', '14:then']);
    const one = new Map<string, Set<string>>();
    await run([mapping], { S: { items: [{ price: 5 }, { price: 6 }] } }, {}, one);
    expect([...one.get('FM-0')!]).toStrictEqual(['14:else']);
  });

  it('reports a transform that fails on one element, naming the element, and writes nothing for it', async () => {
    const { records, problems } = await run([{ source: 'S.items[].price', target: 'T.lines[].amount', transform: '$source + 1' }], { S: { items: [{ price: 1 }, { price: 'x' }] } });
    expect(records).toStrictEqual({ T: {} });
    expect(problems).toMatchObject([{ code: 'transform', mapping: 'FM-0', path: 'T.lines[].amount' }]);
    expect(problems[0]!.message).toMatch(/^transform of FM-0 \(for S\.items\[1\]\.price\) failed at character \d+: /);
  });

  it('still runs a transform once, on the whole list, when the target has no [] level', async () => {
    const { records } = await run([{ source: 'S.items[].price', target: 'T.total', transform: '$sum($source)' }], { S: { items: [{ price: 1 }, {}, { price: 2 }] } });
    expect(records).toStrictEqual({ T: { total: 3 } });
  });
});

describe('evaluateDataFlow, with hostile regexes', () => {
  const mappings: MappingFields[] = [
    { transform: '$match(S.a, /(a+)+$/) ? "matched" : "not matched"' },
    { transform: '$replace(S.b, /(x)\\1/, "y")' },
    { transform: '$uppercase(S.b)' },
  ];
  const given = { S: { a: `${'a'.repeat(41)}!`, b: 'xx' } };

  it.each([
    ['batched (no branch tracking)', undefined],
    ['one at a time, tracking branches', new Map<string, Set<string>>()],
  ])('%s: the backtracking pattern answers, the backreference fails alone, the rest writes', async (_how, taken) => {
    const run = await evaluateDataFlow(flowWith(mappings), given, {}, taken);
    expect(run.records).toStrictEqual({ T: { f0: 'not matched', f2: 'XX' } });
    expect(run.problems).toMatchObject([{ code: 'transform', mapping: 'FM-1', message: expect.stringMatching(/^transform of FM-1 failed at character \d+: the regular expression \/\(x\)\\1\/ uses a backreference/) }]);
    if (taken) expect([...taken.get('FM-0')!]).toStrictEqual([expect.stringMatching(/:else$/)]);
  });
});
