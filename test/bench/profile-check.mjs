/**
 * A profiling harness: loads the benchmark spec once, then runs one entry point many times, so
 * `node --cpu-prof test/bench/profile-check.mjs [check|index|load|source] [runs]` shows where the time
 * goes. Prints wall and CPU time per run (CPU time is steadier on a busy machine).
 */
import { dump } from 'js-yaml';
import { checkSpec, checkText, indexSpec, loadSource } from '../../core/dist/index.js';
import { generateSpec } from './generate-spec.mjs';

const [what = 'check', runsText = '10'] = process.argv.slice(2);
const runs = Number(runsText);
const yaml = dump(generateSpec(), { lineWidth: -1, noRefs: true });
const loaded = loadSource(yaml, 'yaml');
if (!loaded.ok) throw new Error(loaded.message);
const once = {
  check: () => checkSpec(loaded.value),
  index: () => indexSpec(loaded.value),
  load: () => loadSource(yaml, 'yaml'),
  source: () => checkText(yaml, { file: 'bench.yaml' }),
}[what];
if (!once) throw new Error(`unknown entry point ${what}`);
once(); // warm up
const wall = [];
const cpu = [];
for (let i = 0; i < runs; i++) {
  const c = process.cpuUsage();
  const t = performance.now();
  once();
  wall.push(performance.now() - t);
  const d = process.cpuUsage(c);
  cpu.push((d.user + d.system) / 1000);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
console.log(`${what}: wall median ${median(wall).toFixed(1)} ms (best ${Math.min(...wall).toFixed(1)}), cpu median ${median(cpu).toFixed(1)} ms (best ${Math.min(...cpu).toFixed(1)}) over ${runs} runs`);
