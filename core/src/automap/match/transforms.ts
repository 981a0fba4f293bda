/**
 * Targets that need several source fields combined: a full name from first and last name, an
 * address line from street and house number. Proposed only where the parts are clear (siblings
 * under the same parent), never as a direct match.
 */
import type { ProposedTransform } from '../schema-field.js';
import type { FieldProfile } from './profile.js';

const PERSON_WORDS = new Set(['user', 'customer', 'contact', 'person', 'profile', 'member', 'player', 'subscriber', 'lead', 'prospect', 'client', 'buyer', 'employee', 'visitor', 'shopper', 'patient', 'student', 'candidate', 'owner', 'attendee', 'recipient', 'sender', 'guest', 'traveler']);

const only = (p: FieldProfile, term: string) => p.nameTerms.length === 1 && p.nameTerms[0] === term;
const parentOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf('.')));
const ref = (entity: string, path: string) => (entity ? `${entity}.${path}` : path);

/** Does a bare `name` on this target mean a person's name? (The entity or its parent says so.) */
function isPersonName(p: FieldProfile, entityWords: readonly string[]): boolean {
  if (!(p.nameTerms.length === 1 && p.nameTerms[0] === 'name')) return false;
  const context = p.contextTerms.length > 0 ? p.contextTerms : entityWords;
  return context.some((w) => PERSON_WORDS.has(w));
}

type Pair = readonly [FieldProfile, FieldProfile];

/**
 * Sibling source fields (same parent, same qualifiers) whose names are exactly the given terms,
 * indexed by the first field's qualifiers so that each target finds the pairs that fit it without
 * scanning them all (thousands of targets and sources stay linear).
 */
class SiblingPairs {
  private readonly all: Pair[] = [];
  private readonly unqualified: Pair[] = [];
  private readonly byQualifier = new Map<string, Pair[]>();

  constructor(sources: readonly FieldProfile[], a: string, b: string) {
    const seconds = new Map<string, FieldProfile[]>();
    const key = (p: FieldProfile) => `${parentOf(p.path)}\u0000${p.qualifiers.join()}`;
    for (const y of sources) {
      if (!only(y, b)) continue;
      const list = seconds.get(key(y));
      if (list) list.push(y);
      else seconds.set(key(y), [y]);
    }
    for (const x of sources) {
      if (!only(x, a) || x.path.includes('[]')) continue;
      for (const y of seconds.get(key(x)) ?? []) {
        const pair = [x, y] as const;
        this.all.push(pair);
        if (x.qualifiers.length === 0) this.unqualified.push(pair);
        for (const q of x.qualifiers) {
          const list = this.byQualifier.get(q);
          if (list) list.push(pair);
          else this.byQualifier.set(q, [pair]);
        }
      }
    }
  }

  /**
   * The one pair whose qualifiers fit the target's (either side unqualified, or a qualifier in
   * common), or undefined when none or several do.
   */
  onlyFitFor(t: FieldProfile): Pair | undefined {
    const found = new Set<Pair>();
    const consider = (pairs: readonly Pair[]) => {
      for (const pair of pairs) {
        found.add(pair);
        if (found.size > 1) return;
      }
    };
    if (t.qualifiers.length === 0) consider(this.all);
    else {
      consider(this.unqualified);
      for (const q of t.qualifiers) if (found.size <= 1) consider(this.byQualifier.get(q) ?? []);
    }
    return found.size === 1 ? [...found][0] : undefined;
  }
}

export function proposeTransforms(
  sources: readonly FieldProfile[],
  allTargets: readonly FieldProfile[],
  /** Target path → the source path it is matched to directly. */
  matched: ReadonlyMap<string, string>,
  entity: { source: string; targetEntityWords: readonly string[] },
): ProposedTransform[] {
  const out: ProposedTransform[] = [];
  const names = new SiblingPairs(sources, '#first_name', '#last_name');
  const streets = new SiblingPairs(sources, '#street', '#house_number');
  const withHouseNumber = new Set(allTargets.filter((x) => only(x, '#house_number')).map((x) => parentOf(x.path)));
  for (const t of allTargets) {
    if (t.path.includes('[]')) continue;
    const direct = matched.get(t.path);
    if (only(t, '#full_name') || isPersonName(t, entity.targetEntityWords)) {
      if (direct !== undefined) continue;
      const pair = names.onlyFitFor(t);
      if (pair) {
        const [first, last] = pair;
        out.push({
          target: t.path,
          sources: [first.path, last.path],
          transform: `$join([${ref(entity.source, first.path)}, ${ref(entity.source, last.path)}][$ != ""], " ")`,
          score: only(t, '#full_name') ? 0.9 : 0.75,
          reasons: [`"${t.path}" is a full name; the source has it in parts: first name "${first.path}" and last name "${last.path}"`],
        });
      }
      continue;
    }
    if (only(t, '#street') && !withHouseNumber.has(parentOf(t.path))) {
      const pair = streets.onlyFitFor(t);
      // An address line matched to the street alone would lose the house number.
      if (pair && (direct === undefined || direct === pair[0].path)) {
        const [street, number] = pair;
        out.push({
          target: t.path,
          sources: [street.path, number.path],
          transform: `$join([${ref(entity.source, street.path)}, $string(${ref(entity.source, number.path)})][$ != ""], " ")`,
          score: 0.8,
          reasons: [`"${t.path}" is an address line; the source has street "${street.path}" and house number "${number.path}" apart`],
        });
      }
    }
  }
  return out;
}
