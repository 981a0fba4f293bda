/**
 * `npm run bench`: how long loading and checking a large spec takes. Builds a spec of
 * 50 use cases × 3 data flows × 100 mappings (15,000 mappings, 3,000 tests) in memory, writes
 * it out as YAML, then times the loader and the checker from the built core (core/dist).
 *
 *   node test/bench/run.mjs [--runs N] [--use-cases N] [--json]
 *
 * Speed is measured here, never by timed unit tests (DESIGN.md). To see where the time goes:
 * `node test/bench/rules.mjs` (per rule) and `node --cpu-prof test/bench/profile-check.mjs check`.
 * On a shared machine, compare figures taken at the same load (`uptime`).
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { dump } from 'js-yaml';
import { checkSpec, checkText, indexSpec, loadSource, measureCompleteness } from '../../core/dist/index.js';
import { generateSpec } from './generate-spec.mjs';
import { time } from './timing.mjs';
import { benchEngine, printEngine } from './engine.mjs';
import { benchAutomap, printAutomap } from './automap.mjs';
import { benchConfluence, printConfluence } from './confluence.mjs';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    'use-cases': { type: 'string', default: '50' },
    json: { type: 'boolean', default: false },
  },
});
const RUNS = Math.max(3, Number(args.runs));
const TARGETS = { checkMs: 100, loadAndCheckMs: 1500 };


const ms = (x) => `${x.toFixed(1).padStart(8)} ms`;
const verdict = (value, target) => (value < target ? `under the ${target} ms target` : `OVER the ${target} ms target`);

// 0. The mapping engine (issue 3): records per second through a 30-field flow. It runs first, so
// that its throughput is not charged for collecting the large spec's garbage below.
const engine = await benchEngine();

// 1. The document.
let start = performance.now();
const spec = generateSpec({ useCases: Number(args['use-cases']) });
const generateMs = performance.now() - start;
start = performance.now();
const yaml = dump(spec, { lineWidth: -1, noRefs: true });
const dumpMs = performance.now() - start;
const sizeMb = Buffer.byteLength(yaml, 'utf8') / 1024 / 1024;

const flows = spec.useCases.flatMap((u) => u.dataFlows);
const counts = {
  useCases: spec.useCases.length,
  dataFlows: flows.length,
  mappings: flows.reduce((n, f) => n + f.mappings.length, 0),
  transforms: flows.reduce((n, f) => n + f.mappings.filter((m) => m.transform !== undefined).length, 0),
  tests: flows.reduce((n, f) => n + f.tests.length, 0),
};

// 2. Load: text → parsed value → the indexed model (derived ids, elements by id and pointer), as
// issue 2 defines the loader. The positions index is built lazily, on the first located finding.
const parse = time(Math.max(3, Math.ceil(RUNS / 3)), () => loadSource(yaml, 'yaml'));
if (!parse.result.ok) {
  console.error(`the generated spec does not load: ${parse.result.message}`);
  process.exit(1);
}
const value = parse.result.value;
const index = time(RUNS, () => indexSpec(value));
const load = time(Math.max(3, Math.ceil(RUNS / 3)), () => indexSpec(loadSource(yaml, 'yaml').value));

// 3. Check alone: every rule on the loaded spec, then the completeness report.
const check = time(RUNS, () => checkSpec(index.result));
const findings = check.result;
const completeness = time(RUNS, () => measureCompleteness(index.result, findings));

// 5. Everything `specwright check` does for one file but the I/O: load, check, locate, completeness.
const full = time(Math.max(3, Math.ceil(RUNS / 3)), () => checkText(yaml, { file: 'bench.yaml' }));
if (!full.result.ok) {
  console.error(`checkText failed: ${full.result.error.message}`);
  process.exit(1);
}

const byRule = {};
for (const f of findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;


// 7. Automap (issues 4 and 9): F1 over the development set, 2,000 × 2,000 fields, and the bounded
// work at scale: 3,000 × 3,000 similar names and 20,000 × 20,000 generated fields.
const automap = await benchAutomap();

// 8. Confluence pages (issue 5): render and parse a spec with 1,000 mappings.
const confluence = await benchConfluence();

if (args.json) {
  const strip = ({ result, ...t }) => t;
  console.log(JSON.stringify({ sizeMb, counts, load: strip(load), parse: strip(parse), index: strip(index), check: strip(check), completeness: strip(completeness), checkText: strip(full), findings: findings.length, byRule, targets: TARGETS, engine, automap, confluence }, null, 2));
} else {
  console.log(`Specwright benchmark (node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} CPUs, load average ${loadavg()[0].toFixed(2)})`);
  console.log(
    `spec: ${counts.useCases} use cases, ${counts.dataFlows} data flows, ${counts.mappings} mappings (${counts.transforms} transforms), ${counts.tests} tests`,
  );
  console.log(`YAML: ${sizeMb.toFixed(2)} MB (${yaml.split('\n').length.toLocaleString('en')} lines); generated in ${generateMs.toFixed(0)} ms, dumped in ${dumpMs.toFixed(0)} ms`);
  console.log('');
  console.log(`                                 cold         best       median   runs`);
  const row = (label, t, note = '') => console.log(`${label.padEnd(26)}${ms(t.cold)} ${ms(t.best)} ${ms(t.median)}   ${String(t.runs).padStart(4)}${note}`);
  row('load (parse + index)', load);
  row('  parse (loadSource)', parse);
  row('  index (indexSpec)', index);
  row('check (checkSpec)', check, `   median ${verdict(check.median, TARGETS.checkMs)}`);
  row('  + measureCompleteness', completeness);
  row('load + check (checkText)', full, `   median ${verdict(full.median, TARGETS.loadAndCheckMs)}`);
  console.log('');
  console.log(`findings: ${findings.length} (checkText: ${full.result.findings.length}, stage ${full.result.completeness.stage})`);
  for (const [rule, n] of Object.entries(byRule).sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(6)}  ${rule}`);
  console.log('');
  printEngine(engine);
  console.log('');
  printAutomap(automap);
  console.log('');
  printConfluence(confluence);
}
