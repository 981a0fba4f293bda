import { describe, expect, it } from 'vitest';
import { exampleSpec } from '../../../test/support/examples.js';
import { checkPageTree } from '../api/check.js';
import type { AdfNode } from './adf.js';
import { MAX_FINDINGS_PER_PAGE, adfCodec, markdownCodec, parseSpecPageTree, renderSpecToPageTree, storageCodec, type PageCodec } from './codecs.js';
import { markdownToPageTree, pageTreeToMarkdown } from './markdown-document.js';
import { PAGE_TOO_DEEP } from './page-tree.js';
import { decodeEntities } from './storage-xml.js';

/**
 * Pages written to break the readers: deep nesting, long runs of spaces, names that are
 * Object.prototype's, more departures from the template than anyone makes. Each is read to the
 * right result (or the right finding), never to a stack overflow or a half-read tree.
 */

const spec = () => exampleSpec('marketing-to-crm.yaml');
const ROOT = 'X Marketing → Y CRM';
const CHILD = 'UC-1: Create a CRM customer on conversion';

function storagePages(edit: (body: string, index: number) => string = (body) => body) {
  return renderSpecToPageTree(spec(), storageCodec).map((page, index) => ({ ...page, body: edit(page.body, index) }));
}

/** `levels` bullet lists, one inside the other, around a paragraph. */
function nestedLists(levels: number): AdfNode {
  let node: AdfNode = { type: 'paragraph', content: [{ type: 'text', text: 'deep' }] };
  for (let i = 0; i < levels; i++) node = { type: 'bulletList', content: [{ type: 'listItem', content: [node] }] };
  return node;
}

describe('nesting deeper than a page may', () => {
  it.each([10_000, 30_000])('storage: %i nested <div>s are a finding naming the page; the rest of the page is read', (levels) => {
    const pages = storagePages((body, index) => (index === 0 ? `${body}${'<div>'.repeat(levels)}<p>deep</p>${'</div>'.repeat(levels)}` : body));
    const result = parseSpecPageTree(pages, storageCodec);
    expect(result.findings).toStrictEqual([{ page: ROOT, message: PAGE_TOO_DEEP }]);
    expect(result.spec).toStrictEqual(spec());
  });

  it('storage: what follows a too-deep part (closed or not) is read in place', () => {
    const pages = storagePages((body, index) => (index === 1 ? `${'<div><span>'.repeat(200)}x${'</span></div>'.repeat(150)}${body}` : body));
    const result = parseSpecPageTree(pages, storageCodec);
    expect(result.findings[0]).toStrictEqual({ page: CHILD, message: PAGE_TOO_DEEP });
  });

  it('ADF: 5,000 nested lists are a finding naming the page; the rest of the page is read', () => {
    const pages = renderSpecToPageTree(spec(), adfCodec);
    pages[0]!.body.content!.push(nestedLists(5000));
    const result = parseSpecPageTree(pages, adfCodec);
    expect(result.findings).toStrictEqual([{ page: ROOT, message: PAGE_TOO_DEEP }]);
    expect(result.spec).toStrictEqual(spec());
  });

  it('ADF: a document that contains itself (an in-memory body) is read to the depth limit, not forever', () => {
    const pages = renderSpecToPageTree(spec(), adfCodec);
    const loop: AdfNode = { type: 'panel', content: [] };
    loop.content!.push(loop);
    pages[1]!.body.content!.push(loop);
    expect(parseSpecPageTree(pages, adfCodec).findings).toStrictEqual([{ page: CHILD, message: PAGE_TOO_DEEP }]);
  });

  it('the API reports it as an ordinary spec-schema finding on the page, and checks the rest', () => {
    const pages = renderSpecToPageTree(spec(), adfCodec);
    pages[0]!.body.content!.push(nestedLists(5000));
    const report = checkPageTree(pages, 'adf');
    expect(report.ok).toBe(true);
    if (report.ok) {
      expect(report.findings.map((f) => [f.rule, f.page, f.message])).toStrictEqual([['spec-schema', ROOT, PAGE_TOO_DEEP]]);
      expect(report.spec.id).toBe('x-marketing-to-y-crm');
    }
  });
});

