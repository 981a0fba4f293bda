import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkSpec, loadSource, writeJson } from '@specwright/core';
import { exampleSpec } from '../support/examples.js';
import { SUITE_TIMEOUT, applyEdits, describeText, edits, expectFindingShapes, expectLoadResult, fuzz, hostileKey, hostileText, hostileValue, longRun } from './hostile.js';

/**
 * JSON text (loadSource, strict JSON): generated values with hostile keys (`__proto__` among
 * them) and text, the examples, nesting far deeper than JSON.stringify can write, repeated
 * keys, long runs of whitespace between tokens, and what people get wrong (comments, trailing
 * commas, single quotes, cut-off text). Each loads to a mapping or a located failure within the
 * budget; what loads checks, and is written back (convert --to json) to text that loads to the
 * same value.
 */

const EXAMPLE = writeJson(exampleSpec('marketing-to-crm.yaml'), 2)!;

const generated = fc.tuple(fc.array(fc.tuple(hostileKey, hostileValue), { maxLength: 5 }), fc.constantFrom(0, 2)).map(([entries, indent]) => {
  const body = entries.map(([key, value]) => `${JSON.stringify(key)}:${writeJson(value) ?? 'null'}`).join(indent ? ',\n  ' : ',');
  return `{"specwright":1${body ? `,${body}` : ''}}`;
});

/** Lists and objects nested up to 10,000 levels (JSON.stringify stops near 4,000): the loader reads any depth, and so must the writer. */
const deep = fc.tuple(fc.integer({ min: 1, max: 10_000 }), fc.boolean(), fc.boolean()).map(([levels, objects, closed]) => {
  const open = objects ? '{"a":'.repeat(levels) : '['.repeat(levels);
  const close = closed ? (objects ? '}' : ']').repeat(levels) : '';
  return `{"specwright":1,"deep":${open}1${close}}`;
});

const repeatedKey = fc.tuple(hostileKey, hostileValue, hostileValue).map(([key, a, b]) => `{"specwright":1,${JSON.stringify(key)}:${writeJson(a) ?? 'null'},${JSON.stringify(key)}:${writeJson(b) ?? 'null'}}`);

const mistakes = fc.constantFrom('{"a":1,}', '{"a":[1,2,]}', "{'a':1}", '{"a":1 // note\n}', '{"a":/* x */1}', '{"a":01}', '{"a":.5}', '{"a":"\t"}', '{"a":"\\x"}', '{"a":"\\ud800"}', '{"a":1e400}', '\ufeff{"a":1}', '{"a":1}{"b":2}', '{"a":NaN}', '');

/** Long runs of whitespace (or anything) after a few of the example's commas. */
const spaced = fc.tuple(longRun, fc.array(fc.nat(), { minLength: 1, maxLength: 4 })).map(([run, picks]) => {
  const commas = [...EXAMPLE.matchAll(/,/g)].map((match) => match.index);
  const at = new Set(picks.map((pick) => commas[pick % commas.length]! + 1));
  return [...at].sort((a, b) => b - a).reduce((text, offset) => text.slice(0, offset) + run + text.slice(offset), EXAMPLE);
});

const document = fc.oneof(
  { weight: 8, arbitrary: generated },
  { weight: 2, arbitrary: fc.constant(EXAMPLE) },
  { weight: 1, arbitrary: deep },
  { weight: 2, arbitrary: repeatedKey },
  { weight: 2, arbitrary: mistakes },
  { weight: 1, arbitrary: spaced },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
);

const jsonText = fc.tuple(document, edits, fc.option(fc.tuple(fc.nat(), hostileText), { freq: 8 })).map(([text, list, insert]) => {
  let out = applyEdits(text, list);
  if (insert) out = out.slice(0, insert[0] % (out.length + 1)) + insert[1] + out.slice(insert[0] % (out.length + 1));
  return out;
});

describe('fuzz: JSON text (loadSource)', () => {
  test(
    'loads to a mapping or a located failure, checks, and what loads is written back to text that loads the same',
    () => {
      fuzz(jsonText, (text) => describeText('JSON', text), (text) => {
        const loaded = loadSource(text, 'json');
        expectLoadResult(loaded);
        if (!loaded.ok) return;
        expectFindingShapes(checkSpec(loaded.value));
        const written = writeJson(loaded.value, 2)!;
        const again = loadSource(written, 'json');
        expect(again.ok, again.ok ? '' : `convert --to json wrote what the loader refuses: ${again.message}`).toBe(true);
        if (again.ok) expect(writeJson(again.value, 2)).toBe(written);
      });
    },
    SUITE_TIMEOUT,
  );
});
