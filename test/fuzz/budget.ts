import { expect } from 'vitest';

/**
 * The fuzz suites' shared knobs. `npm test` runs each suite at FUZZ_RUNS inputs (10,000 by
 * default: enough to find the usual blow-ups and fast enough for CI); `npm run fuzz` sets
 * FUZZ_RUNS=100000 for the long run. Each suite asserts a time and memory budget per input,
 * so an input that is slow or hungry fails with the input in the message, not a hang or a crash.
 */
export const FUZZ_RUNS = Number(process.env['FUZZ_RUNS'] ?? 10_000);

/** FUZZ_SEED repeats a run: fast-check prints the seed (and the path) of a failing one. */
export const FUZZ_SEED = process.env['FUZZ_SEED'] !== undefined ? Number(process.env['FUZZ_SEED']) : undefined;

export interface Budget {
  /** Wall-clock milliseconds one input may take. */
  ms: number;
  /** Megabytes of heap one input may leave allocated (a rough bound: garbage not yet collected counts). */
  mb: number;
}

const MB = 1024 * 1024;

/** Runs `work` on one input and asserts it stays within the budget; gives back its result. */
export function withinBudget<T>(label: string, budget: Budget, work: () => T): T {
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const result = work();
  const ms = performance.now() - started;
  const mb = (process.memoryUsage().heapUsed - heapBefore) / MB;
  expect(ms, `${label}: took ${ms.toFixed(1)} ms, budget ${budget.ms} ms`).toBeLessThanOrEqual(budget.ms);
  expect(mb, `${label}: grew the heap by ${mb.toFixed(1)} MB, budget ${budget.mb} MB`).toBeLessThanOrEqual(budget.mb);
  return result;
}

/** `withinBudget` for asynchronous work (transform evaluation). */
export async function withinBudgetAsync<T>(label: string, budget: Budget, work: () => Promise<T>): Promise<T> {
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  const mb = (process.memoryUsage().heapUsed - heapBefore) / MB;
  expect(ms, `${label}: took ${ms.toFixed(1)} ms, budget ${budget.ms} ms`).toBeLessThanOrEqual(budget.ms);
  expect(mb, `${label}: grew the heap by ${mb.toFixed(1)} MB, budget ${budget.mb} MB`).toBeLessThanOrEqual(budget.mb);
  return result;
}

/** fast-check's parameters for a fuzz suite: the run count, and the seed when one is given. */
export function fuzzParameters(runs = FUZZ_RUNS): { numRuns: number; seed?: number } {
  return FUZZ_SEED === undefined ? { numRuns: runs } : { numRuns: runs, seed: FUZZ_SEED };
}
