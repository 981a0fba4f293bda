/**
 * Where check time goes, rule by rule, on the benchmark spec:
 *
 *   npm run build && node test/bench/rules.mjs [--runs N]
 *
 * The rules run in checkSpec's order on one check context per run, as in a real check, so work
 * they share (parsing expressions, collecting input references) is charged to the first rule
 * that needs it.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { dump } from 'js-yaml';
import { RULES, indexSpec, loadSource, validateSpecSchema } from '../../core/dist/index.js';
import { createCheckContext } from '../../core/dist/rules/context.js';
import { generateSpec } from './generate-spec.mjs';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
const runs = Math.max(2, Number(args.runs));

const loaded = loadSource(dump(generateSpec(), { lineWidth: -1, noRefs: true }), 'yaml');
if (!loaded.ok) throw new Error(loaded.message);
const value = loaded.value;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const rows = [];
const measure = (label, fn) => {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  rows.push([label, samples[0], median(samples.slice(1))]);
};

measure('indexSpec', () => indexSpec(value));
measure('validateSpecSchema (valibot)', () => validateSpecSchema(value));
const index = indexSpec(value);
const perRule = new Map(RULES.map((r) => [r.id, []]));
for (let i = 0; i < runs; i++) {
  const context = createCheckContext(index);
  for (const rule of RULES) {
    const start = performance.now();
    rule.check(context);
    perRule.get(rule.id).push(performance.now() - start);
  }
}
for (const [id, samples] of perRule) rows.push([id, samples[0], median(samples.slice(1))]);

rows.sort((a, b) => b[2] - a[2]);
console.log('                                  first     median');
for (const [label, first, med] of rows) console.log(`${label.padEnd(30)} ${first.toFixed(1).padStart(8)} ${med.toFixed(1).padStart(10)} ms`);
