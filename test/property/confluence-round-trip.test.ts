import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { adfCodec, markdownCodec, parseSpecPageTree, renderSpecToPageTree, storageCodec, type PageCodec } from '@specwright/core';
import { exampleSpec } from '../support/examples.js';
import { deepFreeze, jsonValue } from './mutations.js';

/**
 * Generated specs survive the Confluence page tree exactly, in both representations: any text
 * (markup-like, emoji, right-to-left, control characters, edge spaces), any JSON value where the
 * format allows one, missing optional keys, nulls where a rule covers them, and `x-` extensions.
 */

const RUNS = { numRuns: 150 };

const TRICKY = ['<b>', 'a & b', ']]>', '<ac:structured-macro ac:name="status"/>', '{{x}}', '🎉👩🏽‍💻', 'مرحبا', '&nbsp;', ' padded ', 'two\nlines', '', 'yes', 'no', 'a, b', '42', 'null', '"q"', 'Story', 'Data flows', 'Property', '<br> ', 'a|b ', '`x` ', 'x\ufffe', '\uffff'];
const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 12, unit: 'grapheme' }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6, unit: 'binary' }) },
  { weight: 2, arbitrary: fc.constantFrom(...TRICKY) },
);
const value = jsonValue;
const nullable = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary }, { weight: 1, arbitrary: fc.constant(null) });
const extensions = fc.dictionary(fc.stringMatching(/^x-[a-z0-9-]{1,8}$/), value, { maxKeys: 2 });
const list = <T>(arbitrary: fc.Arbitrary<T>, maxLength = 3) => fc.array(arbitrary, { maxLength });

/** An object with optional keys, at least the required ones, and maybe extensions. */
function element<T extends Record<string, fc.Arbitrary<unknown>>>(model: T, required: (keyof T)[]) {
  return fc.tuple(fc.record(model, { requiredKeys: required as never[] }), extensions).map(([object, ext]) => ({ ...object, ...ext }));
}

const field = element({ path: text, type: text, required: fc.boolean(), format: text, enum: list(value), description: text }, ['path']);
const entity = element({ name: text, description: text, fields: list(field) }, ['name']);
const system = element({ id: text, name: text, docs: text, description: text, entities: list(entity, 2) }, ['id']);
const input = element({ id: text, label: nullable(text), help: text, type: text, options: list(value), required: fc.boolean(), default: value }, ['id']);
const endpoint = fc.record({ system: text, entities: nullable(list(text)) }, { requiredKeys: ['system'] });
const trigger = element({ id: text, type: text, event: nullable(text), filter: text, description: text, schedule: text, criteria: text, location: text, backupFor: text }, ['type']);
const outcome = element({ id: text, type: text, when: text, then: text, action: nullable(text), retry: fc.record({ maxAttempts: fc.integer(), backoff: text }, { requiredKeys: [] }) }, ['type']);
const mapping = element({ id: text, target: text, source: nullable(text), input: text, constant: value, transform: text, lookup: fc.dictionary(text, value, { maxKeys: 3 }), default: value, description: text }, ['target']);
const testCase = element(
  {
    id: text,
    title: text,
    given: fc.dictionary(text, value, { maxKeys: 2 }),
    inputs: fc.dictionary(text, value, { maxKeys: 2 }),
    expect: fc.dictionary(text, value, { maxKeys: 2 }),
    expectErrors: list(fc.record({ path: text, input: text, code: text }, { requiredKeys: ['code'] })),
  },
  ['id'],
);
const dataFlow = element(
  { id: text, title: text, description: text, source: endpoint, target: endpoint, triggers: nullable(list(trigger)), outcomes: list(outcome), mappings: nullable(list(mapping)), tests: list(testCase) },
  ['id'],
);
const useCase = element({ id: text, title: text, story: nullable(text), stakeholders: list(text), dataFlows: nullable(list(dataFlow, 2)) }, ['id']);
const businessCase = element({ summary: nullable(text), value: list(element({ stakeholder: text, benefit: text }, ['benefit'])), stakeholders: list(text), market: text }, []);
const spec = element(
  {
    specwright: fc.constant(1),
    id: text,
    title: text,
    status: fc.oneof(fc.constantFrom('draft', 'review', 'approved', 'Draft'), text),
    owner: text,
    businessCase,
    systems: list(system),
    inputs: list(input),
    useCases: list(useCase),
  },
  ['specwright', 'id', 'title', 'systems', 'useCases'],
  // Specs are JSON or YAML data: -0 and the like are what JSON makes of them.
).map((document) => JSON.parse(JSON.stringify(document)) as Record<string, unknown>);

