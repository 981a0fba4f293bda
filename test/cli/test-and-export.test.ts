import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsonata from 'jsonata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseXml, xmlElements } from '../support/report-parsers.js';
import { ensureBuilt, specwrightMany, STACK_FRAME, tempDir, type Run } from './run.js';

// `specwright test`, `check --run-tests` and `export`, as processes.

const OHIO = (texasExpect: number, withTexasTest = true) => `specwright: 1
id: shop-to-erp
title: Shop → ERP
businessCase: { summary: Invoices from paid orders, value: [{ stakeholder: Finance, benefit: No retyping }], stakeholders: [Finance] }
systems:
  - id: shop
    entities: [{ name: Order, fields: [{ path: state, type: string }, { path: total, type: number }, { path: taxAmount, type: number }] }]
  - id: erp
    entities: [{ name: Invoice, fields: [{ path: amount, type: number, required: true }] }]
useCases:
  - id: UC-1
    story: When an order is paid, I want an invoice in the ERP, so that finance can book it.
    dataFlows:
      - id: DF-1
        source: { system: shop, entities: [Order] }
        target: { system: erp, entities: [Invoice] }
        triggers: [{ type: event, event: order.paid }, { type: query, schedule: every 1h, criteria: Order.total > 0 }]
        outcomes: [{ type: success, then: done }, { type: failure, action: notify, when: rejected }]
        mappings:
          - id: FM-9
            target: Invoice.amount
            transform: 'Order.state != "Ohio" ? Order.total + Order.taxAmount : Order.total'
        tests:
          - { id: TC-9, title: Ohio adds no tax, given: { Order: { state: Ohio, total: 100, taxAmount: 8 } }, expect: { Invoice: { amount: 100 } } }
${withTexasTest ? `          - { id: TC-10, title: Texas adds tax, given: { Order: { state: Texas, total: 100, taxAmount: 8 } }, expect: { Invoice: { amount: ${texasExpect} } } }\n` : ''}`;

const tmp = tempDir();
const passing = tmp.write('passing.yaml', OHIO(108));
const failing = tmp.write('failing.yaml', OHIO(107));
const untested = tmp.write('untested-branch.yaml', OHIO(108, false));
const broken = tmp.write('broken.yaml', 'specwright: 1\nid: [a\n');
// The passing spec plus a mapping whose transform does not parse: a transform-syntax error.
const WITH_BROKEN_MAPPING = OHIO(108)
  .replace('fields: [{ path: amount, type: number, required: true }]', 'fields: [{ path: amount, type: number, required: true }, { path: note, type: string }]')
  .replace("        tests:\n", "          - { id: FM-10, target: Invoice.note, transform: 'Order.state &' }\n        tests:\n");
if (!WITH_BROKEN_MAPPING.includes('FM-10') || !WITH_BROKEN_MAPPING.includes('path: note')) throw new Error('fixture edit did not apply');
const withErrors = tmp.write('with-errors.yaml', WITH_BROKEN_MAPPING);
const refusedDir = join(tmp.dir, 'refused');
const forcedDir = join(tmp.dir, 'forced');
const fixturesDir = join(tmp.dir, 'fixtures');
let runs: Record<string, Run>;

