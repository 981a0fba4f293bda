/**
 * How long rendering a spec to Confluence pages, and reading the pages back, takes for a data flow
 * of 1,000 mappings (issue 5: under 200 ms each), in ADF and in storage format, from core/dist.
 *
 *   node test/bench/confluence.mjs [--runs N] [--json]
 *
 * Exported as benchConfluence / printConfluence for `npm run bench` (test/bench/run.mjs).
 */
import { readFileSync } from 'node:fs';
import { time } from './timing.mjs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { adfCodec, loadSource, parseSpecPageTree, renderSpecToPageTree, storageCodec } from '../../core/dist/index.js';

export const CONFLUENCE_TARGET_MS = 200;

/** The order example with its first data flow grown to `mappings` mappings. */
function bigSpec(mappings) {
  const text = readFileSync(new URL('../../examples/order-to-erp.yaml', import.meta.url), 'utf8');
  const spec = loadSource(text, 'yaml').value;
  const flow = spec.useCases[0].dataFlows[0];
  const base = flow.mappings;
  flow.mappings = Array.from({ length: mappings }, (_, i) => ({ ...base[i % base.length], id: `FM-${i + 1}` }));
  return spec;
}


export async function benchConfluence({ runs = 10, mappings = 1000 } = {}) {
  const spec = bigSpec(mappings);
  const out = { mappings, codecs: {} };
  for (const codec of [adfCodec, storageCodec]) {
    const render = time(runs, () => renderSpecToPageTree(spec, codec));
    const tree = JSON.parse(JSON.stringify(render.result));
    const parse = time(runs, () => parseSpecPageTree(tree, codec));
    const read = parse.result.spec.useCases[0].dataFlows[0].mappings.length;
    if (read !== mappings || parse.result.findings.length > 0) throw new Error(`${codec.name}: read back ${read} mappings with ${parse.result.findings.length} findings`);
    out.codecs[codec.name] = { render: { ...render, result: undefined }, parse: { ...parse, result: undefined } };
  }
  return out;
}

export function printConfluence(bench) {
  const ms = (t) => `${t.toFixed(1).padStart(8)} ms`;
  console.log(`\nConfluence pages, one data flow of ${bench.mappings} mappings (target: median under ${CONFLUENCE_TARGET_MS} ms)`);
  console.log(`                                 cold         best       median   runs`);
  for (const [name, { render, parse }] of Object.entries(bench.codecs)) {
    for (const [label, t] of [[`${name} render`, render], [`${name} parse`, parse]]) {
      console.log(`${label.padEnd(26)}${ms(t.cold)} ${ms(t.best)} ${ms(t.median)}   ${String(t.runs).padStart(4)}   ${t.median < CONFLUENCE_TARGET_MS ? 'ok' : 'SLOW'}`);
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' }, json: { type: 'boolean', default: false } } });
  const bench = await benchConfluence({ runs: Math.max(3, Number(values.runs)) });
  if (values.json) console.log(JSON.stringify(bench, null, 2));
  else printConfluence(bench);
}
