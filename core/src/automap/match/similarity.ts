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
  const na = a.length - 1;
  const nb = b.length - 1;
  if (na < 1 || nb < 1) return 0;
  let shared = 0;
  if (na * nb <= 4096) {
    // Field names are short: compare bigram codes pairwise, without building strings or a map.
    if (used.length < na) used = new Uint8Array(na * 2);
    used.fill(0, 0, na);
    for (let j = 0; j < nb; j++) {
      const g = b.charCodeAt(j) * 65536 + b.charCodeAt(j + 1);
      for (let i = 0; i < na; i++) {
        if (used[i] === 0 && a.charCodeAt(i) * 65536 + a.charCodeAt(i + 1) === g) {
          used[i] = 1;
          shared++;
          break;
        }
      }
    }
  } else {
    const grams = new Map<number, number>();
    for (let i = 0; i < na; i++) {
      const g = a.charCodeAt(i) * 65536 + a.charCodeAt(i + 1);
      grams.set(g, (grams.get(g) ?? 0) + 1);
    }
    for (let j = 0; j < nb; j++) {
      const g = b.charCodeAt(j) * 65536 + b.charCodeAt(j + 1);
      const n = grams.get(g) ?? 0;
      if (n > 0) {
        shared++;
        grams.set(g, n - 1);
      }
    }
  }
  return (2 * shared) / (na + nb);
}
let used = new Uint8Array(64);

export type TermLink = 'same' | 'synonym' | 'related' | 'abbreviation' | 'spelling';

export interface TermMatch {
  score: number;
  link?: TermLink;
}

const isNumber = (t: string) => /^[0-9]+$/.test(t);
const isDigitTerm = (t: string) => t.charCodeAt(0) >= 48 && t.charCodeAt(0) <= 57 && isNumber(t);

/**
 * The similarity caches live as long as the process (a server matches many schemas): past this
 * many entries they are emptied, so memory stays bounded whatever the inputs' vocabulary.
 */
const MAX_CACHED_PAIRS = 1_000_000;

/** How alike two terms are: the same, related in the dictionary, an abbreviation, or a near spelling. */
export function termSimilarity(a: string, b: string): TermMatch {
  let row = CACHE.get(a);
  if (!row) {
    if (cachedPairs >= MAX_CACHED_PAIRS) {
      CACHE.clear();
      cachedPairs = 0;
    }
    CACHE.set(a, (row = new Map()));
  }
  let m = row.get(b);
  if (!m) {
    row.set(b, (m = computeTermSimilarity(a, b)));
    cachedPairs++;
  }
  return m;
}

const CACHE = new Map<string, Map<string, TermMatch>>();
let cachedPairs = 0;
/** Beyond this length a spelling comparison (quadratic) is not tried: such words are not typos of each other. */
const MAX_SPELLING_LENGTH = 64;

function computeTermSimilarity(a: string, b: string): TermMatch {
  if (a === b) return { score: 1, link: isConcept(a) ? 'synonym' : 'same' };
  if (isNumber(a) || isNumber(b)) return { score: 0 };
  const r = relatedness(a, b);
  if (r > 0) return { score: r, link: 'related' };
  if (isConcept(a) || isConcept(b)) return { score: 0 };
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 3 && long.length >= 5 && long.startsWith(short)) return { score: 0.75, link: 'abbreviation' };
  if (short.length >= 4 && long.length <= MAX_SPELLING_LENGTH) {
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
  const links: SetSimilarity['links'] = [];
  const side = (xs: readonly string[], ys: readonly string[], record: boolean) => {
    for (const x of xs) {
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
      if (record && bestLink) links.push({ a: x, b: bestY, link: bestLink });
    }
  };
  side(a, b, true);
  return { score: termSetScore(termIds(a), termIds(b)), links };
}

// ---- Integer term ids: the fast path used when thousands of candidate pairs are scored. ----

const IDS = new Map<string, number>();
const TERMS: string[] = [];
const ID_WEIGHT: number[] = [];
const ID_DIGIT: boolean[] = [];
/** Pair similarity by ids: per first term, second term → score (small-integer keys hash fast). */
const ID_CACHE: (Map<number, number> | undefined)[] = [];
let idCachedPairs = 0;

/** A stable small integer for a term (the same term always gets the same id). */
export function termId(t: string): number {
  let id = IDS.get(t);
  if (id === undefined) {
    id = TERMS.length;
    IDS.set(t, id);
    TERMS.push(t);
    ID_WEIGHT.push(termWeight(t));
    ID_DIGIT.push(isDigitTerm(t));
  }
  return id;
}

export function termIds(terms: readonly string[]): Int32Array {
  return Int32Array.from(terms, termId);
}

function scoreById(a: number, b: number): number {
  if (a === b) return 1;
  // Two different numbers never match, and there can be very many of them: not cached.
  if (ID_DIGIT[a] || ID_DIGIT[b]) return 0;
  let row = ID_CACHE[a];
  if (row === undefined) {
    if (idCachedPairs >= MAX_CACHED_PAIRS) {
      ID_CACHE.length = 0;
      idCachedPairs = 0;
    }
    ID_CACHE[a] = row = new Map();
  }
  let s = row.get(b);
  if (s === undefined) {
    s = termSimilarity(TERMS[a]!, TERMS[b]!).score;
    row.set(b, s);
    idCachedPairs++;
  }
  return s;
}

let scratch = new Float64Array(64);
/** Factor for two names that each have a word with no counterpart on the other side. */
export const DISAGREE = 0.7;

/** `termSetSimilarity(a, b).score` over term ids (same value, no links, no string work). */
export function termSetScore(a: Int32Array, b: Int32Array): number {
  const na = a.length;
  const nb = b.length;
  if (na === 0 || nb === 0) return 0;
  if (na * nb > scratch.length) scratch = new Float64Array(na * nb * 2);
  const m = scratch;
  let total = 0;
  let got = 0;
  let lonelyA = false;
  let lonelyB = false;
  for (let i = 0; i < na; i++) {
    const x = a[i]!;
    let best = 0;
    for (let j = 0; j < nb; j++) {
      const s = scoreById(x, b[j]!);
      m[i * nb + j] = s;
      if (s > best) best = s;
    }
    const w = ID_WEIGHT[x]!;
    total += w;
    got += w * best;
    if (best === 0 && !ID_DIGIT[x]) lonelyA = true;
  }
  for (let j = 0; j < nb; j++) {
    let best = 0;
    for (let i = 0; i < na; i++) {
      const s = m[i * nb + j]!;
      if (s > best) best = s;
    }
    const w = ID_WEIGHT[b[j]!]!;
    total += w;
    got += w * best;
    if (best === 0 && !ID_DIGIT[b[j]!]) lonelyB = true;
  }
  let score = total === 0 ? 0 : got / total;
  // Each side has a word the other lacks entirely (`product name` / `product url`, `device brand` /
  // `device name`): the names share a subject but say different things about it.
  if (lonelyA && lonelyB) score *= DISAGREE;
  let digitsA = false;
  for (let i = 0; i < na; i++) if (ID_DIGIT[a[i]!]) digitsA = true;
  if (digitsA) {
    let digitsB = false;
    let shared = false;
    for (let j = 0; j < nb; j++) {
      if (!ID_DIGIT[b[j]!]) continue;
      digitsB = true;
      for (let i = 0; i < na; i++) if (a[i] === b[j]) shared = true;
    }
    if (digitsB && !shared) score *= 0.3;
  }
  return score;
}