describe('long runs of spaces and backticks', () => {
  it('storage: a 200 KB run of spaces is text; with a line break in it, it is one space', () => {
    const run = ' '.repeat(100_000);
    const pages = storagePages((body) => body.replace('<td><p>Dana (Integrations)</p></td>', `<td><p>a${run}b</p></td>`).replace('<p>When a conversion event', `<p>Wh${run}\n${run}en a conversion event`));
    const result = parseSpecPageTree(pages, storageCodec);
    expect(result.findings).toStrictEqual([]);
    expect(result.spec!['owner']).toBe(`a${run}b`);
    expect((result.spec!['useCases'] as { story: string }[])[0]!.story).toMatch(/^Wh en a conversion event/);
  });

  it('storage: a tag that never closes is text, however many follow it', () => {
    const body = `<p>${'<a b=<a b='.repeat(20_000)}</p>`;
    const { blocks } = storageCodec.read(body);
    expect(blocks).toStrictEqual([{ kind: 'paragraph', content: [{ kind: 'text', text: '<a b='.repeat(40_000) }] }]);
  });

  it('Markdown: a heading and a title with 100 KB of spaces inside them read as written', () => {
    const spaces = ' '.repeat(100_000);
    const tree = markdownToPageTree(`# Root${spaces}x${spaces}\n\n## Business${spaces}case ##${spaces}\n`);
    expect(tree.map((page) => page.title)).toStrictEqual([`Root${spaces}x`]);
    expect(markdownCodec.read(tree[0]!.body).blocks).toStrictEqual([{ kind: 'heading', level: 2, text: `Business${spaces}case` }]);
  });

  it('Markdown: many unclosed code fences are text', () => {
    // Runs of 300, 299, … 1 backticks: none has a closing run as long as itself after it.
    const text = Array.from({ length: 300 }, (_, i) => '`'.repeat(300 - i)).join('x');
    const { blocks } = markdownCodec.read(text);
    expect(blocks).toStrictEqual([{ kind: 'paragraph', content: [{ kind: 'text', text }] }]);
  });

  it('Markdown: a value holding 200,000 backtick runs is written and read back', () => {
    const doc = spec();
    doc.owner = '`a'.repeat(200_000);
    const result = parseSpecPageTree(markdownToPageTree(pageTreeToMarkdown(renderSpecToPageTree(doc, markdownCodec))), markdownCodec);
    expect(result.findings).toStrictEqual([]);
    expect(result.spec!['owner']).toBe(doc.owner);
  });
});

