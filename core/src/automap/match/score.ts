/** One candidate pair's score (0–1) and the reasons a person can check. */
import type { FieldFormat, FieldType } from '../../model/schema.js';
import { describeTerm } from './lexicon.js';
import type { FieldProfile } from './profile.js';
import { bigramDice, termSetScore, termSetSimilarity, type SetSimilarity } from './similarity.js';

export interface PairScore {
  score: number;
  reasons: string[];
}

type Kind = FieldType | 'unknown';

const NUMERIC = new Set<Kind>(['number', 'integer']);
const TEMPORAL = new Set<Kind>(['date', 'datetime']);

/** How well a value of one type fits a field of the other: 1 = same, lower = needs conversion or unlikely. */
export function typeCompatibility(a: FieldType | undefined, b: FieldType | undefined): number {
  const x: Kind = a ?? 'unknown';
  const y: Kind = b ?? 'unknown';
  if (x === y || x === 'unknown' || y === 'unknown') return 1;
  if (NUMERIC.has(x) && NUMERIC.has(y)) return 0.97;
  if (TEMPORAL.has(x) && TEMPORAL.has(y)) return 0.92;
  const pair = (p: Kind, q: Kind) => (x === p && y === q) || (x === q && y === p);
  if (pair('string', 'date') || pair('string', 'datetime')) return 0.88;
  if ((NUMERIC.has(x) && TEMPORAL.has(y)) || (TEMPORAL.has(x) && NUMERIC.has(y))) return 0.8; // epoch timestamps
  if (pair('string', 'number') || pair('string', 'integer')) return 0.78;
  if (pair('string', 'boolean')) return 0.55;
  if (x === 'boolean' || y === 'boolean') return 0.35;
  if (x === 'array' || y === 'array') return 0.55; // a list of values against one value
  if (x === 'object' || y === 'object') return 0.5;
  return 0.5;
}

export function formatCompatibility(a: FieldFormat | undefined, b: FieldFormat | undefined): number {
  if (a === undefined || b === undefined || a === b) return 1;
  if ((a === 'date' && b === 'datetime') || (a === 'datetime' && b === 'date')) return 0.95;
  return 0.45;
}

function describeLinks(sim: SetSimilarity): string {
  const parts: string[] = [];
  for (const l of sim.links) {
    if (l.link === 'same') continue;
    const what = l.link === 'synonym' ? 'synonyms' : l.link === 'related' ? 'related terms' : l.link === 'abbreviation' ? 'abbreviation' : 'similar spelling';
    parts.push(`"${describeTerm(l.a)}" ~ "${describeTerm(l.b)}" (${what})`);
  }
  return parts.join(', ');
}

/** Qualifier classes that name the address of record (what an unqualified address usually means). */
const OF_RECORD = new Set(['billing', 'mailing']);

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Scores a source field against a target field. */
export function scorePair(s: FieldProfile, t: FieldProfile, explain = true): PairScore {
  const reasons: string[] | undefined = explain ? [] : undefined;
  const score = scoreWith(s, t, reasons);
  return { score, reasons: reasons ?? [] };
}

/** `scorePair(s, t, false).score`, allocating nothing: what thousands of candidate pairs cost. */
export const pairScore = (s: FieldProfile, t: FieldProfile): number => scoreWith(s, t, undefined);

