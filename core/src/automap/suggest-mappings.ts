import { assignMaxWeight, type Edge } from './match/assignment.js';
import { candidatePairs } from './match/candidates.js';
import { termsOfWords } from './match/lexicon.js';
import { profileField, type FieldProfile } from './match/profile.js';
import { pairScore, scorePair } from './match/score.js';
import { wordsOf } from './match/tokens.js';
import { proposeTransforms } from './match/transforms.js';
import type { AutomapMatch, AutomapOptions, AutomapResult, ImportedEntity } from './schema-field.js';

/** Below this a pair is not suggested: a wrong suggestion costs a reviewer more than a missing one. */
export const DEFAULT_MIN_SCORE = 0.6;
const MAX_EDGES_PER_SOURCE = 8;
/** A tie-breaker only: smaller than any real difference in score. */
const SAME_WORDS_BONUS = 0.004;

function profiles(entity: ImportedEntity): FieldProfile[] {
  const leaves = entity.fields.filter((f) => !f.container);
  return leaves.map((f, i) => profileField(f, i, leaves.length));
}

/**
 * Suggests 1:1 field mappings from a source entity to a target entity, each with a score (0–1)
 * and reasons. Candidate pairs come from a term index, within a budget of scored pairs shared by
 * the sources (so 20,000 × 20,000 fields cost about as many scored pairs as 3,000 × 3,000, however
 * alike their names); each is scored on names (tokens,
 * abbreviations, domain synonyms, spelling), context (parents, billing/shipping, item level), types
 * and formats, descriptions and sample values; a global assignment then picks the best 1:1 set.
 * Pairs accepted in earlier specs (`options.memory`) are ranked first. Targets that need several
 * source fields are proposed as `transforms`, never as matches.
 */
export function suggestMappings(source: ImportedEntity, target: ImportedEntity, options: AutomapOptions = {}): AutomapResult {
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const S = profiles(source);
  const T = profiles(target);
  const targetIndex = new Map(T.map((t, j) => [t.path, j]));
  const sourceIndex = new Map(S.map((s, i) => [s.path, i]));

  const remembered = new Map<number, Set<number>>();
  for (const pair of options.memory ?? []) {
    const i = sourceIndex.get(pair.source);
    const j = targetIndex.get(pair.target);
    if (i === undefined || j === undefined) continue;
    let set = remembered.get(i);
    if (!set) remembered.set(i, (set = new Set()));
    set.add(j);
  }

  // An accepted pair outweighs any set of new suggestions it could displace.
  const memoryBonus = S.length + 2;
  const edges: Edge[] = [];
  const candidates = candidatePairs(S, T);
  S.forEach((s, i) => {
    const list = new Set(candidates[i]);
    const exact = targetIndex.get(s.path);
    if (exact !== undefined) list.add(exact);
    for (const j of remembered.get(i) ?? []) list.add(j);
    const row: Edge[] = [];
    for (const j of list) {
      const t = T[j]!;
      const score = pairScore(s, t);
      const memory = remembered.get(i)?.has(j) ?? false;
      if (!memory && score < minScore) continue;
      // Field order is a faint tie-breaker (schemas tend to list related fields alike).
      const order = 0.002 * (1 - Math.abs(s.position - t.position));
      // Among equally good synonyms, the one spelled with the same words is the likelier partner
      // (`country` → `location.country` rather than `country_code`).
      const sameWords = s.flat === t.flat ? SAME_WORDS_BONUS : 0;
      row.push({ row: i, col: j, weight: (memory ? memoryBonus : 0) + score + order + sameWords });
    }
    // The best few per source are enough for an optimal assignment in practice, and keep it fast.
    row.sort((a, b) => b.weight - a.weight);
    edges.push(...row.slice(0, MAX_EDGES_PER_SOURCE));
  });

  const assigned = assignMaxWeight(S.length, T.length, edges);
  const matches: (AutomapMatch & { memory: boolean })[] = [];
  assigned.forEach((j, i) => {
    if (j < 0) return;
    const memory = remembered.get(i)?.has(j) ?? false;
    const result = scorePair(S[i]!, T[j]!);
    const found = memory ? { score: Math.max(result.score, 0.95), reasons: ['accepted in an earlier spec', ...result.reasons], memory } : { ...result, memory };
    matches.push({ source: S[i]!.path, target: T[j]!.path, score: round(found.score), reasons: found.reasons, memory: found.memory });
  });
  matches.sort((a, b) => Number(b.memory) - Number(a.memory) || b.score - a.score);

  const transforms = proposeTransforms(S, T, new Map(matches.map((m) => [m.target, m.source])), {
    source: source.name,
    targetEntityWords: termsOfWords(wordsOf(target.name)),
  });
  // A target that needs several source fields is a transform, not a direct match.
  const viaTransform = new Set(transforms.map((t) => t.target));
  const direct = matches.filter((m) => m.memory || !viaTransform.has(m.target));
  const matchedTargetPaths = new Set(direct.map((m) => m.target));
  const unmatchedTargets = T.filter((t) => !matchedTargetPaths.has(t.path));
  const matchedSources = new Set(direct.map((m) => m.source));
  return {
    matches: direct.map(({ memory: _memory, ...m }) => m),
    unmatched: { source: S.filter((s) => !matchedSources.has(s.path)).map((s) => s.path), target: unmatchedTargets.map((t) => t.path) },
    transforms,
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
