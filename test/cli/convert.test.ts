import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSource } from '@specwright/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleSpec } from '../support/examples.js';
import { ensureBuilt, specwright, specwrightMany, STACK_FRAME, tempDir, type Run } from './run.js';

// `specwright convert`, as processes: spec ⇄ Confluence page tree (ADF and storage format).

const tmp = tempDir();
const adfOut = join(tmp.dir, 'pages.adf.json');
const storageOut = join(tmp.dir, 'out', 'pages.storage.json');
const notTree = tmp.write('list.json', '[1, 2, 3]');
const broken = tmp.write('broken.yaml', 'specwright: 1\nid: [a\n');
let runs: Record<string, Run>;

beforeAll(async () => {
  ensureBuilt();
  runs = await specwrightMany({
    toAdf: ['convert', 'examples/order-to-erp.yaml', '--to', 'adf', '--out', adfOut],
    toStorage: ['convert', 'examples/marketing-to-crm.yaml', '--to', 'storage', '--out', storageOut],
    toJson: ['convert', 'examples/marketing-to-crm.yaml', '--to', 'json'],
    noTo: ['convert', 'examples/marketing-to-crm.yaml'],
    badTo: ['convert', 'examples/marketing-to-crm.yaml', '--to', 'docx'],
    missing: ['convert', 'nope.yaml', '--to', 'adf'],
    notTree: ['convert', notTree, '--to', 'yaml'],
    broken: ['convert', broken, '--to', 'adf'],
    template: ['convert', '--template', '--to', 'storage'],
    toMarkdown: ['convert', 'examples/order-to-erp.yaml', '--to', 'markdown', '--out', join(tmp.dir, 'spec.md')],
    templateWithFile: ['convert', '--template', 'examples/marketing-to-crm.yaml', '--to', 'adf'],
  });
}, 120_000);

afterAll(() => tmp.cleanup());

describe('specwright convert', () => {
  it('writes a spec as an ADF page tree and reads it back to the same spec', async () => {
    expect(runs.toAdf!).toMatchObject({ code: 0, stdout: '' });
    const tree = JSON.parse(readFileSync(adfOut, 'utf8'));
    expect(tree.map((page: { title: string; parent: string | null }) => page.parent)).toStrictEqual([null, tree[0].title, tree[0].title]);
    expect(tree[0].body.type).toBe('doc');
    const back = await specwright('convert', adfOut, '--to', 'yaml');
    expect(back.code).toBe(0);
    expect(back.stderr).toBe('');
    expect((loadSource(back.stdout, 'yaml') as { value: unknown }).value).toStrictEqual(exampleSpec('order-to-erp.yaml'));
  });

  it('writes a storage-format page tree (creating the folder) and reads it back as JSON', async () => {
    expect(runs.toStorage!.code).toBe(0);
    const tree = JSON.parse(readFileSync(storageOut, 'utf8'));
    expect(typeof tree[0].body).toBe('string');
    const back = await specwright('convert', storageOut, '--to', 'json');
    expect(back.code).toBe(0);
    expect(JSON.parse(back.stdout)).toStrictEqual(exampleSpec('marketing-to-crm.yaml'));
    expect(JSON.parse(runs.toJson!.stdout)).toStrictEqual(exampleSpec('marketing-to-crm.yaml'));
  });

  it('converts a hand-edited page tree, and names the page and heading that departs from the template (exit 1)', async () => {
    const tree = JSON.parse(readFileSync(storageOut, 'utf8'));
    tree[1].body = tree[1].body.replace('<h3>Field mappings</h3>', '');
    const edited = tmp.write('edited.json', JSON.stringify(tree));
    const run = await specwright('convert', edited, '--to', 'yaml');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^.*edited\.json: page "UC-1: Create a CRM customer on conversion" › heading "Conversion event → CRM customer" › "Outcomes": a table \(Id \| Source \| Target/);
    expect(run.stdout).toMatch(/^specwright: 1\n/);
  });

  it('writes a spec as one Markdown file and reads it back', async () => {
    expect(runs.toMarkdown!.code).toBe(0);
    const markdown = readFileSync(join(tmp.dir, 'spec.md'), 'utf8');
    expect(markdown).toMatch(/^# Web shop orders → ERP invoices and credit notes\n/);
    const back = await specwright('convert', join(tmp.dir, 'spec.md'), '--to', 'json');
    expect(back.code).toBe(0);
    expect(JSON.parse(back.stdout)).toStrictEqual(exampleSpec('order-to-erp.yaml'));
  });

  it('renders the blank template with guidance as instructional text', () => {
    expect(runs.template!.code).toBe(0);
    const tree = JSON.parse(runs.template!.stdout);
    expect(tree.map((page: { title: string }) => page.title)).toStrictEqual(['New integration spec', 'UC-1: First use case']);
    expect(tree[1].body).toContain('<ac:placeholder>One story, not paragraphs');
  });

  it.each([
    ['templateWithFile', /--template takes no file/],
    ['noTo', /needs --to yaml\|json\|adf\|storage\|markdown/],
    ['badTo', /--to must be one of yaml, json, adf, storage, markdown \(got "docx"\)/],
    ['missing', /^nope\.yaml: cannot be read: there is no such file/],
    ['notTree', /list\.json: is a JSON array but not a page tree/],
    ['broken', /broken\.yaml:\d+:\d+: is not valid YAML/],
  ])('refuses %s with exit 2 and a one-line reason', (name, reason) => {
    const run = runs[name]!;
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(reason);
    expect(run.stderr).not.toMatch(STACK_FRAME);
    expect(run.stdout).toBe('');
  });
});
