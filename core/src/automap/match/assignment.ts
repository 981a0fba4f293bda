/**
 * Maximum-weight 1:1 assignment over a sparse set of candidate edges (a row may stay unassigned).
 *
 * The Hungarian method as successive shortest augmenting paths (Dijkstra with column potentials),
 * run over the candidate edges only. Each row also has a private "unassigned" column, so every
 * augmentation ends quickly and the optimum over all rows is exact, not greedy.
 */

export interface Edge {
  row: number;
  col: number;
  weight: number;
}

/** Returns, for each row, its assigned column or -1. Weights must be positive; a row gains nothing by staying unassigned. */
export function assignMaxWeight(rows: number, cols: number, edges: readonly Edge[]): Int32Array {
  let maxWeight = 0;
  for (const e of edges) if (e.weight > maxWeight) maxWeight = e.weight;
  const base = maxWeight + 1; // costs = base - weight > 0; the unassigned column costs `base`
  const adjStart = new Int32Array(rows + 1);
  for (const e of edges) adjStart[e.row + 1]!++;
  for (let r = 0; r < rows; r++) adjStart[r + 1]! += adjStart[r]!;
  const adjCol = new Int32Array(edges.length);
  const adjCost = new Float64Array(edges.length);
  const fill = adjStart.slice(0, rows);
  for (const e of edges) {
    const k = fill[e.row]!++;
    adjCol[k] = e.col;
    adjCost[k] = base - e.weight;
  }
  // Columns: 0..cols-1 real, cols + r = row r's unassigned column.
  const n = cols + rows;
  const v = new Float64Array(n);
  const owner = new Int32Array(n).fill(-1); // column → row
  const colOf = new Int32Array(rows).fill(-1); // row → column (real or private)
  const dist = new Float64Array(n).fill(Infinity);
  const prev = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  const touched: number[] = [];
  const heap = new MinHeap();

  const costOf = (row: number, col: number): number => {
    if (col >= cols) return base;
    for (let k = adjStart[row]!; k < adjStart[row + 1]!; k++) if (adjCol[k] === col) return adjCost[k]!;
    return Infinity;
  };

  const relaxFrom = (row: number, offset: number) => {
    for (let k = adjStart[row]!; k < adjStart[row + 1]!; k++) relax(adjCol[k]!, offset + adjCost[k]! - v[adjCol[k]!]!, row);
    const own = cols + row;
    relax(own, offset + base - v[own]!, row);
  };
  const relax = (col: number, d: number, row: number) => {
    if (done[col] || d >= dist[col]!) return;
    if (dist[col] === Infinity) touched.push(col);
    dist[col] = d;
    prev[col] = row;
    heap.push(d, col);
  };

  for (let start = 0; start < rows; start++) {
    heap.clear();
    relaxFrom(start, 0);
    let end = -1;
    const popped: number[] = [];
    while (heap.size > 0) {
      const [d, col] = heap.pop();
      if (done[col] || d > dist[col]!) continue;
      done[col] = 1;
      popped.push(col);
      const r = owner[col]!;
      if (r === -1) {
        end = col;
        break;
      }
      // Reduced cost of the matched edge is 0: continue from row r at the same distance.
      relaxFrom(r, d - (costOf(r, col) - v[col]!));
    }
    if (end === -1) throw new Error('assignment: no augmenting path (cannot happen: every row has its own column)');
    const D = dist[end]!;
    for (const col of popped) v[col]! += dist[col]! - D;
    // Augment along the path.
    let col = end;
    for (;;) {
      const r = prev[col]!;
      const next = colOf[r]!;
      owner[col] = r;
      colOf[r] = col;
      if (r === start) break;
      col = next;
    }
    for (const c of touched) {
      dist[c] = Infinity;
      done[c] = 0;
      prev[c] = -1;
    }
    touched.length = 0;
  }
  const out = new Int32Array(rows);
  for (let r = 0; r < rows; r++) out[r] = colOf[r]! < cols ? colOf[r]! : -1;
  return out;
}

class MinHeap {
  private keys: number[] = [];
  private vals: number[] = [];
  get size() {
    return this.keys.length;
  }
  clear() {
    this.keys.length = 0;
    this.vals.length = 0;
  }
  push(key: number, val: number) {
    const k = this.keys;
    const v = this.vals;
    let i = k.length;
    k.push(key);
    v.push(val);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (k[p]! <= key) break;
      k[i] = k[p]!;
      v[i] = v[p]!;
      i = p;
    }
    k[i] = key;
    v[i] = val;
  }
  pop(): [number, number] {
    const k = this.keys;
    const v = this.vals;
    const topK = k[0]!;
    const topV = v[0]!;
    const lastK = k.pop()!;
    const lastV = v.pop()!;
    const n = k.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && k[r]! < k[l]! ? r : l;
        if (k[c]! >= lastK) break;
        k[i] = k[c]!;
        v[i] = v[c]!;
        i = c;
      }
      k[i] = lastK;
      v[i] = lastV;
    }
    return [topK, topV];
  }
}
