/**
 * Automap quality and speed (issue 4): precision, recall and F1 of `suggestMappings` over the
 * development set (datasets/automap-dev, micro-averaged over all gold pairs), the time
 * per case, and the time to match a generated 2,000 × 2,000 field pair.
 *
 *   node test/bench/automap.mjs [--dataset DIR] [--json] [--verbose]
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fieldsFromJsonSchema, suggestMappings } from '../../core/dist/index.js';

export const AUTOMAP_TARGETS = { f1: 0.9, largeMs: 2000 };
const here = fileURLToPath(new URL('.', import.meta.url));
export const DEFAULT_DATASET = resolve(here, '../../datasets/automap-dev');

const entity = (side) => ({ name: side.entity ?? 'Entity', system: side.system, fields: fieldsFromJsonSchema(side.schema) });

function scoreCase(file, verbose) {
  const c = JSON.parse(readFileSync(file, 'utf8'));
  const source = entity(c.source);
  const target = entity(c.target);
  const start = performance.now();
  const result = suggestMappings(source, target);
  const ms = performance.now() - start;
  const gold = new Set(c.matches.map((m) => `${m.source}\u0000${m.target}`));
  const predicted = result.matches.map((m) => `${m.source}\u0000${m.target}`);
  const tp = predicted.filter((p) => gold.has(p)).length;
  if (verbose) {
    const got = new Set(predicted);
    for (const m of result.matches) if (!gold.has(`${m.source}\u0000${m.target}`)) console.log(`  ${c.name}  FP ${m.source} → ${m.target} (${m.score}) ${m.reasons.join('; ')}`);
    for (const g of c.matches) if (!got.has(`${g.source}\u0000${g.target}`)) console.log(`  ${c.name}  FN ${g.source} → ${g.target}`);
  }
  return { name: c.name, gold: gold.size, predicted: predicted.length, tp, ms, transforms: result.transforms.length };
}

const prf = (tp, predicted, gold) => {
  const precision = predicted === 0 ? 0 : tp / predicted;
  const recall = gold === 0 ? 0 : tp / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
};

// A generated pair of large entities: domain words in many spellings, nested objects and arrays,
// the target a renamed (synonyms, other casing, other wrappers) and shuffled version with distractors.
const WORDS = [
  ['first name', 'given name'], ['last name', 'surname'], ['email', 'email address'], ['phone', 'telephone'], ['postal code', 'zip'],
  ['city', 'town'], ['state', 'province'], ['country', 'country code'], ['company', 'organization'], ['quantity', 'qty'],
  ['amount', 'amt'], ['address', 'addr'], ['birth date', 'dob'], ['created at', 'creation date'], ['updated at', 'last modified'],
  ['order id', 'transaction id'], ['product id', 'item id'], ['sku', 'sku'], ['price', 'unit price'], ['currency', 'currency code'],
  ['discount', 'discount amount'], ['tax', 'tax amount'], ['status', 'status'], ['description', 'desc'], ['owner', 'assigned to'],
  ['priority', 'priority'], ['due date', 'deadline'], ['invoice number', 'invoice id'], ['department', 'division'], ['salary', 'compensation'],
];
const QUALIFIERS = ['', 'billing', 'shipping', 'home', 'work', 'primary', 'legacy', 'external', 'internal', 'secondary'];
const PARENTS = ['customer', 'account', 'order', 'invoice', 'ticket', 'employee', 'contact', 'lead', 'shipment', 'payment', 'subscription', 'project'];

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}
const camel = (words) => words.map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join('');
const snake = (words) => words.join('_');

export function generateLargeEntities(count = 2000, seed = 7) {
  const rand = rng(seed);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const sourceFields = [];
  const targetFields = [];
  const seenS = new Set();
  const seenT = new Set();
  let n = 0;
  while (sourceFields.length < count) {
    const [a, b] = pick(WORDS);
    const q = pick(QUALIFIERS);
    const parent = pick(PARENTS);
    const group = Math.floor(rand() * 40);
    const arr = rand() < 0.2;
    const sWords = [...(q ? [q] : []), ...a.split(' '), ...(rand() < 0.3 ? [`v${group}`] : [])];
    const tWords = [...(q ? [q] : []), ...b.split(' '), ...(sWords.at(-1).startsWith('v') ? [sWords.at(-1)] : [])];
    const sPath = `${parent}${group}${arr ? '[]' : ''}.${camel(sWords)}`;
    const tPath = `${snake([parent, String(group)])}${arr ? '[]' : ''}.${snake(tWords)}`;
    n++;
    if (seenS.has(sPath)) continue;
    seenS.add(sPath);
    sourceFields.push({ path: sPath, type: 'string', required: false });
    if (rand() < 0.8 && !seenT.has(tPath)) {
      seenT.add(tPath);
      targetFields.push({ path: tPath, type: 'string', required: false });
    }
  }
  while (targetFields.length < count) {
    const p = `extra${targetFields.length}.${snake(pick(WORDS)[1].split(' '))}_${Math.floor(rand() * 1e6)}`;
    if (!seenT.has(p)) {
      seenT.add(p);
      targetFields.push({ path: p, type: pick(['string', 'number', 'date']), required: false });
    }
  }
  for (let i = targetFields.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [targetFields[i], targetFields[j]] = [targetFields[j], targetFields[i]];
  }
  return { source: { name: 'Source', fields: sourceFields }, target: { name: 'Target', fields: targetFields } };
}

export async function benchAutomap({ dataset = DEFAULT_DATASET, verbose = false, largeRuns = 3 } = {}) {
  const cases = [];
  if (existsSync(dataset)) {
    for (const f of readdirSync(dataset).filter((f) => f.endsWith('.json')).sort()) cases.push(scoreCase(join(dataset, f), verbose));
  }
  const totals = cases.reduce((t, c) => ({ tp: t.tp + c.tp, predicted: t.predicted + c.predicted, gold: t.gold + c.gold }), { tp: 0, predicted: 0, gold: 0 });
  const micro = { ...totals, ...prf(totals.tp, totals.predicted, totals.gold) };
  const { source, target } = generateLargeEntities(2000);
  const samples = [];
  let matches = 0;
  for (let r = 0; r < largeRuns; r++) {
    const start = performance.now();
    matches = suggestMappings(source, target).matches.length;
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return {
    dataset,
    cases: cases.map((c) => ({ ...c, ...prf(c.tp, c.predicted, c.gold) })),
    micro,
    large: { sourceFields: source.fields.length, targetFields: target.fields.length, matches, bestMs: samples[0], medianMs: samples[Math.floor((samples.length - 1) / 2)], runs: largeRuns },
  };
}

const f3 = (x) => x.toFixed(3);
export function printAutomap(figures) {
  console.log('\nAutomap (suggestMappings) on the development set');
  if (figures.cases.length === 0) console.log(`  no cases found at ${figures.dataset}`);
  for (const c of figures.cases) {
    console.log(`  ${c.name.padEnd(46)} P ${f3(c.precision)}  R ${f3(c.recall)}  F1 ${f3(c.f1)}  (${String(c.tp).padStart(2)}/${String(c.gold).padStart(2)} gold, ${String(c.predicted).padStart(2)} predicted)  ${c.ms.toFixed(1).padStart(6)} ms`);
  }
  const m = figures.micro;
  if (figures.cases.length > 0) {
    console.log(`  micro-average: P ${f3(m.precision)}  R ${f3(m.recall)}  F1 ${f3(m.f1)}  (${m.tp}/${m.gold} gold, ${m.predicted} predicted) — ${m.f1 >= AUTOMAP_TARGETS.f1 ? 'meets' : 'BELOW'} the F1 ${AUTOMAP_TARGETS.f1} target`);
  }
  const l = figures.large;
  console.log(
    `  ${l.sourceFields} × ${l.targetFields} fields: ${l.bestMs.toFixed(0)} ms best, ${l.medianMs.toFixed(0)} ms median of ${l.runs} (${l.matches} matches) — ${l.medianMs < AUTOMAP_TARGETS.largeMs ? 'under' : 'OVER'} the ${AUTOMAP_TARGETS.largeMs} ms target`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { dataset: { type: 'string' }, json: { type: 'boolean', default: false }, verbose: { type: 'boolean', default: false } } });
  const figures = await benchAutomap({ dataset: values.dataset ? resolve(values.dataset) : DEFAULT_DATASET, verbose: values.verbose });
  if (values.json) console.log(JSON.stringify(figures, null, 2));
  else printAutomap(figures);
}
