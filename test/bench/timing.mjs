import { performance } from 'node:perf_hooks';

/**
 * Runs `fn` `runs` times. The first run is reported apart as the cold one (JIT, caches);
 * best and median are of the warm runs. The last result is returned with the figures.
 */
export function time(runs, fn) {
  const samples = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = fn();
    samples.push(performance.now() - start);
  }
  const warm = samples.slice(1).sort((a, b) => a - b);
  return {
    cold: samples[0],
    best: warm[0] ?? samples[0],
    median: warm.length === 0 ? samples[0] : warm[Math.floor((warm.length - 1) / 2)],
    runs,
    result,
  };
}
