/**
 * Field paths (spec-format.md, "Field paths"): `<Entity>.<segment>.<segment>…`, where a segment
 * is a name with an optional selector: `name[]` every element, `name[3]` one by index,
 * `name[key=value]` the element whose `key` equals `value`.
 */

export type Selector =
  | { kind: 'each' }
  | { kind: 'index'; index: number }
  | { kind: 'match'; key: string; value: string };

export interface PathSegment {
  name: string;
  selector?: Selector;
}

export type ParsedSegments = { ok: true; segments: PathSegment[] } | { ok: false; message: string };

const SEGMENT = /^([^.[\]]+)(?:\[([^\]]*)\])?/;

/** Parses `a.b[].c[2].d[type=Billing]` (no entity name) into segments. */
export function parseSegments(text: string): ParsedSegments {
  const segments: PathSegment[] = [];
  let rest = text.trim();
  if (rest === '') return { ok: false, message: 'is empty' };
  for (;;) {
    const match = SEGMENT.exec(rest);
    if (!match) return { ok: false, message: `cannot read a field name at "${rest}"` };
    const name = match[1]!.trim();
    const selectorText = match[2];
    const segment: PathSegment = { name };
    if (selectorText !== undefined) {
      const selector = parseSelector(selectorText);
      if (!selector) return { ok: false, message: `"[${selectorText}]" is not a selector: use [], [3] or [key=value]` };
      segment.selector = selector;
    }
    segments.push(segment);
    rest = rest.slice(match[0].length);
    if (rest === '') return { ok: true, segments };
    if (rest[0] !== '.') return { ok: false, message: `expected "." before "${rest}"` };
    rest = rest.slice(1);
  }
}

function parseSelector(text: string): Selector | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'each' };
  if (/^\d+$/.test(trimmed)) return { kind: 'index', index: Number(trimmed) };
  const eq = trimmed.indexOf('=');
  if (eq > 0) return { kind: 'match', key: trimmed.slice(0, eq).trim(), value: trimmed.slice(eq + 1).trim() };
  return undefined;
}

export interface EntityPath {
  entity: string;
  segments: PathSegment[];
}

export type ParsedEntityPath = { ok: true; path: EntityPath } | { ok: false; message: string };

/** Parses `<Entity>.<segments>`; the entity name is the first segment and has no selector. */
export function parseEntityPath(text: string): ParsedEntityPath {
  const parsed = parseSegments(text);
  if (!parsed.ok) return parsed;
  const [first, ...segments] = parsed.segments;
  if (!first || first.selector) return { ok: false, message: 'must start with an entity name, as in Customer.email' };
  return { ok: true, path: { entity: first.name, segments } };
}

/** The path with every selector read as `[]`: how paths compare with declared fields. */
export function declaredForm(segments: readonly PathSegment[]): string {
  return segments.map((s) => (s.selector ? `${s.name}[]` : s.name)).join('.');
}

/** The names alone, selectors dropped: `addresses.line1`. */
export function nameForm(segments: readonly PathSegment[]): string {
  return segments.map((s) => s.name).join('.');
}

/** How many segments select every element (`[]`), i.e. how deep the value is array-valued. */
export function eachDepth(segments: readonly PathSegment[]): number {
  return segments.reduce((n, s) => n + (s.selector?.kind === 'each' ? 1 : 0), 0);
}

export function formatSegments(segments: readonly PathSegment[]): string {
  return segments
    .map((s) => {
      if (!s.selector) return s.name;
      if (s.selector.kind === 'each') return `${s.name}[]`;
      if (s.selector.kind === 'index') return `${s.name}[${s.selector.index}]`;
      return `${s.name}[${s.selector.key}=${s.selector.value}]`;
    })
    .join('.');
}
