import { describe, expect, it } from 'vitest';
import { exampleSpec, exampleText } from '../../../test/support/examples.js';
import { checkSpec, locateFindings } from '../check/check-spec.js';
import { measureCompleteness } from '../check/completeness.js';
import { loadSource } from '../load/load-source.js';
import { indexSpec } from '../model/spec-index.js';
import { adfCodec, markdownCodec, renderSpecToPageTree, storageCodec, type PageCodec } from '../confluence/codecs.js';
import type { Finding } from '../model/finding.js';
// Through the package's subpath, as a surface imports it.
import { checkPageTree, checkText, testPageTree, testText } from '@specwright/core/api';

const EXAMPLES = ['marketing-to-crm.yaml', 'order-to-erp.yaml', 'incomplete-draft.yaml'];
const CODECS = [adfCodec, storageCodec, markdownCodec] as PageCodec<unknown>[];

/** What a report would be after crossing a Forge bridge, an HTTP response or a database column. */
const overTheWire = <T>(report: T): T => JSON.parse(JSON.stringify(report)) as T;

/** A finding without where it is, to compare the same spec read from a text and from pages. */
const withoutPlace = ({ file, line, column, page, heading, ...rest }: Finding) => rest;

describe('checkText', () => {
  it.each(EXAMPLES)('%s: the report is plain JSON and says what the building blocks say', (name) => {
    const report = checkText(exampleText(name), { file: name });
    expect(overTheWire(report)).toStrictEqual(report);
    const loaded = loadSource(exampleText(name), 'yaml');
    if (!report.ok || !loaded.ok) throw new Error('expected a readable example');
    const index = indexSpec(loaded.value);
    const findings = locateFindings(checkSpec(index), loaded.locate, name);
    expect(report.findings).toStrictEqual(findings);
    expect(report.completeness).toStrictEqual(measureCompleteness(index, findings));
    expect(report.spec.id).toBe(exampleSpec(name).id);
    expect(report.summary.errors).toBe(findings.filter((f) => f.severity === 'error').length);
  });

  it('tells JSON from the file name, and takes an explicit format over it', () => {
    const json = JSON.stringify(exampleSpec('marketing-to-crm.yaml'));
    const told = checkText(json, { file: 'spec.json' });
    expect(told).toMatchObject({ ok: true, format: 'json', summary: { errors: 0, warnings: 0 } });
    expect(checkText('{"a": 1,}', { file: 'spec.yaml', format: 'json' })).toMatchObject({ ok: false, format: 'json' });
  });

  it('gives an unreadable text as {ok: false} with the line and column, plain JSON too', () => {
    const report = checkText('specwright: 1\nid: [\n', { file: 'broken.yaml' });
    expect(report).toStrictEqual({ ok: false, format: 'yaml', file: 'broken.yaml', error: { message: expect.stringMatching(/not valid YAML/), line: 3, column: 1 } });
    expect(overTheWire(report)).toStrictEqual(report);
    expect(checkText('- a list\n')).toMatchObject({ ok: false, error: { message: expect.stringMatching(/mapping/) } });
  });

  it('with runTests also runs the test cases: test-failed findings and test counts', async () => {
    const spec = exampleSpec('order-to-erp.yaml');
    spec.useCases[0].dataFlows[0].tests[0].expect = { Invoice: { amount: -1 } };
    const report = await checkText(JSON.stringify(spec), { format: 'json', runTests: true });
    expect(overTheWire(report)).toStrictEqual(report);
    if (!report.ok) throw new Error('expected a readable spec');
    const failed = report.findings.filter((f) => f.rule === 'test-failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ id: spec.useCases[0].dataFlows[0].tests[0].id, line: expect.any(Number) });
    expect(report.summary.tests).toMatchObject({ failed: 1 });
    expect(report.summary.tests!.passed).toBe(report.summary.tests!.tests - 1);
  });
});

describe('checkPageTree', () => {
  describe.each(CODECS)('$name', (codec) => {
    it.each(EXAMPLES)('%s: plain JSON, the same findings as the text, each placed on a page', (name) => {
      const tree = overTheWire(renderSpecToPageTree(exampleSpec(name), codec));
      const report = checkPageTree(tree, codec.name);
      expect(overTheWire(report)).toStrictEqual(report);
      const text = checkText(exampleText(name));
      if (!report.ok || !text.ok) throw new Error('expected readable specs');
      expect(report.format).toBe(codec.name);
      // Pages have columns only for the format's keys (and x- ones): a misspelt key in the YAML
      // (the draft's `sourse`, `notes`) is a column or property the page reader reports instead.
      const rules = (findings: typeof text.findings) => findings.filter((f) => f.rule !== 'spec-schema').map(withoutPlace);
      expect(rules(report.findings)).toStrictEqual(rules(text.findings));
      const unknownKeys = (findings: typeof text.findings) => findings.filter((f) => f.rule === 'spec-schema').map((f) => /[`"](\w+)[`"]/.exec(f.message)?.[1]);
      expect(new Set(unknownKeys(report.findings))).toStrictEqual(new Set(unknownKeys(text.findings)));
      if (name !== 'incomplete-draft.yaml') expect(report.completeness).toStrictEqual(text.completeness);
      const titles = new Set(tree.map((page) => page.title));
      for (const finding of report.findings) expect(titles.has(finding.page!)).toBe(true);
    });
  });

  it('places a rule finding on the use-case page, at the row of its mapping', () => {
    const spec = exampleSpec('marketing-to-crm.yaml');
    spec.useCases[0].dataFlows[0].mappings[1].constant = 'also a constant'; // FM-2: source and constant
    const report = checkPageTree(renderSpecToPageTree(spec, adfCodec), 'adf', { file: 'page 123' });
    if (!report.ok) throw new Error('expected a readable tree');
    const kind = report.findings.find((f) => f.rule === 'mapping-kind');
    expect(kind).toMatchObject({ id: 'FM-2', path: '/useCases/0/dataFlows/0/mappings/1', file: 'page 123', page: 'UC-1: Create a CRM customer on conversion' });
    expect(kind!.heading).toMatch(/Field mappings.*row 3 \(FM-2\)/);
    expect(kind!.line).toBeUndefined();
  });

  it('reports a page that departs from the template as ordinary spec-schema findings about the element there', () => {
    const tree = renderSpecToPageTree(exampleSpec('marketing-to-crm.yaml'), storageCodec).map((page) => ({
      ...page,
      body: page.body.replace('<th><p>Constant</p></th>', '<th><p>Constant</p></th><th><p>Notes</p></th>'),
    }));
    const report = checkPageTree(tree, 'storage');
    expect(overTheWire(report)).toStrictEqual(report);
    if (!report.ok) throw new Error('expected a readable tree');
    const page = 'UC-1: Create a CRM customer on conversion';
    const column = report.findings.find((f) => f.message.includes('"Notes"'));
    expect(column).toStrictEqual({
      rule: 'spec-schema',
      severity: 'error',
      message: expect.stringMatching(/not part of the template/),
      id: 'DF-1',
      path: '/useCases/0/dataFlows/0',
      page,
      heading: expect.stringMatching(/"Field mappings"$/),
    });
    const rows = report.findings.filter((f) => f.rule === 'spec-schema' && /cells and the header/.test(f.message));
    expect(rows.map((f) => f.id)).toStrictEqual(exampleSpec('marketing-to-crm.yaml').useCases[0].dataFlows[0].mappings.map((m: { id: string }) => m.id));
    expect(report.summary.errors).toBe(1 + rows.length);
    // The data flow is not complete while its page departs from the template.
    const layer = report.completeness.layers.find((l) => l.layer === 'dataFlows')!;
    expect(layer.incomplete).toContainEqual({ id: 'DF-1', path: '/useCases/0/dataFlows/0', rules: ['spec-schema'] });
  });

  it('gives a tree that holds no spec as {ok: false}, naming the page where there is one', () => {
    expect(checkPageTree({ not: 'a tree' }, 'adf')).toStrictEqual({ ok: false, format: 'adf', error: { message: expect.stringMatching(/JSON array of pages/) } });
    const orphans = checkPageTree([{ title: 'A', parent: 'B', body: '<p/>' }], 'storage', { file: 'space/123' });
    expect(orphans).toStrictEqual({ ok: false, format: 'storage', file: 'space/123', error: { message: expect.stringMatching(/no root page/) } });
  });

  it('reads a body in the wrong representation as findings, not a crash', () => {
    const tree = renderSpecToPageTree(exampleSpec('marketing-to-crm.yaml'), storageCodec);
    const report = checkPageTree(tree, 'adf');
    expect(overTheWire(report)).toStrictEqual(report);
    if (report.ok) expect(report.findings.some((f) => f.rule === 'spec-schema' && f.page === tree[0]!.title)).toBe(true);
  });
});

describe('testText and testPageTree', () => {
  it.each(EXAMPLES)('%s: every test case with its records and coverage, as plain JSON', async (name) => {
    const report = await testText(exampleText(name), { file: name });
    expect(overTheWire(report)).toStrictEqual(report);
    if (!report.ok) throw new Error('expected a readable example');
    expect(report.tests.length).toBe(report.summary.tests);
    expect(report.tests.filter((t) => t.status === 'pass').length).toBe(report.summary.passed);
    for (const test of report.tests) expect(test).toMatchObject({ id: expect.any(String), dataFlow: expect.any(String), path: expect.stringMatching(/^\/useCases\/\d+\/dataFlows\/\d+\/tests\/\d+$/) });
  });

  it('gives the same outcomes from a page tree, with run findings placed on pages', async () => {
    const spec = exampleSpec('order-to-erp.yaml');
    spec.useCases[0].dataFlows[0].tests[0].expect = { Invoice: { amount: -1 } };
    const fromText = await testText(JSON.stringify(spec), { format: 'json' });
    const fromPages = await testPageTree(renderSpecToPageTree(spec, storageCodec), storageCodec);
    expect(overTheWire(fromPages)).toStrictEqual(fromPages);
    if (!fromText.ok || !fromPages.ok) throw new Error('expected readable specs');
    expect(fromPages.tests).toStrictEqual(fromText.tests);
    expect(fromPages.summary).toStrictEqual(fromText.summary);
    expect(fromPages.summary.failed).toBe(1);
    const failed = fromPages.findings.find((f) => f.rule === 'test-failed')!;
    expect(failed.page).toMatch(/^UC-1/);
    expect(failed.heading).toMatch(/"Test cases" row 2 \(TC-1\)$/);
  });

  it('carries values JSON cannot hold (.inf) as JSON would, so the report stays plain', async () => {
    const text = exampleText('order-to-erp.yaml').replace(/total: 120\b/, 'total: .inf');
    expect(text).not.toBe(exampleText('order-to-erp.yaml'));
    const report = await testText(text);
    expect(overTheWire(report)).toStrictEqual(report);
    if (!report.ok) throw new Error('expected a readable spec');
    // The amount is missing from the record: the mismatch gives no `actual` rather than an undefined one.
    const mismatch = report.tests.flatMap((t) => t.problems).find((p) => p.kind === 'mismatch' && p.path === 'SalesInvoice.amount');
    expect(mismatch).toBeDefined();
    expect(Object.keys(mismatch!)).not.toContain('actual');
  });
});