describe.each([adfCodec, storageCodec, markdownCodec] as PageCodec<unknown>[])('$name page tree', (codec) => {
  test('gives back a generated spec exactly', () => {
    fc.assert(
      fc.property(spec, (document) => {
        const tree = JSON.parse(JSON.stringify(renderSpecToPageTree(document, codec)));
        expect(parseSpecPageTree(tree, codec).spec).toStrictEqual(document);
      }),
      RUNS,
    );
  });
});

// Frozen: the same objects come back on every run (see deepFreeze); the test inserts copies.
const NASTY_NODES = fc.constantFrom<unknown>(
  ...deepFreeze<unknown[]>([
    { type: 'table', content: 'x' },
    { type: 'text', marks: 'code', text: 5 },
    { type: 'tableRow', content: [{ type: 'tableCell', attrs: { colspan: 'two' }, content: {} }] },
    { type: 'heading', attrs: null, content: [null] },
    { type: 'status', attrs: { text: { a: 1 } } },
    { type: 'date', attrs: { timestamp: 1e20 } },
    { type: 'paragraph', content: [{ type: 'mention' }, { type: 'hardBreak' }] },
  ]),
);

/** Hand edits, as noise: whatever happens to a page body, reading gives a spec or findings, never an exception. */
describe('edited page trees', () => {
  const base = JSON.parse(JSON.stringify(renderSpecToPageTree(exampleSpec('marketing-to-crm.yaml'), storageCodec))) as { title: string; parent: string | null; body: string }[];
  const adfBase = JSON.parse(JSON.stringify(renderSpecToPageTree(exampleSpec('marketing-to-crm.yaml'), adfCodec)));
  const expectWellFormed = (result: ReturnType<typeof parseSpecPageTree>) => {
    for (const finding of result.findings) {
      expect(typeof finding.page).toBe('string');
      expect(finding.message.trim()).not.toBe('');
      // The readers' last-resort catch is not how they handle bad input.
      expect(finding.message).not.toMatch(/could not be read/);
    }
  };

  test('storage: cut, duplicated or inserted markup', () => {
    const piece = fc.oneof(fc.constantFrom('<p>', '</p>', '<td>', '</tr>', '<table>', '<h2>Systems</h2>', '<h3>Triggers</h3>', '<![CDATA[', '&nbsp;', '<code>', '<ac:structured-macro ac:name="status">', ']]>', '<', '&'), fc.string({ maxLength: 6 }));
    const edit = fc.record({ page: fc.nat(), at: fc.nat(), cut: fc.nat({ max: 200 }), insert: piece });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        const tree = structuredClone(base);
        for (const { page, at, cut, insert } of edits) {
          const target = tree[page % tree.length]!;
          const where = at % (target.body.length + 1);
          target.body = target.body.slice(0, where) + insert + target.body.slice(where + cut);
        }
        expectWellFormed(parseSpecPageTree(tree, storageCodec));
      }),
      RUNS,
    );
  });

  test('ADF: nodes replaced by other JSON values', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.oneof(value, NASTY_NODES)), { minLength: 1, maxLength: 4 }), (edits) => {
        const tree = structuredClone(adfBase);
        for (const [at, replacement] of edits) {
          const nodes: { content?: unknown[] }[] = [];
          const walk = (node: unknown) => {
            if (typeof node !== 'object' || node === null) return;
            const content = (node as { content?: unknown }).content;
            if (Array.isArray(content)) {
              nodes.push(node as { content: unknown[] });
              content.forEach(walk);
            }
          };
          tree.forEach((page: { body: unknown }) => walk(page.body));
          const parent = nodes[at % nodes.length];
          // A copy: a later edit of this run may land inside the inserted node, and the node
          // itself must not end up inside itself (page bodies are JSON: they have no cycles).
          if (parent?.content?.length) parent.content[at % parent.content.length] = structuredClone(replacement);
        }
        expectWellFormed(parseSpecPageTree(tree, adfCodec));
      }),
      RUNS,
    );
  });
});
