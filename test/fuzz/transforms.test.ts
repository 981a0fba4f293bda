import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { indexSpec } from '@specwright/core';
// The engine's inner loop, as the bench times it: not part of core's public surface.
import { compileDataFlows, evaluateDataFlow } from '../../core/src/engine/data-flow.js';
import { compileTransform, describeTransformError } from '../../core/src/engine/transform.js';
import { parseExpression } from '../../core/src/expr/expressions.js';
import { TestSandbox } from '../../cli/src/sandbox/sandboxed-tests.js';
import { fuzzParameters, FUZZ_RUNS, withinBudgetAsync, type Budget } from './budget.js';

/**
 * Transform evaluation on generated JSONata: paths, operators, conditionals, function calls
 * (string functions, $match/$replace/$split/$contains with generated regexes), ranges, and deep
 * nesting, on generated records. In-process, every input ends within the budget with a value or
 * a reported transform error (a jsonata-style error the engine describes), never anything else.
 * A few hundred inputs, hostile ones among them (lists that double per step, runaway recursion),
 * go through the CLI's worker sandbox, which must end each with a result.
 */

/**
 * Per input: jsonata's 1 s timeout plus room, and a heap figure that counts garbage not yet
 * collected: a second of jsonata's steps (`$filter([1..99999], function…)`) leaves about 70 MB
 * of it, all of it collectable.
 */
const BUDGET: Budget = { ms: 1500, mb: 128 };
/** Each kill costs the deadline and a fresh worker's start: a few hundred inputs go through the sandbox. */
const SANDBOXED_RUNS = Math.max(100, Math.round(FUZZ_RUNS / 50));

const name = fc.constantFrom('a', 'b', 'n', 's', 'items', 'price', 'missing');
const path = fc.array(name, { minLength: 1, maxLength: 3 }).map((steps) => steps.join('.'));
const text = fc.string({ maxLength: 6, unit: fc.constantFrom('a', 'b', 'A', ' ', '-', '1', 'é', '"', '\\', '$', '😀') });
const stringLiteral = text.map((t) => JSON.stringify(t));
// Mostly small; now and then at or past the limits (ranges of 100,000 items, pads of 100,000).
const number = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: -5, max: 100 }) },
  { weight: 2, arbitrary: fc.constantFrom(0, 0.5, 2.5, 1000) },
  { weight: 1, arbitrary: fc.constantFrom(99_999, 100_000, 100_001, 1_000_000, 10_000_000) },
);
const literal = fc.oneof(number.map(String), stringLiteral, fc.constantFrom('true', 'false', 'null', '[]', '{}'));
const variable = fc.constantFrom('$source', '$inputs.x', '$inputs.missing', '$');

/** A small regex, with the constructs RE2 lacks and the classic catastrophic ones now and then. */
const regexBody: fc.Arbitrary<string> = fc.letrec<{ atom: string; piece: string; alternation: string }>((tie) => ({
  atom: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('a', 'b', '.', '\\d', '\\w', '\\s', '[ab]', '[^a]', '[a-z]', 'é', '\\.', '\\/', '\\u0041') },
    { weight: 1, arbitrary: tie('alternation').map((inner) => `(${inner})`) },
    { weight: 1, arbitrary: tie('alternation').map((inner) => `(?:${inner})`) },
  ),
  piece: fc.tuple(tie('atom'), fc.constantFrom('', '', '+', '*', '?', '{2}', '{1,3}', '+?')).map(([atom, quantifier]) => atom + quantifier),
  alternation: fc.array(fc.array(tie('piece'), { minLength: 1, maxLength: 3 }).map((pieces) => pieces.join('')), { minLength: 1, maxLength: 2 }).map((branches) => branches.join('|')),
})).alternation.chain((body) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constant(body) },
    { weight: 1, arbitrary: fc.constantFrom('^a', 'b$', '(a+)+$', '(a|aa)+b', '(x+x+)+y', '(a)\\1', '(?=a)a', '(?<!a)b', '(?<n>a)\\k<n>', 'a{1001}') },
  ),
);
const regex = fc.tuple(regexBody, fc.constantFrom('', 'i', 'm')).map(([body, flags]) => `/${body}/${flags}`);

