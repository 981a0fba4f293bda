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

/** Parses `a.b[].c[2].d[type=Billing]` (no entity name) into segments. A scanner: this runs for every path of every mapping. */
export function parseSegments(text: string): ParsedSegments {
  const segments: PathSegment[] = [];
  let i = 0;
  const end = text.length;
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  let last = end;
  while (last > i && isSpace(text.charCodeAt(last - 1))) last--;
  if (i === last) return { ok: false, message: 'is empty' };
  for (;;) {
    const start = i;
    while (i < last) {
      const c = text.charCodeAt(i);
      if (c === 46 /* . */ || c === 91 /* [ */ || c === 93 /* ] */) break;
      i++;
    }
    const name = text.slice(start, i).trim();
    if (name === '') return { ok: false, message: `cannot read a field name at "${text.slice(start, last)}"` };
    const segment: PathSegment = { name };
    if (i < last && text.charCodeAt(i) === 91) {
      const close = text.indexOf(']', i + 1);
      if (close === -1 || close >= last) return { ok: false, message: `expected "." before "${text.slice(i, last)}"` };
      const selectorText = text.slice(i + 1, close);
      const selector = parseSelector(selectorText);
      if (!selector) return { ok: false, message: `"[${selectorText}]" is not a selector: use [], [3] or [key=value]` };
      segment.selector = selector;
      i = close + 1;
    }
    segments.push(segment);
    if (i === last) return { ok: true, segments };
    if (text.charCodeAt(i) !== 46) return { ok: false, message: `expected "." before "${text.slice(i, last)}"` };
    i++;
  }
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

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
