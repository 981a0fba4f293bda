/** What the matcher knows about one field: its terms, context, type, description and values. */
import type { SchemaField } from '../schema-field.js';
import { NEUTRAL_QUALIFIERS, NOISE, QUALIFIERS, STOPWORDS, WRAPPERS } from './dictionary.js';
import { expandWords, isConcept, isGeneric, termsOfWords } from './lexicon.js';
import { termIds } from './similarity.js';
import { splitPath, stem, wordsOf } from './tokens.js';

export interface FieldProfile {
  field: SchemaField;
  path: string;
  /** Position in its schema, 0–1 (field order is a faint tie-breaker). */
  position: number;
  /** The leaf's own terms, qualifiers taken out. */
  leafTerms: string[];
  /** The terms the field is known by: the leaf's, preceded by its parent's when the leaf alone says little (`products[].id`). */
  nameTerms: string[];
  /** Terms of the meaningful parent segments (wrappers such as `properties`, `traits` left out). */
  contextTerms: string[];
  /** Address and contact qualifiers anywhere in the path (billing, shipping, home…), as classes. */
  qualifiers: string[];
  /** The path says primary/main/current/default: an emphasized variant of the plain field. */
  emphasized: boolean;
  /** The field sits inside an array of objects (an item-level field). */
  inArray: boolean;
  /** Leaf words glued together, for plain string similarity. */
  flat: string;
  /** The description's first distinct terms (at most MAX_DESCRIPTION_TERMS). */
  descriptionTerms: string[];
  descriptionIds: Int32Array;
  /** Normalized sample and enum values. */
  values: Set<string>;
  /** `nameTerms`, `contextTerms` and both together (context first) as term ids, for fast scoring. */
  nameIds: Int32Array;
  contextIds: Int32Array;
  /** Context and name terms together (context first). */
  allTerms: string[];
  allIds: Int32Array;
}

/**
 * Term lists are capped: scoring compares every term with every term of the other side, and a
 * hostile name or description of thousands of words must not make one pair cost millions. Real
 * names have a handful of terms and descriptions a few dozen.
 */
const MAX_NAME_TERMS = 16;
const MAX_DESCRIPTION_TERMS = 32;

const wrapperWords = new Set([...WRAPPERS].map((w) => w.split(' ').map(stem).join(' ')));

function isWrapperSegment(words: string[]): boolean {
  if (words.length === 0) return true;
  const stems = expandWords(words).map(stem);
  if (wrapperWords.has(stems.join(' '))) return true;
  return stems.every((w) => wrapperWords.has(w) || NOISE.has(w));
}

function takeQualifiers(terms: string[], into: Set<string>, keepOne: boolean): string[] {
  const rest: string[] = [];
  const found: string[] = [];
  for (const t of terms) {
    if (!isConcept(t) && (QUALIFIERS.has(t) || NEUTRAL_QUALIFIERS.has(t))) found.push(t);
    else rest.push(t);
  }
  // A leaf that is only a qualifier (`shipping`) names the thing itself, not a qualified field.
  if (keepOne && rest.length === 0) return terms;
  for (const q of found) {
    const cls = QUALIFIERS.get(q);
    if (cls !== undefined) into.add(cls);
  }
  return rest;
}

export function descriptionTermsOf(text: string): string[] {
  const words = wordsOf(text).filter((w) => !STOPWORDS.has(w) && !/^[0-9]+$/.test(w));
  return termsOfWords(words, { dropNoise: true }).filter((t) => !STOPWORDS.has(t));
}

function normalizeValue(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'object') return undefined;
  const s = String(v).trim().toLowerCase();
  return s === '' ? undefined : s;
}

export function profileField(field: SchemaField, index: number, count: number): FieldProfile {
  const segments = splitPath(field.path);
  const qualifiers = new Set<string>();
  const parents: string[][] = [];
  let inArray = false;
  segments.slice(0, -1).forEach((seg) => {
    if (seg.array) inArray = true;
    const words = wordsOf(seg.name);
    if (isWrapperSegment(words)) return;
    const terms = takeQualifiers(termsOfWords(words), qualifiers, false);
    if (terms.length > 0) parents.push(terms);
  });
  const leaf = segments[segments.length - 1];
  const leafWords = leaf ? wordsOf(leaf.name) : [];
  const leafTerms = takeQualifiers(termsOfWords(leafWords), qualifiers, true).slice(0, MAX_NAME_TERMS);
  let nameTerms = leafTerms;
  const nearest = parents[parents.length - 1];
  if (nearest && leafTerms.every(isGeneric)) {
    // Re-read parent and leaf as one phrase: `company.name` is "company name", `page.url` "page url".
    const combined = takeQualifiers(termsOfWords([...nearestWords(segments), ...leafWords]), new Set(), true);
    nameTerms = combined.length > 0 ? combined : [...nearest, ...leafTerms];
  }
  const values = new Set<string>();
  for (const v of [...(field.examples ?? []), ...(field.enum ?? [])]) {
    const n = normalizeValue(v);
    if (n !== undefined) values.add(n);
  }
  nameTerms = nameTerms.slice(0, MAX_NAME_TERMS);
  const contextTerms = [...new Set(parents.flat())].slice(-MAX_NAME_TERMS);
  const allTerms = [...new Set([...contextTerms, ...nameTerms])];
  const descriptionTerms = field.description ? descriptionTermsOf(field.description).slice(0, MAX_DESCRIPTION_TERMS) : [];
  return {
    field,
    path: field.path,
    position: count <= 1 ? 0 : index / (count - 1),
    leafTerms,
    nameTerms,
    contextTerms,
    qualifiers: [...qualifiers].sort(),
    emphasized: segments.some((seg) => wordsOf(seg.name).some((w) => NEUTRAL_QUALIFIERS.has(stem(w)))),
    inArray,
    flat: leafWords.join(''),
    descriptionTerms,
    descriptionIds: termIds(descriptionTerms),
    values,
    nameIds: termIds(nameTerms),
    contextIds: termIds(contextTerms),
    allTerms,
    allIds: termIds(allTerms),
  };
}

/** Words of the nearest parent segment that is not a wrapper. */
function nearestWords(segments: ReturnType<typeof splitPath>): string[] {
  for (let i = segments.length - 2; i >= 0; i--) {
    const words = wordsOf(segments[i]!.name);
    if (!isWrapperSegment(words)) return words;
  }
  return [];
}
