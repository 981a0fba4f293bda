/**
 * Automap quality and speed (issues 4 and 9): precision, recall and F1 of `suggestMappings` over
 * the development set (datasets/automap-dev, micro-averaged over all gold pairs), the time per
 * case, the time to match a generated 2,000 × 2,000 field pair, and the bounded work at scale:
 * 3,000 × 3,000 fields whose names all share their words (`customerField12` ↔ `customer_field_12`)
 * and a generated 20,000 × 20,000 pair (time, heap, and how many of the generator's own pairs
 * are found).
 *
 *   node test/bench/automap.mjs [--dataset DIR] [--json] [--verbose] [--no-huge]
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
  /** The pairs the generator made: a source and its renamed target. */
  const gold = [];
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
      gold.push([sPath, tPath]);
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
  return { source: { name: 'Source', fields: sourceFields }, target: { name: 'Target', fields: targetFields }, gold };
}

/** `count` fields on each side whose names all share their words; each has one right partner. */
export function generateSimilarEntities(count = 3000) {
  const source = { name: 'Source', fields: Array.from({ length: count }, (_, i) => ({ path: `customerField${i}`, type: 'string', required: false })) };
  const target = { name: 'Target', fields: Array.from({ length: count }, (_, i) => ({ path: `customer_field_${count - 1 - i}`, type: 'string', required: false })) };
  const gold = Array.from({ length: count }, (_, i) => [`customerField${i}`, `customer_field_${i}`]);
  return { source, target, gold };
}

/** One timed run on a generated pair: time, the heap in use right after, and the generator's pairs found. */
function scaleRun({ source, target, gold }) {
  const start = performance.now();
  const result = suggestMappings(source, target);
  const ms = performance.now() - start;
  const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;
  const goldSet = new Set(gold.map(([s, t]) => `${s}\u0000${t}`));
  const tp = result.matches.filter((m) => goldSet.has(`${m.source}\u0000${m.target}`)).length;
  return { sourceFields: source.fields.length, targetFields: target.fields.length, ms, heapMb, matches: result.matches.length, gold: gold.length, found: tp, ...prf(tp, result.matches.length, gold.length) };
}

export async function benchAutomap({ dataset = DEFAULT_DATASET, verbose = false, largeRuns = 3, huge = true } = {}) {
  const cases = [];
  if (existsSync(dataset)) {
    for (const f of readdirSync(dataset).filter((f) => f.endsWith('.json')).sort()) cases.push(scoreCase(join(dataset, f), verbose));
  }
  const totals = cases.reduce((t, c) => ({ tp: t.tp + c.tp, predicted: t.predicted + c.predicted, gold: t.gold + c.gold }), { tp: 0, predicted: 0, gold: 0 });
  const micro = { ...totals, ...prf(totals.tp, totals.predicted, totals.gold) };
  const { source, target, gold } = generateLargeEntities(2000);
  const samples = [];
  let matches = 0;
  let found = 0;
  const goldSet = new Set(gold.map(([s, t]) => `${s}\u0000${t}`));
  for (let r = 0; r < largeRuns; r++) {
    const start = performance.now();
    const result = suggestMappings(source, target);
    samples.push(performance.now() - start);
    matches = result.matches.length;
    found = result.matches.filter((m) => goldSet.has(`${m.source}\u0000${m.target}`)).length;
  }
  samples.sort((a, b) => a - b);
  const similar = scaleRun(generateSimilarEntities(3000));
  const hugeRun = huge ? scaleRun(generateLargeEntities(20_000)) : undefined;
  return {
    dataset,
    cases: cases.map((c) => ({ ...c, ...prf(c.tp, c.predicted, c.gold) })),
    micro,
    large: { sourceFields: source.fields.length, targetFields: target.fields.length, matches, found, gold: gold.length, bestMs: samples[0], medianMs: samples[Math.floor((samples.length - 1) / 2)], runs: largeRuns },
    similar,
    ...(hugeRun ? { huge: hugeRun } : {}),
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
    `  ${l.sourceFields} × ${l.targetFields} fields: ${l.bestMs.toFixed(0)} ms best, ${l.medianMs.toFixed(0)} ms median of ${l.runs} (${l.matches} matches, ${l.found}/${l.gold} of the generated pairs) — ${l.medianMs < AUTOMAP_TARGETS.largeMs ? 'under' : 'OVER'} the ${AUTOMAP_TARGETS.largeMs} ms target`,
  );
  const scale = (label, r) =>
    console.log(
      `  ${label} ${r.sourceFields} × ${r.targetFields}: ${r.ms.toFixed(0)} ms, heap ${r.heapMb.toFixed(0)} MB after; ${r.matches} matches, ${r.found}/${r.gold} of the generated pairs (P ${f3(r.precision)}  R ${f3(r.recall)})`,
    );
  scale('similar names', figures.similar);
  if (figures.huge) scale('generated', figures.huge);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { dataset: { type: 'string' }, json: { type: 'boolean', default: false }, verbose: { type: 'boolean', default: false }, 'no-huge': { type: 'boolean', default: false } } });
  const figures = await benchAutomap({ dataset: values.dataset ? resolve(values.dataset) : DEFAULT_DATASET, verbose: values.verbose, huge: !values['no-huge'] });
  if (values.json) console.log(JSON.stringify(figures, null, 2));
  else printAutomap(figures);
}
