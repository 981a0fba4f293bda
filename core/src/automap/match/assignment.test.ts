import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignMaxWeight, type Edge } from './assignment.js';

const total = (edges: Edge[], out: Int32Array) => {
  let sum = 0;
  out.forEach((c, r) => {
    if (c >= 0) sum += edges.find((e) => e.row === r && e.col === c)!.weight;
  });
  return sum;
};

/** Exhaustive optimum, for small graphs. */
function bruteForce(rows: number, edges: Edge[]): number {
  let best = 0;
  const used = new Set<number>();
  const go = (r: number, sum: number) => {
    if (r === rows) return void (best = Math.max(best, sum));
    go(r + 1, sum);
    for (const e of edges) if (e.row === r && !used.has(e.col)) {
      used.add(e.col);
      go(r + 1, sum + e.weight);
      used.delete(e.col);
    }
  };
  go(0, 0);
  return best;
}

describe('assignMaxWeight', () => {
  it('finds the global optimum where greedy first-come fails', () => {
    // Greedy takes a→x (0.9), leaving b with nothing: 0.9. The optimum is a→y + b→x = 1.6.
    const edges = [
      { row: 0, col: 0, weight: 0.9 },
      { row: 0, col: 1, weight: 0.8 },
      { row: 1, col: 0, weight: 0.8 },
    ];
    expect([...assignMaxWeight(2, 2, edges)]).toStrictEqual([1, 0]);
  });
  it('leaves a row unassigned when it has no edge', () => {
    expect([...assignMaxWeight(2, 1, [{ row: 1, col: 0, weight: 0.5 }])]).toStrictEqual([-1, 0]);
  });
  it('is 1:1 and optimal on random sparse graphs', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ row: fc.nat(4), col: fc.nat(4), weight: fc.double({ min: 0.05, max: 1, noNaN: true }) }), { selector: (e) => `${e.row},${e.col}`, maxLength: 16 }),
        (edges) => {
          const out = assignMaxWeight(5, 5, edges);
          const cols = [...out].filter((c) => c >= 0);
          expect(new Set(cols).size).toBe(cols.length);
          out.forEach((c, r) => c >= 0 && expect(edges.some((e) => e.row === r && e.col === c)).toBe(true));
          expect(total(edges, out)).toBeCloseTo(bruteForce(5, edges), 9);
        },
      ),
      { numRuns: 200 },
    );
  });
});
