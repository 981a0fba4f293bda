import { describe, expect, it } from 'vitest';
import { findingsFromTestRun, indexSpec, loadSource, runTests } from '@specwright/core';
import { exampleSpec } from '../../../test/support/examples.js';

const OHIO = `
specwright: 1
id: shop-to-erp
title: Shop → ERP
businessCase: { summary: Invoices from orders, value: [{ stakeholder: Finance, benefit: No retyping }], stakeholders: [Finance] }
systems:
  - id: shop
    entities: [{ name: Order, fields: [{ path: state, type: string }, { path: total, type: number }, { path: taxAmount, type: number },
               { path: 'items[].sku', type: string }, { path: 'items[].qty', type: string }] }]
  - id: erp
    entities: [{ name: Invoice, fields: [{ path: amount, type: number, required: true }, { path: 'lines[].itemCode', type: string },
               { path: 'lines[].quantity', type: integer }, { path: region, type: string, enum: [US, EU] }] }]
useCases:
  - id: UC-1
    story: When an order is paid, I want an invoice in the ERP, so that finance can book it.
    dataFlows:
      - id: DF-1
        source: { system: shop, entities: [Order] }
        target: { system: erp, entities: [Invoice] }
        triggers: [{ type: event, event: order.paid }]
        outcomes: [{ type: success, then: done }]
        mappings:
          - id: FM-9
            target: Invoice.amount
            transform: >-
              Order.state != "Ohio" ? Order.total + Order.taxAmount : Order.total
          - { id: FM-10, target: 'Invoice.lines[].itemCode', source: 'Order.items[].sku' }
          - { id: FM-11, target: 'Invoice.lines[].quantity', source: 'Order.items[].qty' }
          - { id: FM-12, target: Invoice.region, constant: US }
        tests:
          - { id: TC-9, title: Ohio adds no tax, given: { Order: { state: Ohio, total: 100, taxAmount: 8 } },
              expect: { Invoice: { amount: 100 } } }
          - { id: TC-10, title: Texas adds tax, given: { Order: { state: Texas, total: 100, taxAmount: 8 } },
              expect: { Invoice: { amount: 108 } } }
          - { id: TC-11, title: Lines map element-wise, given: { Order: { state: Ohio, total: 1, taxAmount: 0,
              items: [{ sku: A, qty: '2' }, { sku: B, qty: '3' }] } },
              expect: { Invoice: { lines: [{ itemCode: A, quantity: 2 }, { itemCode: B, quantity: 3 }] } } }
`;

function ohioSpec(): Record<string, any> {
  const loaded = loadSource(OHIO, 'yaml');
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.value as Record<string, any>;
}

const statuses = (run: Awaited<ReturnType<typeof runTests>>) => Object.fromEntries(run.results.map((r) => [r.id, r.status]));

