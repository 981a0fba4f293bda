/**
 * Candidate pairs: only pairs that share a term, a related term or a word prefix are scored, so
 * 2,000 × 2,000 fields cost thousands of comparisons, not four million.
 *
 * The work is bounded however alike the names are (3,000 fields all called `customer_field_N`
 * share every key): the sources share a budget of scored pairs, and each source walks at most a
 * fixed number of index entries. Where a source has more candidates than its share, it keeps the
 * targets that share the most keys with it, rarer keys counting more, and a key together with a
 * parent's term (`first_name` under `customer 7`) counting as a rarer key of its own.
 */
import { isConcept, isGeneric, relatedness, relatedTerms } from './lexicon.js';
import type { FieldProfile } from './profile.js';

/** Scored pairs for the whole run, shared by the sources (2,000 × 2,000 fields score about 500,000). */
const TOTAL_CANDIDATES = 600_000;
/** A source's share never goes above or below these. */
const MAX_CANDIDATES_PER_SOURCE = 256;
const MIN_CANDIDATES_PER_SOURCE = 32;
/** Index entries one source may walk, at least. */
const MIN_VISITS_PER_SOURCE = 2048;
const VISITS_PER_CANDIDATE = 16;
/** Parent terms that, joined to a key, form the context keys of a field (its nearest parents). */
const CONTEXT_TERMS_PER_FIELD = 3;

export interface CandidateLimits {
  /** Targets scored per source at most. */
  perSource: number;
  /** Index entries walked per source at most. */
  visitsPerSource: number;
}

export function candidateLimits(sources: number): CandidateLimits {
  const perSource = Math.max(MIN_CANDIDATES_PER_SOURCE, Math.min(MAX_CANDIDATES_PER_SOURCE, Math.floor(TOTAL_CANDIDATES / Math.max(1, sources))));
  return { perSource, visitsPerSource: Math.max(MIN_VISITS_PER_SOURCE, perSource * VISITS_PER_CANDIDATE) };
}

function ownKeys(p: FieldProfile): string[] {
  const terms = [...new Set([...p.nameTerms, ...p.leafTerms])];
  const specific = terms.filter((t) => !isGeneric(t) && !/^[0-9]+$/.test(t));
  const keys = specific.length > 0 ? specific : terms;
  const out = new Set(keys);
  for (const t of keys) if (!isConcept(t) && t.length >= 4) out.add(`~${t.slice(0, 3)}`);
  if (p.flat.length >= 4) out.add(`=${p.flat}`);
  return [...out];
}

/** A key joined to the field's nearest parent terms: `#first_name|customer`. */
function contextKeys(p: FieldProfile, keys: readonly string[]): string[] {
  const context = p.contextTerms.slice(-CONTEXT_TERMS_PER_FIELD);
  if (context.length === 0) return [];
  const out: string[] = [];
  for (const k of keys) if (!k.startsWith('~') && !k.startsWith('=')) for (const c of context) out.push(`${k}|${c}`);
  return out;
}

const genericTerms = (p: FieldProfile): string[] => [...new Set([...p.nameTerms, ...p.leafTerms])].filter((t) => isGeneric(t));

