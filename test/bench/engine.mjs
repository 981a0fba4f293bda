/**
 * Mapping engine throughput (issue 3): records per second through one data flow of
 * (a) 30 direct field mappings and (b) 30 transforms, over 10,000 generated records.
 * Every expression is compiled once (compileDataFlows); each record is one evaluateDataFlow.
 *
 *   node test/bench/engine.mjs [--records N] [--passes N]
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { indexSpec } from '../../core/dist/index.js';
// The engine's inner loop is not part of core's public surface; the bench times it directly.
import { compileDataFlows, evaluateDataFlow } from '../../core/dist/engine/data-flow.js';

export const ENGINE_TARGETS = { direct: 50_000, transform: 5_000 };
const FIELDS = 30;

/** A spec with one flow S → T of 30 fields, mapped directly or through transforms. */
function flowSpec(kind) {
  const sourceFields = [];
  const targetFields = [];
  const mappings = [];
  for (let i = 0; i < FIELDS; i++) {
    const numeric = i % 3 === 0;
    sourceFields.push({ path: `f${i}`, type: numeric ? 'number' : 'string' });
    targetFields.push({ path: `g${i}`, type: numeric ? 'number' : 'string', required: i < 5 });
    if (kind === 'direct') mappings.push({ id: `FM-${i}`, target: `T.g${i}`, source: `S.f${i}` });
    else if (numeric) mappings.push({ id: `FM-${i}`, target: `T.g${i}`, transform: `S.f${i} > 50 ? S.f${i} * 2 : S.f${i} + ${i}` });
    else if (i % 3 === 1) mappings.push({ id: `FM-${i}`, target: `T.g${i}`, transform: `$uppercase(S.f${i}) & "-" & "${i}"` });
    else mappings.push({ id: `FM-${i}`, target: `T.g${i}`, source: `S.f${i}`, transform: `$substring($source, 0, 6)` });
  }
  return {
    specwright: 1,
    id: `bench-${kind}`,
    title: `Bench ${kind}`,
    systems: [
      { id: 's', entities: [{ name: 'S', fields: sourceFields }] },
      { id: 't', entities: [{ name: 'T', fields: targetFields }] },
    ],
    useCases: [{ id: 'UC-1', dataFlows: [{ id: 'DF-1', source: { system: 's', entities: ['S'] }, target: { system: 't', entities: ['T'] }, mappings }] }],
  };
}

function records(count) {
  return Array.from({ length: count }, (_, r) => {
    const record = {};
    for (let i = 0; i < FIELDS; i++) record[`f${i}`] = i % 3 === 0 ? r % 100 : `value-${r}-${i}`;
    return { S: record };
  });
}

/** Best pass of `passes` over all records (the first passes warm the JIT up). */
export async function benchEngine({ recordCount = 10_000, passes = 5 } = {}) {
  const input = records(recordCount);
  const results = {};
  for (const kind of ['direct', 'transform']) {
    const [flow] = compileDataFlows(indexSpec(flowSpec(kind)));
    let best = Infinity;
    let problems = 0;
    for (let pass = 0; pass < passes; pass++) {
      problems = 0;
      const start = performance.now();
      for (const record of input) problems += (await evaluateDataFlow(flow, record, {})).problems.length;
      best = Math.min(best, performance.now() - start);
    }
    if (problems > 0) throw new Error(`the ${kind} bench flow reported ${problems} problems; it must run clean`);
    results[kind] = { recordsPerSecond: Math.round(recordCount / (best / 1000)), ms: Math.round(best), records: recordCount, passes };
  }
  return results;
}

export function printEngine(results) {
  console.log(`Mapping engine, ${results.direct.records} records, best of ${results.direct.passes} passes:`);
  for (const kind of ['direct', 'transform']) {
    const r = results[kind];
    const target = ENGINE_TARGETS[kind];
    const label = kind === 'direct' ? '(a) 30 direct mappings ' : '(b) 30 transforms      ';
    console.log(`  ${label} ${String(r.recordsPerSecond).padStart(8)} records/s  (${r.ms} ms)   target >= ${target}  ${r.recordsPerSecond >= target ? 'met' : 'MISSED'}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { records: { type: 'string', default: '10000' }, passes: { type: 'string', default: '5' } } });
  printEngine(await benchEngine({ recordCount: Number(values.records), passes: Number(values.passes) }));
}
