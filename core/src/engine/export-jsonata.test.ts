import { describe, expect, it } from 'vitest';
import jsonata from 'jsonata';
import { compileDataFlows, dataFlowToJsonata, evaluateDataFlow, indexSpec, type SpecIndex } from '@specwright/core';
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
