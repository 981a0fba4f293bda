import fc from 'fast-check';
import { dump } from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { indexSpec, runTests } from '@specwright/core';
import { mutatedSpec, slots } from './mutations.js';
import { expectChecksCleanly, expectHandled } from './well-formed.js';

/**
 * A valid spec, broken structurally in random ways — keys deleted, values swapped for values
 * of other types, list items duplicated, unknown keys added, values buried in deep nesting —
 * is still read and checked without an exception, in memory and as YAML and JSON text.
 */

describe('mutated valid specs never crash the checker', () => {
  test('in memory: indexSpec + checkSpec + measureCompleteness', () => {
    fc.assert(
      fc.property(mutatedSpec, (spec) => {
        expectChecksCleanly(spec);
      }),
      { numRuns: 150 },
    );
  });

  test('as YAML and JSON text: loadSource + checkText', () => {
    fc.assert(
      fc.property(mutatedSpec, (spec) => {
        expectHandled(dump(spec, { lineWidth: -1, noRefs: true }), 'yaml');
        expectHandled(JSON.stringify(spec), 'json');
      }),
      { numRuns: 60 },
    );
  });

  test('values no YAML or JSON text can hold: NaN, infinities, undefined, -0, sparse arrays', () => {
    // The same list may land in two places, or inside itself: in-memory documents can hold cycles.
    const odd = fc.constantFrom<unknown>(Number.NaN, Infinity, -Infinity, undefined, -0, [, 1], Object.create(null), new Date(0), BigInt(7));
    fc.assert(
      fc.property(mutatedSpec, fc.array(fc.tuple(fc.nat(), odd), { minLength: 1, maxLength: 4 }), (generated, replacements) => {
        // Mutate a copy: fast-check shrinks the generated value after a failure.
        const spec = structuredClone(generated);
        for (const [pick, value] of replacements) {
          const all = slots(spec);
          if (all.length === 0) break;
          const { parent, key } = all[pick % all.length]!;
          (parent as Record<string | number, unknown>)[key] = value;
        }
        expectChecksCleanly(spec);
      }),
      { numRuns: 100 },
    );
  });

  test('running the test cases of a mutated spec reports results instead of throwing', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedSpec, async (spec) => {
        const run = await runTests(indexSpec(spec));
        expect(run.summary.tests).toBe(run.results.length);
        for (const result of run.results) {
          expect(['pass', 'fail']).toContain(result.status);
          for (const problem of result.problems) expect(typeof problem.message).toBe('string');
        }
      }),
      { numRuns: 40 },
    );
  });
});
