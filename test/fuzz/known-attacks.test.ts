import { beforeAll, describe, expect, test } from 'vitest';
import { adfCodec, checkPageTree, checkSpec, loadSource, markdownCodec, markdownToPageTree, renderSpecToPageTree, storageCodec, type AdfNode } from '@specwright/core';
import { matchesFormat } from '../../core/src/engine/formats.js';
import { exampleSpec } from '../support/examples.js';
import { BUDGET } from './hostile.js';
import { withinBudget } from './budget.js';

/**
 * The inputs the hostile-input audit (issue 9) found hanging a parser or a format check, each
 * within the fuzz suites' per-input budget: a quadratic or recursive reader fails here with
 * the time it took, not a hang.
 */

const adfRoot = () => renderSpecToPageTree(exampleSpec('marketing-to-crm.yaml'), adfCodec);
const storageRoot = () => renderSpecToPageTree(exampleSpec('marketing-to-crm.yaml'), storageCodec);

describe('known attacks end within the budget', () => {
  // A cold check compiles the schema and warms the code up (~400 ms): the budget is for an input.
  beforeAll(() => {
    checkPageTree(storageRoot(), 'storage');
    checkPageTree(adfRoot(), 'adf');
  });

  test('YAML: a 2 MB file of one long text aliased a thousand times is refused at the alias', () => {
    const text = `specwright: 1\ntext: &t "${'x'.repeat(2_000_000)}"\nlist: [${Array.from({ length: 1000 }, () => '*t').join(', ')}]\n`;
    const loaded = withinBudget('2 MB aliased YAML', BUDGET, () => loadSource(text, 'yaml'));
    expect(loaded).toMatchObject({ ok: false, line: 3 });
  });

  test.each(['yaml', 'json'] as const)('%s: a 30 KB key over a thousand items is located (a map of every pointer built the key a thousand times)', (format) => {
    const key = `l${' '.repeat(30_000)}ist`;
    const text = format === 'yaml' ? `specwright: 1\n${key}:\n${'  - 1\n'.repeat(1000)}` : `{"specwright": 1, "${key}": [${Array.from({ length: 1000 }, () => '1').join(',\n')}]}`;
    const loaded = loadSource(text, format);
    if (!loaded.ok) throw new Error(loaded.message);
    const at = withinBudget('a 30 KB key', BUDGET, () => loaded.locate(`/${key}/999`));
    expect(at).toStrictEqual(format === 'yaml' ? { line: 1002, column: 5 } : { line: 1000, column: 1 });
  });

  test('a declared field path of 9,000 segments, and a mapping from it, check within the budget (the declared fields kept every prefix as text)', () => {
    const spec = exampleSpec('marketing-to-crm.yaml');
    const long = `${'a.'.repeat(9000)}email`;
    spec.systems[0].entities[0].fields.push({ path: long, type: 'string' });
    spec.useCases[0].dataFlows[0].mappings[0].source = `ConversionEvent.${long}`;
    spec.useCases[0].dataFlows[0].mappings[1].source = `ConversionEvent.${'a.'.repeat(8999)}b`;
    const findings = withinBudget('9,000 segments', BUDGET, () => checkSpec(spec));
    expect(findings.map((f) => [f.rule, f.id])).toStrictEqual([['field-ref', 'FM-2']]);
  });

  test('email: a 100 KB value', () => {
    for (const value of [`a@${'a.'.repeat(50_000)} `, `${'a'.repeat(100_000)}@b.co`, `a@${'.'.repeat(100_000)}`]) {
      expect(withinBudget('100 KB email', BUDGET, () => matchesFormat(value, 'email'))).toBe(false);
    }
  });

  test.each([
    ['uri', `https://example.com/${'a'.repeat(1_000_000)}`, true],
    ['uri', `${'a'.repeat(1_000_000)}!`, false],
    ['datetime', `2024-01-01T00:00:00.${'1'.repeat(1_000_000)}x`, false],
    ['date', '2'.repeat(1_000_000), false],
    ['phone', `+${'1 '.repeat(500_000)}`, false],
    ['uuid', 'a-'.repeat(500_000), false],
  ] as const)('%s: a 1 MB value', (format, value, valid) => {
    expect(withinBudget(`1 MB ${format}`, BUDGET, () => matchesFormat(value, format))).toBe(valid);
  });

  test('storage: a 200 KB run of spaces', () => {
    const body = `<p>a${' '.repeat(200_000)}b</p>`;
    const read = withinBudget('200 KB of spaces', BUDGET, () => storageCodec.read(body));
    expect(read.blocks).toHaveLength(1);
  });

  test('storage: 30,000 nested <div>s', () => {
    const pages = storageRoot();
    pages[0]!.body += `${'<div>'.repeat(30_000)}x${'</div>'.repeat(30_000)}`;
    const report = withinBudget('30k divs', BUDGET, () => checkPageTree(pages, 'storage'));
    expect(report.ok && report.findings.map((f) => f.message)).toStrictEqual([expect.stringMatching(/^the page nests more than 100 levels deep/)]);
  });

  test('ADF: 5,000 nested lists', () => {
    let node: AdfNode = { type: 'paragraph', content: [{ type: 'text', text: 'x' }] };
    for (let i = 0; i < 5000; i++) node = { type: 'bulletList', content: [{ type: 'listItem', content: [node] }] };
    const pages = adfRoot();
    pages[0]!.body.content!.push(node);
    const report = withinBudget('5k ADF lists', BUDGET, () => checkPageTree(pages, 'adf'));
    expect(report.ok && report.findings.map((f) => f.message)).toStrictEqual([expect.stringMatching(/^the page nests more than 100 levels deep/)]);
  });

  test('Markdown: a heading with 200 KB of spaces inside it', () => {
    const text = `# Spec\n\n## a${' '.repeat(200_000)}b\n`;
    const tree = withinBudget('200 KB heading', BUDGET, () => markdownToPageTree(text));
    expect(withinBudget('200 KB heading', BUDGET, () => markdownCodec.read(tree[0]!.body)).blocks).toHaveLength(1);
  });
});