function scoreWith(s: FieldProfile, t: FieldProfile, reasons: string[] | undefined): number {
  // Reasons are only worded for pairs that are shown (scoring thousands of candidates stays cheap).

  // 1. Names. Unexplained scoring (thousands of candidates) runs on term ids; the path-level
  // comparison is skipped when it cannot change the outcome (no parents on either side, or the
  // leaf names already match better than a path match could count).
  let leaf: SetSimilarity | undefined;
  let full: SetSimilarity | undefined;
  let leafScore: number;
  let fullScore: number;
  const noContext = s.contextIds.length === 0 && t.contextIds.length === 0;
  if (reasons) {
    leaf = termSetSimilarity(s.nameTerms, t.nameTerms);
    full = noContext ? leaf : termSetSimilarity(s.allTerms, t.allTerms);
    leafScore = leaf.score;
    fullScore = full.score;
  } else {
    leafScore = termSetScore(s.nameIds, t.nameIds);
    fullScore = noContext || leafScore >= 0.9 ? leafScore : termSetScore(s.allIds, t.allIds);
  }
  const spelled =
    s.flat.length >= 4 && t.flat.length >= 4 && s.flat[0] === t.flat[0] && Math.min(s.flat.length, t.flat.length) / Math.max(s.flat.length, t.flat.length) >= 0.6 && Math.max(leafScore, fullScore) < 0.85
      ? bigramDice(s.flat, t.flat)
      : 0;
  let name = leafScore;
  let via = 'names';
  if (0.9 * fullScore > name) {
    name = 0.9 * fullScore;
    via = 'paths';
  }
  if (spelled >= 0.8 && 0.9 * spelled > name) {
    name = 0.9 * spelled;
    via = 'spelling';
  }
  if (s.path === t.path) reasons?.push('same path');
  else if (via === 'spelling') reasons?.push(`names are spelled alike (${pct(spelled)})`);
  else if (reasons) {
    const sim = (via === 'names' ? leaf : full)!;
    const links = describeLinks(sim);
    const label = `${s.nameTerms.map(describeTerm).join(' ')}`;
    if (sim.score >= 0.999 && !links) reasons?.push(`same name ("${label}")`);
    else reasons?.push(`${via === 'names' ? 'names' : 'paths'} match ${pct(sim.score)}${links ? `: ${links}` : ''}`);
  }
  let score = name;

  // 2. Context: qualifiers (billing/shipping…), item level, parent names.
  if (s.qualifiers.length > 0 && t.qualifiers.length > 0) {
    if (s.qualifiers.some((q) => t.qualifiers.includes(q))) reasons?.push(`both ${s.qualifiers.filter((q) => t.qualifiers.includes(q)).join('/')}`);
    else {
      score *= 0.3;
      reasons?.push(`different context: ${s.qualifiers.join('/')} vs ${t.qualifiers.join('/')}`);
    }
  } else if (s.qualifiers.length + t.qualifiers.length > 0) {
    // One side is unqualified: it most likely means the address (phone, email) of record, which
    // systems call billing or mailing; any other qualified variant is a little less likely.
    const qualified = s.qualifiers.length > 0 ? s.qualifiers : t.qualifiers;
    score *= qualified.some((q) => OF_RECORD.has(q)) ? 0.95 : 0.94;
  }
  // `current_total_price` / `primary_email` is a variant of the plain `total_price` / `email`: when
  // only one side says so, the plain field is the better partner for a plain source.
  if (s.emphasized !== t.emphasized) score *= 0.98;
  if (s.inArray !== t.inArray) {
    score *= 0.72;
    reasons?.push(s.inArray ? 'source is an item-level field, target is not' : 'target is an item-level field, source is not');
  }
  if (s.contextTerms.length > 0 && t.contextTerms.length > 0) {
    const ctx = termSetScore(s.contextIds, t.contextIds);
    score *= 0.9 + 0.1 * ctx;
    if (ctx >= 0.7 && reasons) reasons.push(`parents agree (${s.contextTerms.map(describeTerm).join(' ')} ~ ${t.contextTerms.map(describeTerm).join(' ')})`);
  }

  // 3. Types and formats.
  const types = typeCompatibility(s.field.type, t.field.type);
  if (types < 1) {
    score *= types;
    reasons?.push(`types ${s.field.type} → ${t.field.type}${types >= 0.75 ? ' (convertible)' : ' (unlikely)'}`);
  } else if (s.field.type && t.field.type) reasons?.push(`both ${s.field.type}`);
  const formats = formatCompatibility(s.field.format, t.field.format);
  if (formats < 1) {
    score *= formats;
    reasons?.push(`formats differ: ${s.field.format} vs ${t.field.format}`);
  } else if (s.field.format && s.field.format === t.field.format) {
    score = score + (1 - score) * 0.15;
    reasons?.push(`both ${s.field.format}`);
  }

  // 4. Descriptions (a boost only: descriptions are often missing or terse).
  const desc = descriptionSignal(s, t);
  if (desc > 0.3) {
    score = score + (1 - score) * 0.35 * desc;
    reasons?.push(`descriptions agree (${pct(desc)})`);
  }

  // 5. Sample values.
  if (s.values.size > 0 && t.values.size > 0) {
    let shared = 0;
    for (const v of s.values) if (t.values.has(v)) shared++;
    const overlap = shared / Math.min(s.values.size, t.values.size);
    if (overlap > 0) {
      score = score + (1 - score) * 0.6 * overlap;
      reasons?.push(`sample values overlap ${pct(overlap)}`);
    }
  }

  return Math.max(0, Math.min(1, score));
}

/** Agreement of two descriptions, or of one field's name with the other's description. */
export function descriptionSignal(s: FieldProfile, t: FieldProfile): number {
  let best = 0;
  if (s.descriptionTerms.length > 0 && t.descriptionTerms.length > 0) {
    best = termSetScore(s.descriptionIds, t.descriptionIds);
  }
  const named = (names: string[], desc: string[]) =>
    desc.length === 0 || names.length === 0 ? 0 : names.filter((n) => desc.includes(n)).length / names.length;
  best = Math.max(best, 0.8 * named(s.nameTerms, t.descriptionTerms), 0.8 * named(t.nameTerms, s.descriptionTerms));
  return best;
}
