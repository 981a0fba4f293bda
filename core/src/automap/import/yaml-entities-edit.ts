import { dump, getScalarValue, parseEvents, type Event } from 'js-yaml';
import type { JsonObject } from '../../model/json.js';
import { startOf as nodeStart } from '../../load/positions.js';

/**
 * Writes imported entities into a YAML spec by editing its text: only the entity items that
 * change are written, and every other byte (comments, blank lines, anchors, aliases, `<<` keys,
 * quoting, folded text) stays as it was. A re-dump of the whole document, or a YAML library's
 * `toString()`, re-lays out text the person wrote; this does not.
 */

const SEQUENCE = 2, MAPPING = 3, SCALAR = 4, ALIAS = 5, POP = 6;
const SINGLE_QUOTED = 2, DOUBLE_QUOTED = 3;
const FLOW = 2;

/** What the import changes in one system's `entities` list. */
export interface EntitiesEdit {
  /** The system's position under `systems`. */
  system: number;
  /** Declarations that take the place of the existing item at that index. */
  replace: ReadonlyMap<number, JsonObject>;
  /** Declarations added at the end of the list. */
  append: readonly JsonObject[];
  /** The system as it is after the import: written whole when its own text must change form (a `{ … }` system). */
  newSystem: JsonObject;
}

interface Splice {
  from: number;
  to: number;
  text: string;
}

/**
 * The spec text with the edit applied, or undefined when the layout around the system is one
 * this does not edit in place (a `[ … ]` list of systems, an anchored system, a complex key):
 * the caller then verifies nothing and writes the document another way.
 */
export function editEntitiesInYaml(source: string, edit: EntitiesEdit): string | undefined {
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  // A text that does not end its last line gets a line end, so every insertion lands on a line of its own.
  const text = source === '' || source.endsWith('\n') ? source : source + eol;
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: 10_000 });
  } catch {
    return undefined;
  }
  const tree = new EventTree(events, text);
  const root = events.findIndex((e) => e.type === MAPPING);
  if (root < 0) return undefined;
  const systems = tree.valueOf(root, 'systems');
  if (systems === undefined || events[systems]!.type !== SEQUENCE) return undefined;
  const system = tree.items(systems)[edit.system];
  if (system === undefined) return undefined;
  const systemEvent = events[system]!;
  if (systemEvent.type !== MAPPING || hasAnchor(systemEvent)) return undefined;

  const splices: Splice[] = [];
  if (systemEvent.style === FLOW) {
    // `- { id: crm, name: CRM }`: the system is written whole, in block form, where it stood.
    if ((events[systems] as { style: number }).style === FLOW) return undefined;
    const from = tree.startOf(system);
    const close = matchingBracket(text, from);
    if (close < 0) return undefined;
    const moved = trailingComment(text, close + 1);
    if (moved === undefined) return undefined;
    const column = columnOf(text, from);
    const lines = block(edit.newSystem, column, eol).trimStart().split(eol);
    if (moved.comment) lines[0] += ` ${moved.comment}`;
    splices.push({ from, to: moved.end, text: lines.join(eol).replace(new RegExp(`${eol}$`), '') });
  } else {
    const entitiesKey = tree.keyOf(system, 'entities');
    if (entitiesKey === undefined) {
      // No list yet: `entities:` goes after the system's last line, at its keys' indent.
      const firstKey = system + 1;
      const indent = columnOf(text, tree.startOf(firstKey));
      const at = tree.endOfContent(system);
      const items = [...edit.replace.values(), ...edit.append];
      splices.push({ from: at, to: at, text: `${' '.repeat(indent)}entities:${eol}${block(items, indent + 2, eol)}` });
    } else {
      const list = tree.last(entitiesKey) + 1;
      const listEvent = events[list]!;
      if (listEvent.type === SEQUENCE && listEvent.style !== FLOW) {
        const items = tree.items(list);
        for (const [index, declaration] of edit.replace) {
          const item = items[index];
          if (item === undefined) return undefined;
          const dash = dashBefore(text, tree.startOf(item));
          if (dash < 0) return undefined;
          const from = lineStartOf(text, dash);
          const next = items[index + 1];
          const to = next === undefined ? tree.endOfContent(list) : tree.endOfContent(item, lineStartOf(text, dashBefore(text, tree.startOf(next))));
          splices.push({ from, to, text: block([declaration], columnOf(text, dash), eol) });
        }
        if (edit.append.length > 0) {
          const at = tree.endOfContent(list);
          splices.push({ from: at, to: at, text: block(edit.append, columnOf(text, tree.startOf(list)), eol) });
        }
      } else if (listEvent.type === SEQUENCE || listEvent.type === ALIAS) {
        // `entities: []` or `entities: *shared`: the list is written in block form under its key.
        const from = tree.startOf(list);
        const end = listEvent.type === ALIAS ? listEvent.anchorEnd : matchingBracket(text, listEvent.start) + 1;
        if (end <= 0) return undefined;
        const moved = trailingComment(text, end);
        if (moved === undefined) return undefined;
        const newList = edit.newSystem['entities'];
        if (!Array.isArray(newList)) return undefined;
        const indent = columnOf(text, tree.startOf(entitiesKey)) + 2;
        const lines = block(newList, indent, eol).replace(new RegExp(`${eol}$`), '');
        // The text from the key's colon: `entities:` is kept; what follows it is the new list.
        const colon = text.lastIndexOf(':', from);
        splices.push({ from: colon + 1, to: moved.end, text: `${moved.comment ? ` ${moved.comment}` : ''}${eol}${lines}` });
      } else return undefined;
    }
  }
  let out = text;
  for (const splice of splices.sort((a, b) => b.from - a.from)) out = out.slice(0, splice.from) + splice.text + out.slice(splice.to);
  return out;
}

