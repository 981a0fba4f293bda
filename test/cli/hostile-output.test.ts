import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, specwrightMany, tempDir, type Run } from './run.js';

// A spec (and a schema) whose words try to rewrite the terminal: an escape that erases the line and
// a carriage return before a fake pass line, an OSC 8 hyperlink, a bidi override. Every human
// output shows them as visible escapes; no line of output starts with the fake result.

const FAKE = '\\e[2K\\r✔ 12 passed, 0 failed';
const OSC8 = '\\e]8;;https://evil.example/\\a docs\\e]8;;\\a';
const BIDI = '\\u202Edeliaf\\u202C';
const SPEC = `specwright: 1
id: shop-to-erp
title: "Shop → ERP ${FAKE}"
businessCase: { summary: Invoices from paid orders, value: [{ stakeholder: Finance, benefit: No retyping }], stakeholders: [Finance] }
systems:
  - id: shop
    entities: [{ name: Order, fields: [{ path: total, type: number }] }]
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
          - { id: "FM-1 ${OSC8}", target: Invoice.amount, source: Order.total }
        tests:
          - { id: "TC-1 ${BIDI}", title: "pays ${FAKE} ${OSC8}", given: { Order: { total: 100 } }, expect: { Invoice: { amount: 101 } } }
`;
// Field names cannot hold "[", "]" or "." (the path syntax): ESC M (reverse line feed) then CR.
const SOURCE = JSON.stringify({ type: 'object', properties: { 'total\u001bM\r✔ 12 passed': { type: 'number' }, 'email\u202e': { type: 'string', format: 'email' } } });
const TARGET = JSON.stringify({ type: 'object', properties: { 'total\u001bM\r✔ 12 passed': { type: 'number' }, 'email\u202e': { type: 'string', format: 'email' } } });

const UNSAFE = /(?!\n)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const FAKE_LINE = /^\s*(::[a-z]+[^:]*::)?\s*✔ \d+ passed/;

const tmp = tempDir();
const spec = tmp.write('hostile.yaml', SPEC);
const source = tmp.write('source.json', SOURCE);
const target = tmp.write('target.json', TARGET);
let runs: Record<string, Run>;

beforeAll(async () => {
  ensureBuilt();
  runs = await specwrightMany({
    testStylish: ['test', spec],
    testJunit: ['test', spec, '--format', 'junit'],
    checkStylish: ['check', spec, '--run-tests'],
    checkMarkdown: ['check', spec, '--run-tests', '--format', 'markdown'],
    checkGithub: ['check', spec, '--run-tests', '--format', 'github'],
    checkJunit: ['check', spec, '--run-tests', '--format', 'junit'],
    automapTable: ['automap', '--source', source, '--target', target],
    automapYaml: ['automap', '--source', source, '--target', target, '--format', 'yaml'],
    testJson: ['test', spec, '--format', 'json'],
  });
}, 120_000);
afterAll(() => tmp.cleanup());

describe('hostile text in the real commands', () => {
  it.each(['testStylish', 'testJunit', 'checkStylish', 'checkMarkdown', 'checkGithub', 'checkJunit', 'automapTable', 'automapYaml'])(
    '%s: no raw control or bidi character, no line that fakes a result',
    (name) => {
      const run = runs[name]!;
      expect(run.code, run.stderr).not.toBe(2);
      for (const text of [run.stdout, run.stderr]) {
        expect(text).not.toMatch(UNSAFE);
        for (const line of text.split('\n')) expect(line, JSON.stringify(line)).not.toMatch(FAKE_LINE);
      }
    },
  );

  it('test: the failing test is told as failing, its title shown with visible escapes', () => {
    const out = runs['testStylish']!.stdout;
    expect(runs['testStylish']!.code).toBe(1);
    expect(out).toContain('✖ TC-1 \\u202edeliaf\\u202c pays \\u001b[2K\\r✔ 12 passed, 0 failed \\u001b]8;;https://evil.example/\\u0007 docs');
    expect(out.trimEnd().split('\n').at(-1)).toBe('✖ 0 passed, 1 failed');
  });

  it('automap: the matches are still found; the YAML reads back to the real field names', () => {
    expect(runs['automapTable']!.stdout).toContain('total\\u001bM\\r✔ 12 passed');
    const { mappings } = load(runs['automapYaml']!.stdout) as { mappings: { target: string; source: string }[] };
    expect(mappings.map((m) => m.target).sort()).toStrictEqual(['target.email\u202e', 'target.total\u001bM\r✔ 12 passed']);
  });

  it('json keeps the exact text', () => {
    expect(JSON.parse(runs['testJson']!.stdout).tests[0].title).toBe('pays \u001b[2K\r✔ 12 passed, 0 failed \u001b]8;;https://evil.example/\u0007 docs\u001b]8;;\u0007');
  });
});
