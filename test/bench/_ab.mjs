import { dump } from 'js-yaml';
import { generateSpec } from './generate-spec.mjs';
const A = await import('/tmp/cmp/old/dist/index.js');
const B = await import('/tmp/cmp/new/dist/index.js');
const l = A.loadSource(dump(generateSpec(), { lineWidth: -1, noRefs: true }), 'yaml');
const t = { A: [], B: [] };
const N = Number(process.argv[2] ?? 30);
for (let i = 0; i < N; i++) for (const [k, M] of (i % 2 ? [['A', A], ['B', B]] : [['B', B], ['A', A]])) {
  const s = performance.now(); M.checkSpec(l.value); t[k].push(performance.now() - s);
}
const med = (x) => [...x].sort((a, b) => a - b)[Math.floor(x.length / 2)];
const mean = (x) => x.reduce((a, b) => a + b, 0) / x.length;
const q1 = (x) => [...x].sort((a, b) => a - b)[Math.floor(x.length / 4)];
console.log('old median', med(t.A).toFixed(1), 'q1', q1(t.A).toFixed(1), 'mean', mean(t.A).toFixed(1), '| new median', med(t.B).toFixed(1), 'q1', q1(t.B).toFixed(1), 'mean', mean(t.B).toFixed(1));