/** Deep nesting: parentheses, blocks or path steps, past the limits now and then. */
const deep = fc.tuple(fc.constantFrom('parens', 'blocks', 'path'), fc.integer({ min: 1, max: 700 }), fc.constantFrom(1, 1, 1, 5)).map(([kind, n, scale]) => {
  const times = n * scale;
  if (kind === 'parens') return '('.repeat(times) + 'n' + ')'.repeat(times);
  if (kind === 'blocks') return '('.repeat(times) + '1; n' + ')'.repeat(times);
  return 'items' + '.price'.repeat(times);
});

const expression: fc.Arbitrary<string> = fc.letrec<{ expr: string }>((tie) => {
  const expr = tie('expr');
  const call = (fn: string, ...args: fc.Arbitrary<string>[]) => fc.tuple(...args).map((values) => `$${fn}(${values.join(', ')})`);
  return {
    expr: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 6, arbitrary: fc.oneof(path, literal, variable) },
      { weight: 3, arbitrary: fc.tuple(expr, fc.constantFrom('+', '-', '*', '/', '%', '&', '=', '!=', '<', '>=', 'and', 'or', 'in', '??', '?:'), expr).map(([l, op, r]) => `${l} ${op} ${r}`) },
      { weight: 2, arbitrary: fc.tuple(expr, expr, expr).map(([c, t, e]) => `(${c} ? ${t} : ${e})`) },
      { weight: 1, arbitrary: fc.tuple(number, number).map(([from, to]) => `[${from}..${to}]`) },
      { weight: 1, arbitrary: fc.array(expr, { maxLength: 3 }).map((items) => `[${items.join(', ')}]`) },
      { weight: 1, arbitrary: fc.tuple(stringLiteral, expr).map(([k, v]) => `{${k}: ${v}}`) },
      { weight: 1, arbitrary: fc.tuple(path, expr).map(([p, predicate]) => `${p}[${predicate}]`) },
      { weight: 1, arbitrary: expr.map((e) => `(${e})`) },
      {
        weight: 4,
        arbitrary: fc.oneof(
          call('string', expr),
          call('length', expr),
          call('substring', expr, number.map(String), number.map(String)),
          call('uppercase', expr),
          call('trim', expr),
          call('pad', expr, number.map(String), stringLiteral),
          call('join', expr, stringLiteral),
          call('split', expr, fc.oneof(stringLiteral, regex)),
          call('match', expr, regex),
          call('replace', expr, fc.oneof(stringLiteral, regex), fc.oneof(stringLiteral, fc.constantFrom('"$1$0"', '"[$2]"'))),
          call('contains', expr, fc.oneof(stringLiteral, regex)),
          call('count', expr),
          call('sum', expr),
          call('sort', expr),
          call('reverse', expr),
          call('distinct', expr),
          call('keys', expr),
          call('base64encode', expr),
          call('number', expr),
          call('fromMillis', number.map(String), fc.constantFrom('"[Y0001]-[M01]"', '"[Y,2000]"', '"[H01]:[m01]"')),
          fc.tuple(expr, expr).map(([list, body]) => `$map(${list}, function($v) { ${body} })`),
          fc.tuple(expr, expr).map(([list, body]) => `$filter(${list}, function($v) { ${body} })`),
        ),
      },
      { weight: 1, arbitrary: deep },
    ),
  };
}).expr;

const scalar = fc.oneof(fc.integer({ min: -10, max: 1000 }), text, fc.boolean(), fc.constant(null), fc.constant(`${'a'.repeat(41)}!`));
const item = fc.record({ price: fc.oneof(fc.integer({ min: 0, max: 99 }), text), qty: fc.integer({ min: 0, max: 5 }), name: text }, { requiredKeys: [] });
const record = fc.record({ a: scalar, b: fc.oneof(scalar, fc.array(scalar, { maxLength: 3 })), n: fc.integer({ min: -3, max: 50 }), s: scalar, items: fc.array(item, { maxLength: 4 }) }, { requiredKeys: [] });

