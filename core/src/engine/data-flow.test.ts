import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileDataFlows, evaluateDataFlow, indexSpec } from '@specwright/core';

/** A flow whose transforms the engine runs as one expression when it tracks no branches. */
function flowWith(transforms: { transform: string; source?: string }[]) {
  const index = indexSpec({
    specwright: 1,
    id: 'batch',
    title: 'Batch',
    systems: [{ id: 's' }, { id: 't' }],
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
