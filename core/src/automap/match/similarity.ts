/** String and term-set similarity, each 0–1. */
import { isConcept, isGeneric, relatedness } from './lexicon.js';

/** Jaro–Winkler similarity of two strings. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aHit = new Array<boolean>(a.length).fill(false);
  const bHit = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(b.length - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (bHit[j] || a[i] !== b[j]) continue;
      aHit[i] = bHit[j] = true;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let k = 0;
  let transpositions = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aHit[i]) continue;
    while (!bHit[k]) k++;
    if (a[i] !== b[k]) transpositions++;
    k++;
  }
  const m = matches;
  const jaro = (m / a.length + m / b.length + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** Dice coefficient over character bigrams. */
export function bigramDice(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const grams = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) {
    const g = a.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const g = b.slice(i, i + 2);
    const n = grams.get(g) ?? 0;
    if (n > 0) {
      shared++;
      grams.set(g, n - 1);
    }
  }
  return (2 * shared) / (a.length - 1 + b.length - 1);
}

export type TermLink = 'same' | 'synonym' | 'related' | 'abbreviation' | 'spelling';

export interface TermMatch {
  score: number;
  link?: TermLink;
}

const isNumber = (t: string) => /^[0-9]+$/.test(t);
const isDigitTerm = (t: string) => t.charCodeAt(0) >= 48 && t.charCodeAt(0) <= 57 && isNumber(t);

/** How alike two terms are: the same, related in the dictionary, an abbreviation, or a near spelling. */
export function termSimilarity(a: string, b: string): TermMatch {
  let row = CACHE.get(a);
  if (!row) CACHE.set(a, (row = new Map()));
  let m = row.get(b);
  if (!m) row.set(b, (m = computeTermSimilarity(a, b)));
  return m;
}

const CACHE = new Map<string, Map<string, TermMatch>>();

function computeTermSimilarity(a: string, b: string): TermMatch {
  if (a === b) return { score: 1, link: isConcept(a) ? 'synonym' : 'same' };
  if (isNumber(a) || isNumber(b)) return { score: 0 };
  const r = relatedness(a, b);
  if (r > 0) return { score: r, link: 'related' };
  if (isConcept(a) || isConcept(b)) return { score: 0 };
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 3 && long.length >= 5 && long.startsWith(short)) return { score: 0.75, link: 'abbreviation' };
  if (short.length >= 4) {
    const jw = jaroWinkler(a, b);
    if (jw >= 0.92) return { score: 0.85 * jw, link: 'spelling' };
  }
  return { score: 0 };
}

const WEIGHTS = new Map<string, number>();
export function termWeight(t: string): number {
  let w = WEIGHTS.get(t);
  if (w === undefined) WEIGHTS.set(t, (w = isNumber(t) ? 0.4 : isGeneric(t) ? 0.45 : 1));
  return w;
}

export interface SetSimilarity {
  score: number;
  /** For each term of `a`, its best partner in `b` and how they relate. */
  links: { a: string; b: string; link: TermLink }[];
}

/**
 * Weighted soft Dice over two term lists: every term finds its best partner on the other side;
 * generic words (id, name, type) weigh less. Different numbers (`address 1` / `address 2`) conflict.
 */
export function termSetSimilarity(a: readonly string[], b: readonly string[]): SetSimilarity {
  if (a.length === 0 || b.length === 0) return { score: 0, links: [] };
  let total = 0;
  let got = 0;
  const links: SetSimilarity['links'] = [];
  const side = (xs: readonly string[], ys: readonly string[], record: boolean) => {
    for (const x of xs) {
      const w = termWeight(x);
      total += w;
      let best = 0;
      let bestY = '';
      let bestLink: TermLink | undefined;
      for (const y of ys) {
        const m = termSimilarity(x, y);
        if (m.score > best) {
          best = m.score;
          bestY = y;
          bestLink = m.link;
        }
      }
      got += w * best;
      if (record && bestLink) links.push({ a: x, b: bestY, link: bestLink });
    }
  };
  side(a, b, true);
  side(b, a, false);
  let score = total === 0 ? 0 : got / total;
  const na = a.filter(isDigitTerm);
  if (na.length > 0) {
    const nb = b.filter(isDigitTerm);
    if (nb.length > 0 && !na.some((n) => nb.includes(n))) score *= 0.3;
  }
  return { score, links };
}
