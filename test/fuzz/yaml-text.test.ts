import fc from 'fast-check';
import { dump } from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { MAX_YAML_NESTING, checkSpec, findNestedDeeperThan, loadSource, specText, writeJson } from '@specwright/core';
import { exampleText } from '../support/examples.js';
import { SUITE_TIMEOUT, applyEdits, describeText, edits, expectFindingShapes, expectLoadResult, fuzz, hostileText, hostileValue, longRun } from './hostile.js';

/**
 * YAML text: generated documents (block and flow, anchors shared between places), the examples,
 * and the shapes that hurt — nesting around the depth limit, aliases of aliases, a long text
 * aliased many times, aliases that nest each other, long runs, odd Unicode, cut-off markup. Each
 * loads to a mapping or a located failure within the budget; what loads checks, and what loads
 * (and is small enough to do it per input) converts back to YAML that loads again.
 */

/** `levels` flow lists around a value: on both sides of the depth limit. */
const deepFlow = fc.integer({ min: 1, max: MAX_YAML_NESTING + 100 }).map((levels) => `specwright: 1\ndeep: ${'['.repeat(levels)}x${']'.repeat(levels)}\n`);

/** Block nesting by indentation: each level a key one deeper. */
const deepBlock = fc.integer({ min: 1, max: MAX_YAML_NESTING + 50 }).map((levels) => Array.from({ length: levels }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' end\n');

/** The billion laughs, at sizes on both sides of the alias guard's limits. */
const laughs = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 60 })).map(([levels, width]) => {
  const lines = ['specwright: 1', 'a0: &a0 [x, y]'];
  for (let level = 1; level <= levels; level++) lines.push(`a${level}: &a${level} [${Array.from({ length: width }, () => `*a${level - 1}`).join(', ')}]`);
  return lines.join('\n') + '\n';
});

/** A long text aliased many times: few values, many characters. */
const longTextAliased = fc.tuple(fc.integer({ min: 1, max: 20_000 }), fc.integer({ min: 1, max: 1000 })).map(
  ([length, times]) => `specwright: 1\ntext: &t "${'x'.repeat(length)}"\nlist:\n${'  - *t\n'.repeat(times)}`,
);

/** Anchors that nest the one before: depth through aliases. */
const nestedAliases = fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 120 })).map(
  ([anchors, levels]) => 'specwright: 1\n' + Array.from({ length: anchors }, (_, i) => `a${i}: &a${i} ${'['.repeat(levels)}${i === 0 ? '1' : `*a${i - 1}`}${']'.repeat(levels)}\n`).join(''),
);

/** A generated value written as YAML, with shared parts written once and aliased. */
const generated = fc.tuple(hostileValue, hostileValue, fc.constantFrom(-1, 0, 1, 2), fc.boolean()).map(([a, b, flowLevel, share]) => {
  const root: Record<string, unknown> = { specwright: 1, a, b };
  if (share && typeof a === 'object' && a !== null) root['again'] = a; // js-yaml writes &ref_0 and *ref_0
  return dump(root, { flowLevel, lineWidth: -1 });
});

// The smallest example most often: a whole spec costs a few milliseconds to load, check and write.
const example = fc.oneof({ weight: 4, arbitrary: fc.constant(exampleText('marketing-to-crm.yaml')) }, fc.constantFrom(exampleText('order-to-erp.yaml'), exampleText('incomplete-draft.yaml')));

const document = fc.oneof(
  { weight: 10, arbitrary: generated },
  { weight: 1, arbitrary: example },
  { weight: 1, arbitrary: deepFlow },
  { weight: 1, arbitrary: deepBlock },
  { weight: 1, arbitrary: laughs },
  { weight: 1, arbitrary: longTextAliased },
  { weight: 1, arbitrary: nestedAliases },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
);

/** A document, maybe broken by edits, maybe with a long run or odd text put in somewhere. */
const yamlText = fc.tuple(document, edits, fc.option(fc.tuple(fc.nat(), fc.oneof(longRun, hostileText)), { freq: 8 })).map(([text, list, insert]) => {
  let out = applyEdits(text, list);
  if (insert) out = out.slice(0, insert[0] % (out.length + 1)) + insert[1] + out.slice(insert[0] % (out.length + 1));
  return out;
});

/** How many values (up to `limit`): the loader's expansion limits are far larger than one input's budget to write back. */
function countValues(value: unknown, limit: number): number {
  let count = 0;
  const stack = [value];
  while (stack.length > 0 && count <= limit) {
    const current = stack.pop();
    count++;
    if (typeof current === 'object' && current !== null) stack.push(...(Array.isArray(current) ? current : Object.values(current)));
  }
  return count;
}

describe('fuzz: YAML text (loadSource)', () => {
  test(
    'loads to a mapping or a located failure, checks, and what loads writes back as YAML that loads',
    () => {
      fuzz(yamlText, (text) => describeText('YAML', text), (text) => {
        const loaded = loadSource(text, 'yaml');
        expectLoadResult(loaded);
        if (!loaded.ok) return;
        // The loader's promise to every other command: no value nests deeper than YAML is read.
        expect(findNestedDeeperThan(loaded.value, MAX_YAML_NESTING)).toBeUndefined();
        expectFindingShapes(checkSpec(loaded.value));
        loaded.locate('/useCases/0/dataFlows/0');
        // js-yaml's writer copies each level's text into the next (a 500-level value takes
        // 0.6 s): the round trip is asserted per input for values of ordinary shape.
        if (text.length > 8_000 || countValues(loaded.value, 5_000) > 5_000 || findNestedDeeperThan(loaded.value, 100)) return;
        expect(typeof writeJson(loaded.value, 2)).toBe('string');
        const again = loadSource(specText(loaded.value, 'yaml'), 'yaml');
        expect(again.ok, again.ok ? '' : `convert --to yaml wrote what the loader refuses: ${again.message}`).toBe(true);
      });
    },
    SUITE_TIMEOUT,
  );
});
