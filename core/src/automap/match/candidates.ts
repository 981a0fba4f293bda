/**
 * Candidate pairs: only pairs that share a term, a related term or a word prefix are scored, so
 * 2,000 × 2,000 fields cost thousands of comparisons, not four million.
 */
import { isConcept, isGeneric, relatedTerms } from './lexicon.js';
import type { FieldProfile } from './profile.js';

function ownKeys(p: FieldProfile): string[] {
  const terms = [...new Set([...p.nameTerms, ...p.leafTerms])];
  const specific = terms.filter((t) => !isGeneric(t) && !/^[0-9]+$/.test(t));
  const keys = specific.length > 0 ? specific : terms;
  const out = new Set(keys);
  for (const t of keys) if (!isConcept(t) && t.length >= 4) out.add(`~${t.slice(0, 3)}`);
  if (p.flat.length >= 4) out.add(`=${p.flat}`);
  return [...out];
}

/** For each source, the indexes of the targets worth scoring. */
export function candidatePairs(sources: readonly FieldProfile[], targets: readonly FieldProfile[]): number[][] {
  const index = new Map<string, number[]>();
  const add = (key: string, j: number) => {
    let list = index.get(key);
    if (!list) index.set(key, (list = []));
    if (list[list.length - 1] !== j) list.push(j);
  };
  targets.forEach((t, j) => {
    for (const k of ownKeys(t)) {
      add(k, j);
      if (!k.startsWith('~') && !k.startsWith('=')) for (const r of relatedTerms(k)) add(r, j);
    }
  });
  const seen = new Int32Array(targets.length).fill(-1);
  return sources.map((s, i) => {
    const out: number[] = [];
    const visit = (list: number[] | undefined) => {
      if (!list) return;
      for (const j of list) {
        if (seen[j] === i) continue;
        seen[j] = i;
        out.push(j);
      }
    };
    for (const k of ownKeys(s)) visit(index.get(k));
    // Exact paths are always candidates.
    return out;
  });
}