describe('runTests', () => {
  it('passes every test of the marketing → CRM example, expected errors included', async () => {
    const run = await runTests(indexSpec(exampleSpec('marketing-to-crm.yaml')));
    expect(statuses(run)).toStrictEqual({ 'TC-1': 'pass', 'TC-2': 'pass', 'TC-3': 'pass', 'TC-4': 'pass' });
    expect(run.results[2]!.reported).toStrictEqual([{ path: 'Customer.email', code: 'required', message: 'Customer.email is required and has no value' }]);
    expect(run.mappings.every((m) => m.asserted)).toBe(true);
  });

  it('runs the Ohio rule: both branches covered, element-wise lines with exact conversion', async () => {
    const run = await runTests(indexSpec(ohioSpec()));
    expect(statuses(run)).toStrictEqual({ 'TC-9': 'pass', 'TC-10': 'pass', 'TC-11': 'pass' });
    expect(run.branches).toStrictEqual([
      {
        mapping: 'FM-9',
        path: '/useCases/0/dataFlows/0/mappings/0',
        transform: 'Order.state != "Ohio" ? Order.total + Order.taxAmount : Order.total',
        branches: [
          { key: '23:then', side: 'then', position: 23, taken: true },
          { key: '23:else', side: 'else', position: 23, taken: true },
        ],
      },
    ]);
    expect(findingsFromTestRun(run)).toStrictEqual([]);
  });

  it('reports an untaken branch when the test that took it is removed', async () => {
    const spec = ohioSpec();
    spec.useCases[0].dataFlows[0].tests.splice(1, 1); // drop the Texas test
    const findings = findingsFromTestRun(await runTests(indexSpec(spec)));
    expect(findings.map(({ rule, id, path }) => ({ rule, id, path }))).toStrictEqual([
      { rule: 'test-coverage-branch', id: 'FM-9', path: '/useCases/0/dataFlows/0/mappings/0' },
    ]);
    expect(findings[0]!.message).toContain('then branch');
  });

  it('says which path differs, expected versus actual, and which mapping wrote it', async () => {
    const spec = ohioSpec();
    spec.useCases[0].dataFlows[0].tests[1].expect.Invoice.amount = 107;
    const run = await runTests(indexSpec(spec));
    const failed = run.results.find((r) => r.id === 'TC-10')!;
    expect(failed.status).toBe('fail');
    expect(failed.problems).toStrictEqual([
      { kind: 'mismatch', path: 'Invoice.amount', expected: 107, actual: 108, mapping: 'FM-9', message: 'Invoice.amount: expected 107, got 108 (written by FM-9)' },
    ]);
    const findings = findingsFromTestRun(run);
    expect(findings.map((f) => [f.rule, f.id])).toStrictEqual([['test-failed', 'TC-10']]);
  });

  it('fails a test whose record the target would reject, and one whose value does not convert', async () => {
    const spec = ohioSpec();
    const flow = spec.useCases[0].dataFlows[0];
    flow.mappings[3].constant = 'APAC'; // not in the enum
    flow.tests[2].given.Order.items[1].qty = 'three'; // not an integer
    const run = await runTests(indexSpec(spec));
    const tc9 = run.results.find((r) => r.id === 'TC-9')!;
    expect(tc9.problems).toStrictEqual([
      { kind: 'unexpected-error', path: 'Invoice.region', code: 'enum', mapping: 'FM-12', message: 'Invoice.region is the text "APAC", not one of "US", "EU"' },
    ]);
    const tc11 = run.results.find((r) => r.id === 'TC-11')!;
    expect(tc11.problems.map((p) => [p.kind, 'code' in p ? p.code : undefined, p.message])).toContainEqual([
      'unexpected-error',
      'type',
      'Invoice.lines[].quantity: the text "three" does not convert exactly to integer (mapping FM-11)',
    ]);
  });

  it('fails a test that expects an error the run does not report', async () => {
    const spec = exampleSpec('marketing-to-crm.yaml');
    spec.useCases[0].dataFlows[0].tests[2].given.ConversionEvent.contact.email = 'x@y.co';
    const run = await runTests(indexSpec(spec));
    expect(run.results[2]!.problems).toStrictEqual([
      { kind: 'missing-error', path: 'Customer.email', code: 'required', message: 'expected a required error for Customer.email, but the run reported none' },
    ]);
  });

  it('applies lookups with a default, and passes unmapped values through without one', async () => {
    const spec = exampleSpec('marketing-to-crm.yaml');
    const tests = spec.useCases[0].dataFlows[0].tests;
    tests[1].given.ConversionEvent.type = 'download';
    tests[1].expect.Customer.stage = 'Lead'; // the default
    let run = await runTests(indexSpec(spec));
    expect(run.results[1]!.status).toBe('pass');
    delete spec.useCases[0].dataFlows[0].mappings[5].default;
    tests[1].expect.Customer.stage = 'download';
    run = await runTests(indexSpec(spec));
    // passes through unchanged, and the target's enum rejects it
    expect(run.results[1]!.problems.map((p) => p.message)).toStrictEqual(['Customer.stage is the text "download", not one of "Lead", "Engaged"']);
  });

  it('ends a hostile transform with a failed test, not a hang or a crash', async () => {
    const spec = ohioSpec();
    spec.useCases[0].dataFlows[0].mappings[0].transform = '($f := function($n) { $f($n) + 1 }; $f(0))';
    const run = await runTests(indexSpec(spec));
    const problem = run.results[0]!.problems.find((p) => 'code' in p && p.code === 'transform')!;
    expect(run.results[0]!.status).toBe('fail');
    expect(problem).toMatchObject({ kind: 'unexpected-error', code: 'transform', mapping: 'FM-9' });
    expect(problem.message).toMatch(/transform of FM-9 (nested deeper|ran longer)/);
  });
});

