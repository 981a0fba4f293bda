import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { adfCodec, checkPageTree, renderSpecToPageTree, renderTemplatePageTree, type AdfNode } from '@specwright/core';
import { exampleSpec } from '../support/examples.js';
import { PROTO_NAMES, SUITE_TIMEOUT, expectBlocks, expectFindingShapes, fuzz, hostileText, hostileValue, objectOf, oddText } from './hostile.js';

/**
 * ADF documents (adfCodec.read, parseSpecPageTree, the API's checkPageTree): generated node trees
 * of the template's types, the editor's types, unknown ones and Object.prototype's names, with
 * attributes of every JSON type (and objects whose toString is not a function), content that is
 * not a list, thousands of nested lists; and the rendered example pages with such nodes put in
 * anywhere. Each reads to blocks and problems, and each tree to a report, within the budget.
 * (checkPageTree reads the tree with parseSpecPageTree: every page finding becomes one of its findings.)
 */

const TYPES = [
  'paragraph', 'heading', 'table', 'tableRow', 'tableHeader', 'tableCell', 'text', 'status', 'hardBreak', 'mention', 'emoji', 'inlineCard', 'date', 'codeBlock',
  'bulletList', 'orderedList', 'listItem', 'panel', 'expand', 'nestedExpand', 'layoutSection', 'layoutColumn', 'bodiedExtension', 'blockquote', 'rule', 'extension',
  'mediaSingle', 'mediaGroup', 'doc', 'unknownThing',
];

const attrValue = fc.oneof(hostileValue, fc.constant({ toString: 1, valueOf: 1 }), fc.integer({ min: -2, max: 8 }));
const attrs = fc.array(fc.tuple(fc.constantFrom('level', 'text', 'color', 'colspan', 'rowspan', 'timestamp', 'url', 'shortName', 'localId', ...PROTO_NAMES), attrValue), { maxLength: 3 }).map(objectOf);
const junk = fc.oneof(fc.constant(null), fc.integer(), oddText, fc.constant([]), fc.constant({ type: 7 }));

const node: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc
    .record(
      {
        type: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...TYPES) }, { weight: 1, arbitrary: fc.constantFrom(...PROTO_NAMES) }, { weight: 1, arbitrary: oddText }),
        attrs: fc.oneof({ weight: 4, arbitrary: attrs }, { weight: 1, arbitrary: junk }),
        content: fc.oneof({ weight: 4, arbitrary: fc.array(fc.oneof({ weight: 4, arbitrary: tie('node') }, { weight: 1, arbitrary: junk }), { maxLength: 4 }) }, { weight: 1, arbitrary: junk }),
        text: fc.oneof(hostileText, junk),
        marks: fc.oneof(fc.array(fc.oneof(fc.record({ type: fc.constantFrom('code', 'strong', 'link', '__proto__') }), junk), { maxLength: 2 }), junk),
      },
      { requiredKeys: ['type'] },
    )
    .map((record) => record as unknown),
})).node;

/** Lists, panels or layouts nested thousands deep: the readers stop at the page's depth limit. */
const deep = fc.tuple(fc.integer({ min: 1, max: 6_000 }), fc.constantFrom('bulletList', 'panel', 'layoutSection', 'unknownThing', 'tableCell')).map(([levels, type]) => {
  let inner: AdfNode = { type: 'paragraph', content: [{ type: 'text', text: 'deep' }] };
  for (let i = 0; i < levels; i++) inner = type === 'bulletList' ? { type, content: [{ type: 'listItem', content: [inner] }] } : { type, content: [inner] };
  // fast-check prints a failing input by recursion: this one it prints as what it is.
  Object.defineProperty(inner, fc.toStringMethod, { value: () => `${levels.toLocaleString('en')} nested ${type} nodes` });
  return inner as unknown;
});

const EXAMPLE_TREE = JSON.stringify(renderSpecToPageTree(exampleSpec('marketing-to-crm.yaml'), adfCodec));
const TEMPLATE_TREE = JSON.stringify(renderTemplatePageTree(adfCodec));

/** Every content list in a tree, to put a node into. */
function contentLists(tree: { body: unknown }[]): unknown[][] {
  const lists: unknown[][] = [];
  const stack: unknown[] = tree.map((page) => page.body);
  while (stack.length > 0) {
    const current = stack.pop();
    if (typeof current !== 'object' || current === null) continue;
    const content = (current as { content?: unknown }).content;
    if (Array.isArray(content)) {
      lists.push(content);
      stack.push(...content);
    }
  }
  return lists;
}

/** The example (or the template) with generated nodes put in at some places. */
const editedTree = fc.tuple(fc.constantFrom(EXAMPLE_TREE, TEMPLATE_TREE, TEMPLATE_TREE), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.oneof({ weight: 8, arbitrary: node }, { weight: 1, arbitrary: deep })), { minLength: 1, maxLength: 3 })).map(([json, inserts]) => {
  const tree = JSON.parse(json) as { title: string; parent: string | null; body: unknown }[];
  const lists = contentLists(tree);
  for (const [which, at, inserted] of inserts) {
    const list = lists[which % lists.length]!;
    list.splice(at % (list.length + 1), 0, inserted);
  }
  return tree as unknown[];
});

/** A tree of generated pages: titles and parents of any kind, bodies that are or are not documents. */
const generatedTree = fc
  .array(
    fc.record({
      title: fc.oneof({ weight: 4, arbitrary: oddText }, { weight: 1, arbitrary: junk }),
      parent: fc.oneof(fc.constant(null), oddText, junk),
      body: fc.oneof({ weight: 6, arbitrary: fc.array(node, { maxLength: 5 }).map((content) => ({ type: 'doc', version: 1, content }) as unknown) }, { weight: 1, arbitrary: deep.map((inner) => ({ type: 'doc', content: [inner] }) as unknown) }, { weight: 1, arbitrary: junk }),
    }),
    { maxLength: 4 },
  )
  .map((pages) => pages as unknown[]);

const tree = fc.oneof({ weight: 1, arbitrary: editedTree }, { weight: 3, arbitrary: generatedTree }, { weight: 1, arbitrary: junk });

const describeTree = (input: unknown) => (Array.isArray(input) ? `an ADF page tree of ${input.length} pages (the input is printed below)` : `a page tree that is ${typeof input}`);

describe('fuzz: ADF documents', () => {
  test(
    'every body reads to blocks and problems, and every tree to findings and a report',
    () => {
      fuzz(tree, describeTree, (input) => {
        if (Array.isArray(input)) for (const page of input) expectBlocks(adfCodec.read((page as { body?: unknown } | null)?.body));
        // checkPageTree reads the tree with parseSpecPageTree, and checks what it reads.
        const report = checkPageTree(input, 'adf');
        if (report.ok) expectFindingShapes(report.findings);
        else expect(typeof report.error.message).toBe('string');
      });
    },
    SUITE_TIMEOUT,
  );
});