describe("names that are Object.prototype's", () => {
  it('storage: &constructor; and &toString; are no entities and stay as written', () => {
    expect(decodeEntities('&constructor; &toString; &__proto__; &hasOwnProperty; &amp;')).toBe('&constructor; &toString; &__proto__; &hasOwnProperty; &');
  });

  it('storage: an attribute named __proto__ is an attribute', () => {
    const { blocks } = storageCodec.read('<table><tbody><tr><td __proto__="x" colspan="2"><p>a</p></td></tr></tbody></table>');
    expect(blocks).toStrictEqual([{ kind: 'table', rows: [[{ paragraphs: [[{ kind: 'text', text: 'a' }]], span: true }]] }]);
  });

  it.each(['constructor', '__proto__', 'toString'])('a data-flow heading "%s" is a heading the template does not have', (name) => {
    const pages = storagePages((body, index) => (index === 1 ? body.replace('<h3>Triggers</h3>', `<h3>${name}</h3>`) : body));
    const result = parseSpecPageTree(pages, storageCodec);
    expect(result.spec).toBeDefined();
    expect(result.findings).toStrictEqual([
      { page: CHILD, at: `heading "Conversion event → CRM customer" › "${name}"`, message: 'this heading is not part of the data flow template, so its content is not read' },
    ]);
  });

  const codecs = [storageCodec, adfCodec, markdownCodec] as PageCodec<unknown>[];
  const travel = (doc: Record<string, unknown>, codec: PageCodec<unknown>) => {
    const rendered = renderSpecToPageTree(doc, codec);
    return parseSpecPageTree(codec.name === 'markdown' ? markdownToPageTree(pageTreeToMarkdown(rendered as never)) : JSON.parse(JSON.stringify(rendered)), codec);
  };
  const withKey = (object: object, key: string, value: unknown) => Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });

  it.each(codecs.map((codec) => [codec.name, codec] as const))('%s: a key named constructor or __proto__ on one mapping is a column of its own, and the other mappings have no value in it', (_name, codec) => {
    const doc = JSON.parse(JSON.stringify(spec())) as Record<string, any>;
    const mappings = doc.useCases[0].dataFlows[0].mappings;
    withKey(mappings[0], 'constructor', 1);
    withKey(mappings[1], '__proto__', { polluted: true });
    const result = travel(doc, codec);
    // Not x- keys, so not read back (as for any key the format does not name); said so, and nothing else changes.
    expect(result.findings.map((f) => f.message)).toStrictEqual([
      expect.stringMatching(/^the column "constructor" is not part of the template/),
      expect.stringMatching(/^the column "__proto__" is not part of the template/),
    ]);
    delete mappings[0].constructor;
    delete mappings[1].__proto__;
    expect(result.spec).toStrictEqual(doc);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it.each(codecs.map((codec) => [codec.name, codec] as const))('%s: extensions named x-a.__proto__ and x-constructor travel as keys', (_name, codec) => {
    const doc = JSON.parse(JSON.stringify(spec())) as Record<string, any>;
    const flow = doc.useCases[0].dataFlows[0];
    withKey(flow, 'x-a.__proto__', { polluted: true });
    withKey(flow.mappings[2], 'x-constructor', 1);
    const result = travel(doc, codec);
    expect(result.findings).toStrictEqual([]);
    expect(result.spec).toStrictEqual(doc);
    const read = (result.spec as Record<string, any>).useCases[0].dataFlows[0];
    expect(Object.keys(read)).toContain('x-a.__proto__');
    expect(Object.getPrototypeOf(read['x-a.__proto__'])).toBe(Object.prototype);
  });
});

describe('work is bounded by what the pages hold', () => {
  it('rows that name one page read it once: the later ones are findings', () => {
    const pages = storagePages((body, index) => {
      if (index !== 0) return body;
      const row = body.match(/<tr><td><p>UC-1<\/p><\/td>.*?<\/tr>/)![0];
      return body.replace(row, row.repeat(1000));
    });
    const result = parseSpecPageTree(pages, storageCodec);
    const useCases = result.spec!['useCases'] as Record<string, unknown>[];
    expect(useCases).toHaveLength(1000);
    expect(useCases[0]).toStrictEqual(spec().useCases[0]);
    expect(useCases[1]).toStrictEqual({ id: 'UC-1', title: 'Create a CRM customer on conversion', stakeholders: ['Sales'] });
    expect(result.findings[0]).toStrictEqual({ page: ROOT, at: 'heading "Use cases" row 3 (UC-1)', message: `the page "${CHILD}" is named by two rows; only the first reads it, so this use case has no story or data flows` });
  });
});

describe('findings are bounded per page', () => {
  it(`a page with 1,000 columns the template does not have lists ${MAX_FINDINGS_PER_PAGE} and counts the rest`, () => {
    const extra = Array.from({ length: 1000 }, (_, i) => `<th><p>col${i}</p></th>`).join('');
    const pages = storagePages((body, index) => (index === 1 ? body.replace('<tr><th><p>Id</p></th>', `<tr>${extra}<th><p>Id</p></th>`) : body));
    const result = parseSpecPageTree(pages, storageCodec);
    expect(result.findings).toHaveLength(MAX_FINDINGS_PER_PAGE + 1);
    expect(result.findings[0]!.message).toMatch(/^the column "col0" is not part of the template/);
    // 1,000 columns, and the two trigger rows that now have fewer cells than the header.
    expect(result.findings.at(-1)).toStrictEqual({ page: CHILD, message: '… and 902 more places where this page departs from the template; only the first 100 are listed' });
  });
});