describe('runTests against hostile input', () => {
  it('reports a transform nested too deeply to parse as a broken mapping, and still runs the rest', async () => {
    const spec = ohioSpec();
    const flow = spec.useCases[0].dataFlows[0];
    flow.mappings[0].transform = '('.repeat(20_000) + '1' + ')'.repeat(20_000);
    const run = await runTests(indexSpec(spec));
    // FM-9 cannot run, so the required amount stays empty; the element-wise lines still ran and match.
    expect(run.results.find((r) => r.id === 'TC-11')!.problems.map((p) => p.message)).toStrictEqual(['Invoice.amount is required and has no value']);
    expect(run.results.find((r) => r.id === 'TC-9')!.problems[0]).toMatchObject({ kind: 'mismatch', path: 'Invoice.amount', expected: 100 });
    const { checkSpec } = await import('@specwright/core');
    expect(checkSpec(spec).filter((f) => f.rule === 'transform-syntax').map((f) => f.id)).toStrictEqual(['FM-9']);
  });

  it.each([
    ['5,000 path steps', 'Order' + '.a'.repeat(4_999), /^mapping FM-9 cannot run: its transform has 4,999 operators and path steps, more than the 2,000/],
    ['5,000 nested blocks', '('.repeat(5_000) + 'Order.total;' + ')'.repeat(5_000), /^mapping FM-9 cannot run: its transform nests brackets 5,000 deep, more than the 500/],
    ['a chain of 5,000 conditionals', 'Order.total ? '.repeat(2_500) + '1' + ' : 2'.repeat(2_500), /^mapping FM-9 cannot run: its transform has 7,500 operators and path steps/],
  ])('fails the test of a transform of %s with the reason, and runs the rest', async (_name, transform, reason) => {
    const spec = ohioSpec();
    spec.useCases[0].dataFlows[0].mappings[0].transform = transform;
    const run = await runTests(indexSpec(spec));
    const own = run.results.find((r) => r.id === 'TC-9')!;
    expect(own.status).toBe('fail');
    expect(own.problems[0]!.message).toMatch(/^Invoice\.amount: expected 100, got nothing: /);
    expect(own.problems[0]!.message.replace(/^Invoice\.amount: expected 100, got nothing: /, '')).toMatch(reason);
    expect(run.results.find((r) => r.id === 'TC-11')!.problems.map((p) => p.message)).toStrictEqual(['Invoice.amount is required and has no value']);
    const { checkSpec } = await import('@specwright/core');
    const syntax = checkSpec(indexSpec(spec)).filter((f) => f.rule === 'transform-syntax');
    expect(syntax).toMatchObject([{ id: 'FM-9', message: expect.stringMatching(/^transform is too large to run: it (has|nests) /) }]);
  });

  it('evaluates deeply nested records and expect values without overflowing', async () => {
    const spec = ohioSpec();
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 5_000; i++) deep = { d: deep };
    const test = spec.useCases[0].dataFlows[0].tests[0];
    test.given.Order.extra = deep;
    test.expect.Invoice.extra = deep; // no mapping writes it: a mismatch, reported, not a crash
    const run = await runTests(indexSpec(spec));
    expect(run.results[0]!.status).toBe('fail');
    expect(run.results[0]!.problems.map((p) => p.kind)).toStrictEqual(['mismatch']);
  });

  it('fails a test whose data is nested deeper than the stack, with a reason', async () => {
    const spec = ohioSpec();
    const nest = (depth: number) => {
      let value: Record<string, unknown> = { leaf: 1 };
      for (let i = 0; i < depth; i++) value = { d: value };
      return value;
    };
    const flow = spec.useCases[0].dataFlows[0];
    flow.mappings.push({ id: 'FM-13', target: 'Invoice.deep', source: 'Order.deep' });
    flow.tests[0].given.Order.deep = nest(200_000);
    flow.tests[0].expect.Invoice.deep = nest(200_000);
    const run = await runTests(indexSpec(spec));
    expect(run.results[0]).toMatchObject({ id: 'TC-9', status: 'fail' });
    expect(run.results[0]!.problems.map((p) => p.message)).toStrictEqual(['the test could not be run: its data is nested too deeply']);
    expect(run.results[1]!.status).toBe('pass');
  });

  it('refuses a transform that returns a function or a number JSON cannot hold', async () => {
    const spec = ohioSpec();
    const flow = spec.useCases[0].dataFlows[0];
    flow.mappings[0].transform = 'function($x) { $x }';
    flow.mappings[3] = { id: 'FM-12', target: 'Invoice.region', transform: '1 / 0' };
    const run = await runTests(indexSpec(spec));
    const messages = run.results[0]!.problems.filter((p) => 'code' in p && p.code === 'transform').map((p) => p.message);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain('transform of FM-9');
    expect(messages[1]).toContain('transform of FM-12');
  });
});

