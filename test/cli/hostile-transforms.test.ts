import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, specwrightMany, STACK_FRAME, tempDir, type Run } from './run.js';

// Transforms written to hang or exhaust the runner, through `specwright test` and `check --run-tests`:
// each fails its own test with a reason; the other tests run and pass.

const HOSTILE = `specwright: 1
id: hostile
title: Hostile transforms
businessCase: { summary: Invoices from orders, value: [{ stakeholder: Finance, benefit: No retyping }], stakeholders: [Finance] }
systems:
  - id: shop
    entities: [{ name: Order, fields: [{ path: total, type: number }, { path: code, type: string }] }]
  - id: erp
    entities: [{ name: Invoice, fields: [{ path: amount, type: number }, { path: check, type: string }, { path: deep, type: string }, { path: sorted, type: number }] }]
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
          - { id: FM-1, target: Invoice.amount, source: Order.total }
          - { id: FM-2, target: Invoice.check, transform: '$match(Order.code, /(a+)+$/) ? "odd" : "plain"' }
          - { id: FM-3, target: Invoice.deep, transform: 'Order${'.a'.repeat(4_999)}' }
          - { id: FM-4, target: Invoice.sorted, transform: '$count($sort([1..1000000]))' }
      - id: DF-2
        source: { system: shop, entities: [Order] }
        target: { system: erp, entities: [Invoice] }
        triggers: [{ type: event, event: order.paid }]
        outcomes: [{ type: success, then: done }]
        mappings:
          - { id: FM-5, target: Invoice.amount, source: Order.total }
        tests:
          - { id: TC-4, title: Another flow still runs, given: { Order: { total: 5 } }, expect: { Invoice: { amount: 5 } } }
`.replace(
  "          - { id: FM-4, target: Invoice.sorted, transform: '$count($sort([1..1000000]))' }\n",
  `          - { id: FM-4, target: Invoice.sorted, transform: '$count($sort([1..1000000]))' }
        tests:
          - { id: TC-1, title: Backtracking regex answers, given: { Order: { total: 1, code: ${'a'.repeat(41)}! } }, expect: { Invoice: { amount: 1, check: plain } } }
          - { id: TC-2, title: Deep path, given: { Order: { total: 2 } }, expect: { Invoice: { deep: x } } }
          - { id: TC-3, title: Huge sort, given: { Order: { total: 3 } }, expect: { Invoice: { sorted: 1000000 } } }
`,
);

const tmp = tempDir();
const hostile = tmp.write('hostile.yaml', HOSTILE);
let runs: Record<string, Run>;

beforeAll(async () => {
  ensureBuilt();
  runs = await specwrightMany({
    test: ['test', hostile, '--format', 'json'],
    stylish: ['test', hostile],
    check: ['check', '--run-tests', hostile, '--format', 'json'],
  });
}, 120_000);

afterAll(() => tmp.cleanup());

describe('hostile transforms', () => {
  it('specwright test fails each hostile test alone, with its reason, and exits 1', () => {
    expect(runs.test!.code).toBe(1);
    expect(runs.test!.stderr).toBe('');
    const report = JSON.parse(runs.test!.stdout);
    const byId = Object.fromEntries(report.tests.map((t: { id: string; status: string; problems: { message: string }[] }) => [t.id, t]));
    expect(report.tests.map((t: { id: string; status: string }) => [t.id, t.status])).toStrictEqual([
      ['TC-1', 'fail'],
      ['TC-2', 'fail'],
      ['TC-3', 'fail'],
      ['TC-4', 'pass'],
    ]);
    // TC-1's regex answered at once; it fails only on the other mappings' problems.
    expect(byId['TC-1'].records.Invoice.check).toBe('plain');
    expect(byId['TC-2'].problems.map((p: { message: string }) => p.message)).toContainEqual(expect.stringMatching(/^Invoice\.deep: expected "x", got nothing: mapping FM-3 cannot run: its transform has 4,999 operators and path steps/));
    expect(byId['TC-3'].problems.map((p: { message: string }) => p.message)).toContainEqual(
      expect.stringMatching(/^transform of FM-4 failed at character \d+: the range would hold 1,000,000 items, over the limit of 100,000 items$/),
    );
    expect(runs.stylish!.stdout).toMatch(/^✖ 1 passed, 3 failed$/m);
  });

  it('check --run-tests reports the too-large transform and the failed tests, without a crash', () => {
    expect(runs.check!.code).toBe(1);
    expect(runs.check!.stderr).not.toMatch(STACK_FRAME);
    const findings = JSON.parse(runs.check!.stdout).findings as { rule: string; id: string; message: string }[];
    expect(findings.filter((f) => f.rule === 'transform-syntax')).toMatchObject([{ id: 'FM-3', message: expect.stringMatching(/^transform is too large to run: it has 4,999 operators/) }]);
    expect(findings.filter((f) => f.rule === 'test-failed').map((f) => f.id)).toStrictEqual(['TC-1', 'TC-2', 'TC-3']);
  });
});