beforeAll(async () => {
  ensureBuilt();
  runs = await specwrightMany({
    examples: ['test', 'examples/marketing-to-crm.yaml', 'examples/order-to-erp.yaml'],
    passing: ['test', passing],
    failingJson: ['test', failing, '--format', 'json'],
    failingJunit: ['test', failing, '--format', 'junit'],
    brokenTest: ['test', broken],
    badFormat: ['test', passing, '--format', 'sarif'],
    runTestsFailing: ['check', '--run-tests', failing, '--format', 'json'],
    runTestsBranch: ['check', '--run-tests', untested, '--format', 'json'],
    runTestsBranchWarn: ['check', '--run-tests', untested, '--fail-on', 'warn'],
    staticOnlyFailing: ['check', failing],
    exportJsonata: ['export', passing, '--to', 'jsonata'],
    exportFixtures: ['export', passing, '--to', 'fixtures', '--out', fixturesDir],
    exportNoTo: ['export', passing],
    exportBroken: ['export', broken, '--to', 'jsonata'],
    exportRefused: ['export', withErrors, '--to', 'jsonata'],
    exportRefusedOut: ['export', withErrors, '--to', 'jsonata', '--out', refusedDir],
    exportRefusedFixtures: ['export', withErrors, '--to', 'fixtures'],
    exportForced: ['export', withErrors, '--to', 'jsonata', '--force'],
    exportForcedOut: ['export', withErrors, '--to', 'jsonata', '--force', '--out', forcedDir],
  });
}, 120_000);

afterAll(() => tmp.cleanup());

describe('specwright test', () => {
  it('passes every test of the example specs', () => {
    expect(runs.examples!.code).toBe(0);
    expect(runs.examples!.stdout).toMatch(/^✔ \d+ passed, 0 failed$/m);
    expect(runs.passing!.stdout).toContain('2/2 transform branches taken');
  });

  it('exits 1 and says why in JSON: path, expected, actual and the mapping that wrote it', () => {
    const run = runs.failingJson!;
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.summary).toMatchObject({ tests: 2, passed: 1, failed: 1 });
    const [tc9, tc10] = report.tests;
    expect(tc9).toMatchObject({ id: 'TC-9', dataFlow: 'DF-1', status: 'pass', problems: [] });
    expect(tc10).toMatchObject({ id: 'TC-10', dataFlow: 'DF-1', status: 'fail' });
    expect(tc10.problems).toStrictEqual([
      { kind: 'mismatch', path: 'Invoice.amount', expected: 107, actual: 108, mapping: 'FM-9', message: 'Invoice.amount: expected 107, got 108 (written by FM-9)' },
    ]);
    // The failure is also a test-failed finding, located at the test case in the file.
    expect(report.findings.map((f: { rule: string; id: string; line: number }) => [f.rule, f.id, f.line])).toStrictEqual([['test-failed', 'TC-10', 25]]);
  });

  it('writes JUnit with a failure per failing test', () => {
    const run = runs.failingJunit!;
    expect(run.code).toBe(1);
    const root = parseXml(run.stdout);
    const cases = xmlElements(root, 'testcase');
    expect(cases.length).toBe(2);
    expect(xmlElements(root, 'failure').length).toBe(1);
  });

  it('exits 2 on a file that is not a spec, and on a format test does not have', () => {
    expect(runs.brokenTest!.code).toBe(2);
    expect(runs.brokenTest!.stderr).toMatch(/broken\.yaml:\d+:\d+: is not valid YAML/);
    expect(runs.brokenTest!.stderr).not.toMatch(STACK_FRAME);
    expect(runs.badFormat!.code).toBe(2);
    expect(runs.badFormat!.stderr).toContain('--format must be one of stylish, json, junit');
  });
});

describe('specwright check --run-tests', () => {
  it('reports test-failed on the failing test', () => {
    expect(runs.runTestsFailing!.code).toBe(1);
    const findings = JSON.parse(runs.runTestsFailing!.stdout).findings;
    expect(findings.map((f: { rule: string; id: string }) => [f.rule, f.id])).toStrictEqual([['test-failed', 'TC-10']]);
    expect(runs.staticOnlyFailing!.code).toBe(0); // without --run-tests nothing runs the test
  });

  it('reports test-coverage-branch when no test takes a branch', () => {
    const findings = JSON.parse(runs.runTestsBranch!.stdout).findings;
    expect(findings.map((f: { rule: string; id: string; severity: string }) => [f.rule, f.id, f.severity])).toStrictEqual([['test-coverage-branch', 'FM-9', 'warn']]);
    expect(runs.runTestsBranch!.code).toBe(0);
    expect(runs.runTestsBranchWarn!.code).toBe(1);
  });
});

