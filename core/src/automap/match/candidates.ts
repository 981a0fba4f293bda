/**
 * Candidate pairs: only pairs that share a term, a related term or a word prefix are scored, so
 * 2,000 × 2,000 fields cost thousands of comparisons, not four million.
 */
import { isConcept, isGeneric, relatedness, relatedTerms } from './lexicon.js';
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

const genericTerms = (p: FieldProfile): string[] => [...new Set([...p.nameTerms, ...p.leafTerms])].filter((t) => isGeneric(t));

/** For each source, the indexes of the targets worth scoring. */
export function candidatePairs(sources: readonly FieldProfile[], targets: readonly FieldProfile[]): number[][] {
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
  targets.forEach((t, j) => {
    for (const k of ownKeys(t)) {
      push(index, k, j);
      if (!k.startsWith('~') && !k.startsWith('=')) {
        for (const r of relatedTerms(k)) {
          push(index, r, j);
          if (isGeneric(r) && relatedness(k, r) >= 0.5) push(byRelated, r, j);
        }
      }
    }
    for (const g of genericTerms(t)) push(byGeneric, g, j);
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
    const keys = ownKeys(s);
    for (const k of keys) visit(index.get(k));
    for (const k of keys) {
      if (k.startsWith('~') || k.startsWith('=') || isGeneric(k)) continue;
      for (const r of relatedTerms(k)) if (isGeneric(r) && relatedness(k, r) >= 0.5) visit(byGeneric.get(r));
    }
    for (const g of genericTerms(s)) visit(byRelated.get(g));
    return out;
  });
}