/** What the engine reports as a transform error: jsonata's error objects, its guards', or a stack overflow. */
function isReportedError(error: unknown): boolean {
  if (error instanceof RangeError) return /call stack/.test(error.message);
  const e = error as { code?: unknown; message?: unknown };
  return typeof e === 'object' && e !== null && typeof e.code === 'string' && typeof e.message === 'string' && describeTransformError(error).length > 0;
}

/** A flow with the generated transform and a plain one beside it, so the engine's batched path runs too. */
function flowOf(transform: string, given: Record<string, unknown> = { S: {} }) {
  const index = indexSpec({
    specwright: 1,
    id: 'fuzz',
    title: 'Fuzz',
    systems: [{ id: 's' }, { id: 't' }],
    useCases: [
      {
        id: 'UC-1',
        dataFlows: [
          {
            id: 'DF-1',
            source: { system: 's', entities: ['S'] },
            target: { system: 't', entities: ['T'] },
            mappings: [
              { id: 'FM-1', target: 'T.value', transform },
              { id: 'FM-2', target: 'T.copy', source: 'S.s', transform: '$string($source) & "!"' },
            ],
            tests: [{ id: 'TC-1', given, expect: { T: {} } }],
          },
        ],
      },
    ],
  });
  return index;
}

const counts = { inputs: 0, parsed: 0, values: 0, errors: 0, sandboxed: 0 };
afterAll(() => {
  console.log(`transform fuzz: ${counts.inputs} in-process inputs (${counts.parsed} parsed; ${counts.values} values, ${counts.errors} reported errors), ${counts.sandboxed} through the worker sandbox`);
});

describe('fuzz: transform evaluation', () => {
  it(`ends every generated transform within ${BUDGET.ms} ms and ${BUDGET.mb} MB with a value or a reported error (${FUZZ_RUNS} inputs)`, async () => {
    await fc.assert(
      fc.asyncProperty(expression, record, scalar, async (text, S, source) => {
        counts.inputs++;
        const parsed = parseExpression(text);
        if (!parsed.ok) return; // the check reports it; the engine does not run it
        counts.parsed++;
        await withinBudgetAsync(text.slice(0, 200), BUDGET, async () => {
          try {
            await compileTransform(text).evaluate({ S }, { inputs: { x: source }, source });
            counts.values++;
          } catch (error) {
            counts.errors++;
            expect(isReportedError(error), `${text} threw ${String(error)} (${(error as Error)?.stack ?? ''})`).toBe(true);
          }
          // One in four also through the engine's own path: batched with another transform,
          // converted to JSON, never throwing.
          if (counts.parsed % 4 === 0) {
            const [flow] = compileDataFlows(flowOf(text));
            const run = await evaluateDataFlow(flow!, { S }, { x: source });
            for (const problem of run.problems) expect(typeof problem.message).toBe('string');
          }
        });
      }),
      fuzzParameters(),
    );
  }, 600_000);

  const hostile = fc.oneof(
    { weight: 60, arbitrary: expression },
    { weight: 1, arbitrary: fc.integer({ min: 20, max: 40 }).map((n) => `$count($reduce([1..${n}], function($list, $v) { [$list, $list] }, [1]))`) },
    { weight: 1, arbitrary: fc.constantFrom('($f := function($n) { $f($n + 1) }; $f(0))', '($f := function($n) { $n > 0 ? $f($n - 1) : 0 }; $f(100000000))') },
  );

  it(`ends every generated test in the worker sandbox with a result (${SANDBOXED_RUNS} inputs)`, async () => {
    const sandbox = new TestSandbox({ timeLimitMs: 500, memoryLimitMb: 64 });
    try {
      await fc.assert(
        fc.asyncProperty(hostile, record, async (text, S) => {
          counts.sandboxed++;
          const index = flowOf(text, { S });
          // A kill and a fresh worker take the deadline plus a worker's start.
          await withinBudgetAsync(text.slice(0, 200), { ms: 5000, mb: 64 }, async () => {
            const run = await sandbox.runTests(index);
            expect(run.results).toHaveLength(1);
            for (const problem of run.results[0]!.problems) expect(typeof problem.message).toBe('string');
          });
        }),
        fuzzParameters(SANDBOXED_RUNS),
      );
    } finally {
      await sandbox.close();
    }
  }, 600_000);
});
