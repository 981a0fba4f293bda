import fc from 'fast-check';
import { expect } from 'vitest';
import type { Finding, LoadResult, PageFinding } from '@specwright/core';
import { expectPosition } from '../property/well-formed.js';
import { FUZZ_RUNS, fuzzParameters, withinBudget, type Budget } from './budget.js';

/**
 * The pieces the parser fuzz suites build hostile inputs from, and what every result must look
 * like. Inputs are mostly small (so 10,000 of them run in seconds), with now and then one of the
 * shapes that broke a reader before: a long run of one character, deep nesting, aliases of
 * aliases, names that are Object.prototype's, odd Unicode, markup cut off anywhere.
 */

/** What one input may cost: the budget, with room for a busy machine. */
export const BUDGET: Budget = { ms: 500, mb: 64 };

/** Time for a whole suite: generous per input, since `npm run fuzz` runs ten times as many. */
export const SUITE_TIMEOUT = Math.max(60_000, FUZZ_RUNS * 30);

/** Names every object inherits: a lookup keyed by input must not find them. */
export const PROTO_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

/** Characters that parsers and text handling trip on. */
export const ODD = ['\u2028', '\u2029', '\ufeff', '\u0000', '\ud800', '\udfff', '\u202e', '\u00a0', '\u0085', '🎉', '👩🏽‍💻', 'é', 'مرحبا', '\t', '\r', '\r\n', '\n', '\\', '"', "'", '`', '&', '<', '>'];

export const oddText: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD, ...PROTO_NAMES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6, unit: 'grapheme' }) },
);

/** A long run of one character or pair, up to 60,000: what made the readers quadratic (the old storage reader took 0.5 s on 23,000 spaces). */
export const longRun: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(' ', '\t', '`', '-', '#', '|', '&', '<', '*', '[', '{', 'a', '.', '\n', ' \n', 'a.', '``', '<a b='), fc.integer({ min: 1_000, max: 60_000 }))
  .map(([piece, length]) => piece.repeat(Math.ceil(length / piece.length)));

/** Text for a value: mostly short, sometimes a long run. */
export const hostileText: fc.Arbitrary<string> = fc.oneof({ weight: 30, arbitrary: oddText }, { weight: 1, arbitrary: longRun });

/** Keys of the spec format, Object.prototype's names, extensions and noise. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('specwright', 'id', 'title', 'status', 'businessCase', 'summary', 'systems', 'useCases', 'dataFlows', 'mappings', 'tests', 'target', 'source', 'given', 'expect') },
  { weight: 2, arbitrary: fc.constantFrom(...PROTO_NAMES) },
  { weight: 1, arbitrary: fc.stringMatching(/^x-[a-z]{1,4}$/) },
  { weight: 2, arbitrary: oddText },
);

/** JSON-like values with hostile keys and text. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileText,
    fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -0, 1e308, 5e-324)),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(hostileKey, tie('value')), { maxLength: 4 }).map(objectOf),
  ),
})).value;

/** An object from entries, with every key (`__proto__` too) an own key, as the loaders make them. */
export function objectOf(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return object;
}

/** Edits that break markup anywhere: insert, delete or replace a few characters, or cut the text off. */
export const edits = fc.array(
  fc.record({
    at: fc.nat(),
    op: fc.constantFrom('insert', 'delete', 'replace', 'cut'),
    text: fc.oneof(fc.constantFrom(...ODD, ':', '-', '[', ']', '{', '}', ',', '#', '*', '&', '!', '|', '>', '%', '@', '</', '<p>', '<div>', '</td>', '<!--', ']]>', '&#x', '`'), oddText),
  }),
  { maxLength: 4 },
);

export function applyEdits(text: string, list: readonly { at: number; op: string; text: string }[]): string {
  let out = text;
  for (const { at, op, text: piece } of list) {
    const i = out.length === 0 ? 0 : at % (out.length + 1);
    if (op === 'insert') out = out.slice(0, i) + piece + out.slice(i);
    else if (op === 'delete') out = out.slice(0, i) + out.slice(i + 1 + (piece.length % 5));
    else if (op === 'replace') out = out.slice(0, i) + piece + out.slice(i + piece.length);
    else out = out.slice(0, i);
  }
  return out;
}

/** Whether one run of `work` took more time or heap than BUDGET (what withinBudget measures); its errors are thrown. */
function overBudget(work: () => void): boolean {
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  work();
  const ms = performance.now() - started;
  return ms > BUDGET.ms || (process.memoryUsage().heapUsed - heapBefore) / (1024 * 1024) > BUDGET.mb;
}

/** Runs a property over FUZZ_RUNS inputs, each within BUDGET, and checks nothing leaked onto Object.prototype. */
export function fuzz<T>(arbitrary: fc.Arbitrary<T>, label: (input: T) => string, work: (input: T) => void): void {
  const prototypeNames = Object.getOwnPropertyNames(Object.prototype).length;
  // The first runs compile the schema and warm the code up (a cold check takes ~400 ms): the
  // budget is for an input, not for starting the module.
  for (const input of fc.sample(arbitrary, { numRuns: 20, seed: 1 })) work(input);
  fc.assert(
    fc.property(arbitrary, (input) => {
      // An input over budget runs again, and the second run is the one asserted: a major GC or
      // a busy machine (CI shares its cores) can stall one run, while a slow input is slow twice.
      if (overBudget(() => work(input))) withinBudget(`${label(input)} (run again after a first run over budget)`, BUDGET, () => work(input));
      expect(({} as Record<string, unknown>)['polluted'], 'a value reached Object.prototype').toBeUndefined();
    }),
    fuzzParameters(),
  );
  expect(Object.getOwnPropertyNames(Object.prototype)).toHaveLength(prototypeNames);
}

/** A short description of an input for a failure message: its length and how it starts. */
export function describeText(kind: string, text: string): string {
  return `${kind} of ${text.length.toLocaleString('en')} characters starting ${JSON.stringify(text.slice(0, 60))}`;
}

// ---- result shapes ------------------------------------------------------------------------

/** A load gives a mapping, or a message with an optional position: the exit-2 path. */
export function expectLoadResult(result: LoadResult): void {
  if (!result.ok) {
    expect(typeof result.message === 'string' && result.message.trim() !== '', 'a load failure has a message').toBe(true);
    expectPosition(result.line, result.column);
    return;
  }
  expect(typeof result.value === 'object' && result.value !== null && !Array.isArray(result.value), 'a loaded spec is a mapping').toBe(true);
}

export function expectFindingShapes(findings: readonly Finding[]): void {
  for (const finding of findings) {
    expect(typeof finding.rule === 'string' && typeof finding.message === 'string' && finding.message !== '', 'a finding has a rule and a message').toBe(true);
    expect(typeof finding.id === 'string' && typeof finding.path === 'string', 'a finding names an element').toBe(true);
  }
}

export function expectPageFindings(findings: readonly PageFinding[]): void {
  for (const finding of findings) {
    expect(typeof finding.page === 'string' && typeof finding.message === 'string' && finding.message !== '', 'a page finding names its page and says what').toBe(true);
    if (finding.at !== undefined) expect(typeof finding.at).toBe('string');
  }
}

/** What a page codec's reader gives: blocks and problems, whatever the body was. */
export function expectBlocks(read: { blocks: unknown; problems: unknown }): void {
  expect(Array.isArray(read.blocks) && Array.isArray(read.problems), 'a reader gives blocks and problems').toBe(true);
  for (const problem of read.problems as unknown[]) expect(typeof problem).toBe('string');
}
