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

/** Sibling source fields (same parent) whose names are exactly the given terms. */
function siblings(sources: readonly FieldProfile[], a: string, b: string): [FieldProfile, FieldProfile][] {
  const out: [FieldProfile, FieldProfile][] = [];
  for (const x of sources) {
    if (!only(x, a) || x.path.includes('[]')) continue;
    for (const y of sources) if (only(y, b) && parentOf(y.path) === parentOf(x.path) && x.qualifiers.join() === y.qualifiers.join()) out.push([x, y]);
  }
  return out;
}

export function proposeTransforms(
  sources: readonly FieldProfile[],
  allTargets: readonly FieldProfile[],
  /** Target path → the source path it is matched to directly. */
  matched: ReadonlyMap<string, string>,
  names: { source: string; targetEntityWords: readonly string[] },
): ProposedTransform[] {
  const out: ProposedTransform[] = [];
  for (const t of allTargets) {
    if (t.path.includes('[]')) continue;
    const direct = matched.get(t.path);
    if (only(t, '#full_name') || isPersonName(t, names.targetEntityWords)) {
      if (direct !== undefined) continue;
      const pairs = siblings(sources, '#first_name', '#last_name').filter(([f]) => qualifiersFit(f, t));
      if (pairs.length === 1) {
        const [first, last] = pairs[0]!;
        out.push({
          target: t.path,
          sources: [first.path, last.path],
          transform: `$join([${ref(names.source, first.path)}, ${ref(names.source, last.path)}][$ != ""], " ")`,
          score: only(t, '#full_name') ? 0.9 : 0.75,
          reasons: [`"${t.path}" is a full name; the source has it in parts: first name "${first.path}" and last name "${last.path}"`],
        });
      }
      continue;
    }
    if (only(t, '#street') && !allTargets.some((x) => only(x, '#house_number') && parentOf(x.path) === parentOf(t.path))) {
      const pairs = siblings(sources, '#street', '#house_number').filter(([f]) => qualifiersFit(f, t));
      // An address line matched to the street alone would lose the house number.
      if (pairs.length === 1 && (direct === undefined || direct === pairs[0]![0].path)) {
        const [street, number] = pairs[0]!;
        out.push({
          target: t.path,
          sources: [street.path, number.path],
          transform: `$join([${ref(names.source, street.path)}, $string(${ref(names.source, number.path)})][$ != ""], " ")`,
          score: 0.8,
          reasons: [`"${t.path}" is an address line; the source has street "${street.path}" and house number "${number.path}" apart`],
        });
      }
    }
  }
  return out;
}

function qualifiersFit(s: FieldProfile, t: FieldProfile): boolean {
  if (s.qualifiers.length === 0 || t.qualifiers.length === 0) return true;
  return s.qualifiers.some((q) => t.qualifiers.includes(q));
}
