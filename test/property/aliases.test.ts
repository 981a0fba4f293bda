import fc from 'fast-check';
import { dump } from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { indexSpec, loadSource, runTests } from '@specwright/core';
import { EXAMPLES, freshExample, slots, type Container } from './mutations.js';
import { expectHandled, expectLoadResult } from './well-formed.js';

/**
 * YAML anchors and aliases: a shared value loads and checks like a copied one; an alias inside
 * its own anchor (a cycle) and aliases that multiply the document (the "billion laughs") are
 * refused by the loader with a message and a position, before anything walks the values.
 */

describe('anchors and aliases', () => {
  test('a value referenced from elsewhere in the spec (an alias) loads, checks and runs; a reference to its own ancestor (a cycle) is refused', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...EXAMPLES), fc.nat(), fc.nat(), fc.string({ maxLength: 6 }), async (name, from, to, key) => {
        const spec = freshExample(name);
        const all = slots(spec);
        const holder = all[from % all.length]!;
        const container = (holder.parent as Record<string | number, unknown>)[holder.key];
        if (!container || typeof container !== 'object') return;
        // Candidates: the document itself and every collection in it.
        const collections: Container[] = [spec, ...all.map((s) => (s.parent as Record<string | number, unknown>)[s.key]).filter((v): v is Container => !!v && typeof v === 'object')];
        const target = collections[to % collections.length]!;
        const cycle = isInside(container as Container, target);
        if (Array.isArray(container)) container.push(target);
        else Object.defineProperty(container, `x-${key}`, { value: target, enumerable: true, writable: true, configurable: true });

        const yaml = dump(spec, { lineWidth: -1 }); // writes the shared value once, with an anchor
        const loaded = loadSource(yaml, 'yaml');
        expectLoadResult(loaded);
        if (cycle) {
          expect(loaded.ok).toBe(false);
          if (!loaded.ok) {
            expect(loaded.message).toMatch(/contain itself/);
            expect(loaded.line).toBeGreaterThanOrEqual(1);
          }
        } else {
          expect(loaded.ok, loaded.ok ? '' : loaded.message).toBe(true);
        }
        expectHandled(yaml, 'yaml', true);
        if (loaded.ok) {
          const run = await runTests(indexSpec(loaded.value));
          expect(run.results.length).toBe(run.summary.tests);
        }
      }),
      { numRuns: 50 },
    );
  });

  test('aliases of aliases that multiply the spec are refused; modest reuse is not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 330 }), fc.integer({ min: 1, max: 330 }), fc.integer({ min: 1, max: 330 }), (mappings, flows, useCases) => {
        const yaml = aliasedSpec(mappings, flows, useCases);
        const loaded = loadSource(yaml, 'yaml');
        expectLoadResult(loaded);
        const expandedMappings = mappings * flows * useCases;
        if (loaded.ok) {
          // What loads is what the checker walks: it stays within the loader's limits.
          const index = indexSpec(loaded.value);
          expect(index.mappings.length).toBe(expandedMappings);
          expect(expandedMappings * 3).toBeLessThanOrEqual(1_000_000);
        } else {
          expect(loaded.message).toMatch(/aliases (expand|exceeded)/);
        }
        if (expandedMappings <= 1000) expect(loaded.ok).toBe(true);
        if (expandedMappings >= 400_000) expect(loaded.ok).toBe(false);
      }),
      { numRuns: 40 },
    );
  });
});

/** True when `target` is `node` or one of its ancestors' values contains `node`: i.e. `node` lies inside `target`. */
function isInside(node: Container, target: Container): boolean {
  const stack: unknown[] = [target];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === node) return true;
    if (!value || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    stack.push(...Object.values(value));
  }
  return false;
}

/** A spec whose use cases, data flows and mappings are aliases of one of each. */
function aliasedSpec(mappings: number, flows: number, useCases: number): string {
  const aliases = (name: string, n: number) => Array.from({ length: n }, () => `*${name}`).join(', ');
  return [
    'specwright: 1',
    'id: aliased',
    'title: Aliased',
    'x-parts:',
    '  m: &m { target: Customer.email, source: Event.email }',
    `  f: &f { title: f, source: { system: x, entities: [Event] }, target: { system: y, entities: [Customer] }, mappings: [${aliases('m', mappings)}] }`,
    `  u: &u { title: u, story: s, dataFlows: [${aliases('f', flows)}] }`,
    'systems: [ { id: x }, { id: y } ]',
    `useCases: [${aliases('u', useCases)}]`,
    '',
  ].join('\n');
}