/** For each source, the indexes of the targets worth scoring (at most `limits.perSource`). */
export function candidatePairs(sources: readonly FieldProfile[], targets: readonly FieldProfile[], limits: CandidateLimits = candidateLimits(sources.length)): number[][] {
  const push = (index: Map<string, number[]>, key: string, j: number) => {
    let list = index.get(key);
    if (!list) index.set(key, (list = []));
    if (list[list.length - 1] !== j) list.push(j);
  };
  const index = new Map<string, number[]>();
  // A specific word related to a generic one (`category` ~ `type`) is a candidate too, though
  // generic words alone are not keys: look them up through the specific side's relations.
  const byGeneric = new Map<string, number[]>();
  const byRelated = new Map<string, number[]>();
  const byContext = new Map<string, number[]>();
  targets.forEach((t, j) => {
    const keys = ownKeys(t);
    for (const k of keys) {
      push(index, k, j);
      if (!k.startsWith('~') && !k.startsWith('=')) {
        for (const r of relatedTerms(k)) {
          push(index, r, j);
          if (isGeneric(r) && relatedness(k, r) >= 0.5) push(byRelated, r, j);
        }
      }
    }
    for (const g of genericTerms(t)) push(byGeneric, g, j);
    for (const c of contextKeys(t, keys)) push(byContext, c, j);
  });

  const rarity = (list: readonly number[]) => Math.log(1 + targets.length / list.length);
  const stamp = new Int32Array(targets.length).fill(-1);
  const weight = new Float64Array(targets.length);
  return sources.map((s, i) => {
    // The source's posting lists, in the order that decides ties: own keys, then relations.
    const keys = ownKeys(s);
    const lists: number[][] = [];
    const add = (list: number[] | undefined) => {
      if (list) lists.push(list);
    };
    for (const k of keys) add(index.get(k));
    for (const k of keys) {
      if (k.startsWith('~') || k.startsWith('=') || isGeneric(k)) continue;
      for (const r of relatedTerms(k)) if (isGeneric(r) && relatedness(k, r) >= 0.5) add(byGeneric.get(r));
    }
    for (const g of genericTerms(s)) add(byRelated.get(g));

    const touched: number[] = [];
    const visit = (list: readonly number[], budget: number): number => {
      const w = rarity(list);
      const n = Math.min(list.length, budget);
      for (let x = 0; x < n; x++) {
        const j = list[x]!;
        if (stamp[j] !== i) {
          stamp[j] = i;
          weight[j] = 0;
          touched.push(j);
        }
        weight[j]! += w;
      }
      return n;
    };
    const context: number[][] = [];
    for (const c of contextKeys(s, keys)) {
      const list = byContext.get(c);
      if (list) context.push(list);
    }
    let total = 0;
    for (const list of lists) total += list.length;
    if (total <= limits.visitsPerSource) {
      for (const list of lists) visit(list, list.length);
      if (touched.length <= limits.perSource) return touched;
      // Too many to score: the context keys only add weight (their targets are touched already).
      for (const list of context) visit(list, list.length);
    } else {
      // Rarest first, until the budget is spent: a key every target has says little.
      let budget = limits.visitsPerSource;
      for (const list of [...context, ...lists].sort((a, b) => a.length - b.length)) {
        if (budget <= 0) break;
        budget -= visit(list, budget);
      }
      if (touched.length <= limits.perSource) return touched;
    }
    return best(touched, weight, limits.perSource);
  });
}

/** The `k` entries of `items` with the highest weight, ties to the earlier entry, in their order. */
function best(items: readonly number[], weight: Float64Array, k: number): number[] {
  if (scratch.length < items.length) scratch = new Float64Array(items.length * 2);
  for (let x = 0; x < items.length; x++) scratch[x] = weight[items[x]!]!;
  const threshold = kthLargest(scratch.subarray(0, items.length), k);
  let above = 0;
  for (const j of items) if (weight[j]! > threshold) above++;
  let ties = k - above;
  const out: number[] = [];
  for (const j of items) {
    const w = weight[j]!;
    if (w > threshold || (w === threshold && ties-- > 0)) out.push(j);
  }
  return out;
}

let scratch = new Float64Array(1024);

/** The k-th largest value (1-based) of `values`, which it reorders: quickselect, linear on average. */
function kthLargest(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1]!;
    let a = lo;
    let b = hi;
    while (a <= b) {
      while (values[a]! > pivot) a++;
      while (values[b]! < pivot) b--;
      if (a <= b) {
        const t = values[a]!;
        values[a] = values[b]!;
        values[b] = t;
        a++;
        b--;
      }
    }
    if (target <= b) hi = b;
    else if (target >= a) lo = a;
    else return values[target]!;
  }
  return values[target]!;
}
