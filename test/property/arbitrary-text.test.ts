import fc from 'fast-check';
import { dump } from 'js-yaml';
import { describe, test } from 'vitest';
import { exampleText } from '../support/examples.js';
import { expectHandled } from './well-formed.js';

/**
 * Whatever text arrives — noise, YAML or JSON that is almost right, a real spec with a few
 * characters broken — loading and checking it ends in a load failure with a message or in
 * well-formed findings, never in an exception.
 */

const RUNS = { numRuns: 100 };

/** Characters that carry meaning in YAML or JSON: the likeliest to break a parser's assumptions. */
const SIGNIFICANT = [...':-?[]{},#&*!|>\'"%@`\\\n\r\t ~.=$0123456789', '\u00a0', '\ufeff', '\u2028', '\u0000', '\ud800'];

const character = fc.oneof(fc.constantFrom(...SIGNIFICANT), fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }));

interface CharacterEdit {
  at: number;
  op: 'insert' | 'delete' | 'replace' | 'duplicate-line';
  text: string;
}

const characterEdits = fc.array(
  fc.record({
    at: fc.nat(),
    op: fc.constantFrom<CharacterEdit['op']>('insert', 'delete', 'replace', 'duplicate-line'),
    text: fc.oneof(character, fc.string({ maxLength: 4 })),
  }),
  { minLength: 1, maxLength: 8 },
);

/** Applies character edits at positions taken modulo the text's length. */
function applyEdits(text: string, edits: readonly CharacterEdit[]): string {
  let out = text;
  for (const { at, op, text: piece } of edits) {
    const i = out.length === 0 ? 0 : at % (out.length + 1);
    switch (op) {
      case 'insert':
        out = out.slice(0, i) + piece + out.slice(i);
        break;
      case 'delete':
        out = out.slice(0, i) + out.slice(i + 1 + (piece.length % 3));
        break;
      case 'replace':
        out = out.slice(0, i) + piece + out.slice(i + piece.length);
        break;
      case 'duplicate-line': {
        const start = out.lastIndexOf('\n', i - 1) + 1;
        const end = out.indexOf('\n', i);
        const line = out.slice(start, end === -1 ? out.length : end);
        out = out.slice(0, start) + line + '\n' + out.slice(start);
        break;
      }
    }
  }
  return out;
}

const yamlOfJson = fc.jsonValue({ maxDepth: 4 }).map((value) => dump(value, { lineWidth: -1 }));
/** An object that looks a bit like a spec, so the checker gets past the root. */
const specLike = fc
  .record(
    {
      specwright: fc.oneof(fc.constant(1), fc.jsonValue({ maxDepth: 1 })),
      id: fc.oneof(fc.constant('a-spec'), fc.string()),
      title: fc.string(),
      systems: fc.jsonValue({ maxDepth: 3 }),
      useCases: fc.jsonValue({ maxDepth: 4 }),
      businessCase: fc.jsonValue({ maxDepth: 3 }),
      inputs: fc.jsonValue({ maxDepth: 3 }),
    },
    { requiredKeys: ['specwright'] },
  );

describe('arbitrary text never crashes the loader or the checker', () => {
  test('any string, read as YAML and as JSON', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.array(character, { maxLength: 60 }).map((cs) => cs.join(''))), (text) => {
        expectHandled(text, 'yaml', true);
        expectHandled(text, 'json', true);
      }),
      RUNS,
    );
  });

  test('YAML dumped from arbitrary JSON values, then with characters mutated', () => {
    fc.assert(
      fc.property(fc.oneof(yamlOfJson, specLike.map((v) => dump(v, { lineWidth: -1 }))), characterEdits, (yaml, edits) => {
        expectHandled(yaml, 'yaml', true);
        expectHandled(applyEdits(yaml, edits), 'yaml', true);
      }),
      RUNS,
    );
  });

  test('arbitrary JSON text, as written and with characters mutated', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json({ maxDepth: 4 }), specLike.map((v) => JSON.stringify(v, null, 2))), characterEdits, (json, edits) => {
        expectHandled(json, 'json', true);
        expectHandled(json, 'yaml'); // JSON is YAML too
        expectHandled(applyEdits(json, edits), 'json', true);
      }),
      RUNS,
    );
  });

  test('YAML with anchors, aliases, tags and merge keys', () => {
    const node = fc.constantFrom('&a x', '*a', '&b [1, 2]', '*b', '<<: *c', '&c {k: v}', '!!str 1', '!!binary aGk=', '!custom x', '? [a, b]', '{a: *a}', '*missing');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('specwright', 'id', 'useCases', 'systems', 'x-a', 'k'), node), { minLength: 1, maxLength: 8 }), (entries) => {
        expectHandled(entries.map(([k, v]) => `${k}: ${v}`).join('\n'), 'yaml', true);
      }),
      RUNS,
    );
  });

  test('the example specs with characters mutated', () => {
    const examples = ['marketing-to-crm.yaml', 'order-to-erp.yaml', 'incomplete-draft.yaml'].map(exampleText);
    fc.assert(
      fc.property(fc.constantFrom(...examples), characterEdits, (text, edits) => {
        const mutated = applyEdits(text, edits);
        expectHandled(mutated, 'yaml');
        expectHandled(JSON.stringify(mutated), 'json'); // a JSON string at the root: not a spec
      }),
      { numRuns: 100 },
    );
  });
});