describe('specwright export', () => {
  it('prints a JSONata expression that computes the target records', async () => {
    expect(runs.exportJsonata!.code).toBe(0);
    const expression = jsonata(runs.exportJsonata!.stdout);
    const run = async (given: unknown) => JSON.parse(JSON.stringify(await expression.evaluate(given, { inputs: {} })));
    expect(await run({ Order: { state: 'Texas', total: 100, taxAmount: 8 } })).toStrictEqual({ Invoice: { amount: 108 } });
    expect(await run({ Order: { state: 'Ohio', total: 100, taxAmount: 8 } })).toStrictEqual({ Invoice: { amount: 100 } });
  });

  it('writes one JSON fixture per test case', () => {
    expect(runs.exportFixtures!.code).toBe(0);
    expect(readdirSync(fixturesDir).sort()).toStrictEqual(['TC-10.json', 'TC-9.json']);
    expect(JSON.parse(readFileSync(join(fixturesDir, 'TC-9.json'), 'utf8'))).toStrictEqual({
      id: 'TC-9',
      dataFlow: 'DF-1',
      title: 'Ohio adds no tax',
      given: { Order: { state: 'Ohio', total: 100, taxAmount: 8 } },
      inputs: {},
      expect: { Invoice: { amount: 100 } },
    });
  });

  it('exports a clean spec without a word on stderr', () => {
    expect(runs.exportJsonata!.stderr).toBe('');
    expect(runs.exportJsonata!.stdout).not.toContain('is not exported');
  });

  it('refuses a spec with error-level findings: exit 1, the findings as file:line:column rule message, nothing written', () => {
    for (const run of [runs.exportRefused!, runs.exportRefusedOut!, runs.exportRefusedFixtures!]) {
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^\S*with-errors\.yaml:23:48 transform-syntax transform is not valid JSONata at character \d+: .+$/m);
      expect(run.stderr).toMatch(/with-errors\.yaml: not exported: 1 error .*; fix them, or pass --force to export the rest$/m);
      expect(run.stderr).not.toMatch(STACK_FRAME);
    }
    // The broken mapping is named too, where the export would leave it out.
    expect(runs.exportRefused!.stderr).toMatch(/with-errors\.yaml:23:13: mapping FM-10 of DF-1 is not exported: its transform is not valid JSONata/);
    expect(existsSync(refusedDir)).toBe(false);
  });

  it('with --force exports the rest, naming the mapping it leaves out on stderr and in the expression', async () => {
    const run = runs.exportForced!;
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/with-errors\.yaml:23:13: mapping FM-10 of DF-1 is not exported: its transform is not valid JSONata: Unexpected end of expression$/m);
    expect(run.stderr).toMatch(/with-errors\.yaml: exported despite 1 error and 1 mapping that cannot be exported \(--force\)$/m);
    expect(run.stdout).toMatch(/^\/\* FM-10 \(target Invoice\.note\) is not exported: its transform is not valid JSONata: .+ \*\/$/m);
    const expression = jsonata(run.stdout);
    expect(JSON.parse(JSON.stringify(await expression.evaluate({ Order: { state: 'Texas', total: 100, taxAmount: 8 } }, { inputs: {} })))).toStrictEqual({ Invoice: { amount: 108 } });
    expect(runs.exportForcedOut!.code).toBe(0);
    expect(readFileSync(join(forcedDir, 'DF-1.jsonata'), 'utf8')).toBe(run.stdout);
  });

  it('needs --to, and exits 2 on a file that is not a spec', () => {
    expect(runs.exportNoTo!.code).toBe(2);
    expect(runs.exportNoTo!.stderr).toContain('export needs --to jsonata or --to fixtures');
    expect(runs.exportBroken!.code).toBe(2);
    expect(runs.exportBroken!.stderr).toMatch(/broken\.yaml:\d+:\d+/);
  });
});