describe('runTests, a value that no mapping wrote', () => {
  /** The Ohio flow with one test (TC-1) of the given records and expect; the mismatches' messages. */
  async function nothingMessages(edit: (flow: Record<string, any>, spec: Record<string, any>) => void, given: unknown, expect: unknown, inputs: unknown = {}) {
    const spec = ohioSpec();
    const flow = spec.useCases[0].dataFlows[0];
    flow.tests = [{ id: 'TC-1', given, inputs, expect }];
    edit(flow, spec);
    const run = await runTests(indexSpec(spec));
    return run.results[0]!.problems.filter((p) => p.kind === 'mismatch');
  }
  const none = () => {};

  it('says the transform ran and gave no value', async () => {
    const problems = await nothingMessages(none, { Order: { state: 'Texas', total: 100 } }, { Invoice: { amount: 108 } });
    expect(problems).toStrictEqual([
      { kind: 'mismatch', path: 'Invoice.amount', expected: 108, actual: undefined, mapping: 'FM-9', message: 'Invoice.amount: expected 108, got nothing: mapping FM-9 ran and its transform gave no value (undefined)' },
    ]);
  });

  it('says which source is missing, from the list or from one element', async () => {
    const noItems = await nothingMessages(none, { Order: { state: 'Ohio', total: 1 } }, { Invoice: { lines: [{ itemCode: 'A' }] } });
    expect(noItems.map((p) => p.message)).toStrictEqual(['Invoice.lines: expected [{"itemCode":"A"}], got nothing: mapping FM-10 wrote nothing: its source Order.items[].sku is missing from the given Order']);
    const oneElement = await nothingMessages(none, { Order: { state: 'Ohio', total: 1, items: [{ qty: '1' }, { sku: 'B' }] } }, { Invoice: { lines: [{ itemCode: 'A' }, { itemCode: 'B' }] } });
    expect(oneElement.map((p) => [p.mapping, p.message])).toStrictEqual([
      ['FM-10', 'Invoice.lines[0].itemCode: expected "A", got nothing: mapping FM-10 wrote nothing there: its source Order.items[0].sku is missing from the given Order'],
    ]);
    const noRecord = await nothingMessages(none, {}, { Invoice: { region: 'US', lines: [{ itemCode: 'A' }] } });
    expect(noRecord.map((p) => p.message)).toStrictEqual(['Invoice.lines: expected [{"itemCode":"A"}], got nothing: mapping FM-10 wrote nothing: its source Order.items[].sku is missing: no Order record was given']);
  });

  it('says an input was not given', async () => {
    const addOwner = (flow: Record<string, any>, spec: Record<string, any>) => {
      spec.inputs = [{ id: 'owner', label: 'Owner', help: 'Who owns the invoice', type: 'string' }];
      spec.systems[1].entities[0].fields.push({ path: 'owner', type: 'string' });
      flow.mappings.push({ id: 'FM-13', target: 'Invoice.owner', input: 'owner' });
    };
    const problems = await nothingMessages(addOwner, { Order: { state: 'Ohio', total: 1 } }, { Invoice: { owner: 'u-1' } });
    expect(problems.map((p) => [p.mapping, p.message])).toStrictEqual([['FM-13', 'Invoice.owner: expected "u-1", got nothing: mapping FM-13 wrote nothing: the input owner was not given']]);
    expect(await nothingMessages(addOwner, { Order: { state: 'Ohio', total: 1 } }, { Invoice: { owner: 'u-1' } }, { owner: 'u-1' })).toStrictEqual([]);
  });

  it('says at which element a per-element transform gave no value', async () => {
    const addNote = (flow: Record<string, any>, spec: Record<string, any>) => {
      spec.systems[1].entities[0].fields.push({ path: 'lines[].note', type: 'string' });
      flow.mappings.push({ id: 'FM-13', target: 'Invoice.lines[].note', source: 'Order.items[].sku', transform: '$source = "A" ? "first"' });
    };
    const problems = await nothingMessages(addNote, { Order: { state: 'Ohio', total: 1, items: [{ sku: 'A' }, { sku: 'B' }] } }, { Invoice: { lines: [{ note: 'first' }, { note: 'second' }] } });
    expect(problems.map((p) => p.message)).toStrictEqual(['Invoice.lines[1].note: expected "second", got nothing: mapping FM-13 ran on Order.items[1].sku and its transform gave no value (undefined)']);
  });

  it('says a transform failed, a value did not convert, or a mapping cannot run', async () => {
    const failing = await nothingMessages((flow) => (flow.mappings[0].transform = 'Order.state + 1'), { Order: { state: 'Ohio', total: 1 } }, { Invoice: { amount: 1 } });
    expect(failing.map((p) => p.message)).toStrictEqual([expect.stringMatching(/^Invoice\.amount: expected 1, got nothing: mapping FM-9 wrote nothing: its transform failed at character \d+: /)]);
    const unconverted = await nothingMessages(none, { Order: { state: 'Ohio', total: 1, items: [{ sku: 'A', qty: 'three' }] } }, { Invoice: { lines: [{ quantity: 3 }] } });
    expect(unconverted.map((p) => p.message)).toStrictEqual(['Invoice.lines[0].quantity: expected 3, got nothing: mapping FM-11 wrote nothing: the text "three" does not convert exactly to integer']);
    const broken = await nothingMessages((flow) => (flow.mappings[0].transform = 'Order.total +'), { Order: { state: 'Ohio', total: 1 } }, { Invoice: { amount: 1 } });
    expect(broken.map((p) => p.message)).toStrictEqual([expect.stringMatching(/^Invoice\.amount: expected 1, got nothing: mapping FM-9 cannot run: its transform is not valid JSONata: /)]);
  });

  it('keeps "no mapping wrote it" for a path that no mapping targets', async () => {
    const problems = await nothingMessages(none, { Order: { state: 'Ohio', total: 1 } }, { Invoice: { discount: 5 } });
    expect(problems.map((p) => p.message)).toStrictEqual(['Invoice.discount: expected 5, got nothing (no mapping wrote it)']);
  });
});