/** A value as block YAML, every line indented by `indent` spaces. */
function block(value: unknown, indent: number, eol: string): string {
  const pad = ' '.repeat(indent);
  const text = dump(value, { noRefs: true, lineWidth: -1 } as Parameters<typeof dump>[1]);
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => (line === '' ? line : pad + line))
    .join(eol) + eol;
}

const hasAnchor = (event: Event) => 'anchorStart' in event && event.anchorStart >= 0;

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

const columnOf = (text: string, offset: number) => offset - lineStartOf(text, offset);

/** The `-` of the block sequence item that starts at `offset` (only spaces and line ends between), or -1. */
function dashBefore(text: string, offset: number): number {
  let at = offset - 1;
  while (at >= 0 && /[ \t\r\n]/.test(text[at]!)) at--;
  return text[at] === '-' ? at : -1;
}

/** What follows a flow collection on its line: nothing, or a comment (moved with the text), else undefined. */
function trailingComment(text: string, from: number): { end: number; comment: string } | undefined {
  const lineEnd = text.indexOf('\n', from);
  const end = lineEnd < 0 ? text.length : text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
  const rest = text.slice(from, end).trim();
  if (rest !== '' && !rest.startsWith('#')) return undefined;
  return { end, comment: rest };
}

/** The offset of the `]` or `}` closing the flow collection opened at `open`, or -1. Quotes and comments are skipped. */
function matchingBracket(text: string, open: number): number {
  let depth = 0;
  for (let at = open; at < text.length; at++) {
    const c = text[at]!;
    if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      if (--depth === 0) return at;
    } else if (c === '"') {
      for (at++; at < text.length && text[at] !== '"'; at++) if (text[at] === '\\') at++;
    } else if (c === "'") {
      for (at++; at < text.length; at++) {
        if (text[at] === "'") {
          if (text[at + 1] === "'") at++;
          else break;
        }
      }
    } else if (c === '#' && /[ \t\r\n]/.test(text[at - 1] ?? ' ')) {
      const eol = text.indexOf('\n', at);
      at = eol < 0 ? text.length : eol;
    }
  }
  return -1;
}

/** js-yaml's flat events, read as a tree: where each node ends, a mapping's keys, a sequence's items. */
class EventTree {
  private readonly ends = new Map<number, number>();

  constructor(
    private readonly events: Event[],
    private readonly text: string,
  ) {
    const open: number[] = [];
    events.forEach((event, index) => {
      if (event.type === SEQUENCE || event.type === MAPPING) open.push(index);
      else if (event.type === POP && open.length > 0) this.ends.set(open.pop()!, index);
    });
  }

  /** The index of the last event of the node that starts at `node` (its POP, or itself). */
  last(node: number): number {
    return this.ends.get(node) ?? node;
  }

  /** The child nodes of a collection, in order. */
  private children(node: number): number[] {
    const out: number[] = [];
    const end = this.last(node);
    for (let at = node + 1; at < end; at = this.last(at) + 1) out.push(at);
    return out;
  }

  items(seq: number): number[] {
    return this.children(seq);
  }

  /** The key event of a mapping entry whose key is the scalar `key`. */
  keyOf(map: number, key: string): number | undefined {
    const children = this.children(map);
    for (let i = 0; i + 1 < children.length; i += 2) {
      const event = this.events[children[i]!]!;
      if (event.type === SCALAR && getScalarValue(this.text, event) === key) return children[i]!;
    }
    return undefined;
  }

  valueOf(map: number, key: string): number | undefined {
    const at = this.keyOf(map, key);
    return at === undefined ? undefined : this.last(at) + 1;
  }

  /** Where a node starts as written: at its `&anchor`, `!tag`, opening quote or `*` (as the loader places it). */
  startOf(node: number): number {
    return nodeStart(this.events[node]!);
  }

  /** Where the written content of a node ends at the latest: past its last scalar or alias. */
  private floor(node: number): number {
    let out = this.startOf(node);
    for (let at = node; at <= this.last(node); at++) {
      const event = this.events[at]!;
      if (event.type === SCALAR) out = Math.max(out, event.valueEnd + (event.style === SINGLE_QUOTED || event.style === DOUBLE_QUOTED ? 1 : 0));
      else if (event.type === ALIAS) out = Math.max(out, event.anchorEnd);
    }
    return out;
  }

  /**
   * The start of the line after a block node's last line of content: before the next node's line
   * (or `limit`), less the blank and comment lines in between (they stay with what follows).
   */
  endOfContent(node: number, limit?: number): number {
    const { text } = this;
    let next = limit;
    if (next === undefined) {
      next = text.length;
      for (let at = this.last(node) + 1; at < this.events.length; at++) {
        const start = this.startOf(at);
        if (start >= 0) {
          next = lineStartOf(text, start);
          break;
        }
      }
    }
    const floor = this.floor(node);
    let at = next;
    while (at > floor) {
      const start = lineStartOf(text, at - 1);
      if (start < floor || !/^[ \t]*(#.*)?\r?$/.test(text.slice(start, at - 1))) break;
      at = start;
    }
    // Content that ends mid-line (the floor) ends at that line's end.
    if (at < floor || (at === floor && floor > 0 && text[floor - 1] !== '\n')) {
      const lineEnd = text.indexOf('\n', floor);
      return lineEnd < 0 ? text.length : lineEnd + 1;
    }
    return at;
  }
}
