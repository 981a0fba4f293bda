/**
 * The dictionary compiled for lookups: words → terms. A *term* is either a concept (`#postal_code`)
 * or a plain stemmed word (`checkout`).
 */
import { ABBREVIATIONS, COMMON_WORDS, CONCEPTS, GENERIC, NOISE, RELATED } from './dictionary.js';
import { splitCompound, stem } from './tokens.js';

const MAX_PHRASE = 6;

/** Phrase (stemmed words joined by a space) → concept term. */
const PHRASES = new Map<string, string>();
/** Every word the dictionary knows, for splitting glued names. */
const KNOWN = new Set<string>();
/** term → related term → strength. */
const RELATIONS = new Map<string, Map<string, number>>();

const conceptTerm = (id: string) => `#${id}`;

function normalizeWords(words: readonly string[]): string[] {
  return words.map(stem);
}

for (const [id, phrases] of CONCEPTS) {
  for (const phrase of phrases) {
    const words = phrase.split(' ');
    for (const w of words) {
      KNOWN.add(w);
      KNOWN.add(stem(w));
    }
    const key = normalizeWords(words).join(' ');
    if (!PHRASES.has(key)) PHRASES.set(key, conceptTerm(id));
  }
}
for (const w of COMMON_WORDS) KNOWN.add(w);
for (const [abbr, expansion] of ABBREVIATIONS) {
  KNOWN.add(abbr);
  for (const w of expansion.split(' ')) KNOWN.add(w);
}

/** Maps a related-table entry (a concept id or a plain word) to its term. */
function termFor(entry: string): string {
  if (CONCEPTS.has(entry)) return conceptTerm(entry);
  return PHRASES.get(stem(entry)) ?? stem(entry);
}

function relate(a: string, b: string, strength: number) {
  if (a === b) return;
  let m = RELATIONS.get(a);
  if (!m) RELATIONS.set(a, (m = new Map()));
  m.set(b, Math.max(m.get(b) ?? 0, strength));
}
for (const [a, b, s] of RELATED) {
  const ta = termFor(a);
  const tb = termFor(b);
  relate(ta, tb, s);
  relate(tb, ta, s);
}

export function isKnownWord(word: string): boolean {
  return KNOWN.has(word) || PHRASES.has(word);
}

/** How strongly two different terms are related (0 when unrelated). */
export function relatedness(a: string, b: string): number {
  return RELATIONS.get(a)?.get(b) ?? 0;
}

/** Terms related to `term`, for building candidate keys. */
export function relatedTerms(term: string): Iterable<string> {
  return RELATIONS.get(term)?.keys() ?? [];
}

export function isConcept(term: string): boolean {
  return term.startsWith('#');
}

export function isGeneric(term: string): boolean {
  return GENERIC.has(isConcept(term) ? term.slice(1) : term);
}

/** Expands abbreviations and glued words: `qty` → quantity, `firstname` → first name. */
export function expandWords(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    const expansion = ABBREVIATIONS.get(w);
    if (expansion !== undefined) {
      out.push(...expansion.split(' '));
      continue;
    }
    if (/^[0-9]+$/.test(w)) {
      out.push(w);
      continue;
    }
    for (const part of splitCompound(w, isKnownWord)) {
      const e = ABBREVIATIONS.get(part);
      if (e !== undefined && part !== w) out.push(...e.split(' '));
      else out.push(part);
    }
  }
  return out;
}

/**
 * Words → terms: abbreviations expanded, glued words split, plurals stemmed, then the longest
 * dictionary phrase at each position becomes its concept. Filler words are dropped when
 * something else remains.
 */
export function termsOfWords(words: readonly string[], options: { dropNoise?: boolean } = {}): string[] {
  const stems = normalizeWords(expandWords(words));
  const terms: string[] = [];
  for (let i = 0; i < stems.length; ) {
    let matched = false;
    for (let len = Math.min(MAX_PHRASE, stems.length - i); len >= 1; len--) {
      const concept = PHRASES.get(stems.slice(i, i + len).join(' '));
      if (concept !== undefined) {
        terms.push(concept);
        i += len;
        matched = true;
        break;
      }
    }
    if (!matched) {
      terms.push(stems[i]!);
      i++;
    }
  }
  if (options.dropNoise !== false) {
    const kept = terms.filter((t) => !NOISE.has(t));
    if (kept.length > 0 && kept.length < terms.length) return dedupe(kept);
  }
  return dedupe(terms);
}

function dedupe(terms: string[]): string[] {
  return [...new Set(terms)];
}

/** A term as a person reads it: `#postal_code` → "postal code". */
export function describeTerm(term: string): string {
  return (isConcept(term) ? term.slice(1) : term).replace(/_/g, ' ');
}
