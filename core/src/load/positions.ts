import { getScalarValue, type Event } from 'js-yaml';
import { escapeSegment } from '../model/pointer.js';

/** A 1-based line and column, as editors and SARIF count them. */
export interface Position {
  line: number;
  column: number;
}

const DOCUMENT = 1, SEQUENCE = 2, MAPPING = 3, SCALAR = 4, ALIAS = 5, POP = 6;
const SINGLE_QUOTED = 2, DOUBLE_QUOTED = 3;

interface Frame {
  kind: 'seq' | 'map';
  pointer: string;
  index: number;
  /** In a mapping: the pending key (after reading it), or undefined while a key is expected. */
  key: string | undefined;
  keyOffset: number;
  /** A complex (non-scalar) key is being read: its events are skipped. */
  skipDepth: number;
}

/** The earliest of some offsets, -1 (absent) ignored. */
function earliest(...offsets: number[]): number {
  let out = -1;
  for (const o of offsets) if (o >= 0 && (out < 0 || o < out)) out = o;
  return out;
}

/**
 * Where a node starts as a person sees it: at its `&anchor` or `!tag` when it has one
 * (js-yaml's anchorStart is after the `&`, tagStart at the `!`), else at its content.
 */
function startOf(ev: Event): number {
  switch (ev.type) {
    case SEQUENCE:
    case MAPPING:
      return earliest(ev.start, ev.anchorStart - 1, ev.tagStart);
    case SCALAR:
      // A quoted scalar's value starts after its opening quote; a person points at the quote.
      return earliest(ev.style === SINGLE_QUOTED || ev.style === DOUBLE_QUOTED ? ev.valueStart - 1 : ev.valueStart, ev.anchorStart - 1, ev.tagStart);
    case ALIAS:
      return ev.anchorStart - 1; // at the `*`
    default:
      return -1;
  }
}

/** Where the second document of a YAML stream starts: its `---` line, or its first node. -1 if unknown. */
export function secondDocumentOffset(source: string, events: Event[]): number {
  let documents = 0;
  let end = 0;
  const marker = /^---(?=[ \t\r\n]|$)/gm;
  for (const ev of events) {
    if (ev.type === DOCUMENT) {
      if (++documents === 1) {
        // The first document's own `---`, if it has one, is not the answer.
        if (ev.explicitStart && marker.exec(source)) end = marker.lastIndex;
        continue;
      }
      if (!ev.explicitStart) continue;
      marker.lastIndex = end;
      return marker.exec(source)?.index ?? -1;
    }
    if (documents === 2) return startOf(ev); // after `...`, a document may start without `---`
    if (ev.type === SEQUENCE || ev.type === MAPPING) end = Math.max(end, ev.start);
    else if (ev.type === SCALAR) end = Math.max(end, ev.valueEnd);
    else if (ev.type === ALIAS) end = Math.max(end, ev.anchorEnd);
  }
  return -1;
}

/**
 * Maps each JSON Pointer of the first document to the offset where it starts: a mapping entry
 * at its key (the line a person looks for), a sequence item at the item itself.
 * Built from js-yaml's parser events, so it costs one pass and no second parse.
 */
export function buildOffsetIndex(source: string, events: Event[]): Map<string, number> {
  const offsets = new Map<string, number>();
  const stack: Frame[] = [];
  let seenDocument = false;

  /** Where the node that begins now lives, or undefined when it is a mapping key. */
  const claim = (ev: Event): string | undefined => {
    const top = stack[stack.length - 1];
    if (!top) {
      offsets.set('', startOf(ev));
      return '';
    }
    if (top.kind === 'seq') {
      const pointer = `${top.pointer}/${top.index++}`;
      offsets.set(pointer, startOf(ev));
      return pointer;
    }
    if (top.key === undefined) return undefined;
    const pointer = `${top.pointer}/${escapeSegment(top.key)}`;
    offsets.set(pointer, top.keyOffset);
    top.key = undefined;
    return pointer;
  };

  for (const ev of events) {
    const top = stack[stack.length - 1];
    if (top && top.skipDepth > 0) {
      if (ev.type === SEQUENCE || ev.type === MAPPING) top.skipDepth++;
      else if (ev.type === POP) top.skipDepth--;
      if (top.skipDepth === 0) top.key = '';
      continue;
    }
    switch (ev.type) {
      case DOCUMENT:
        if (seenDocument) return offsets;
        seenDocument = true;
        break;
      case SEQUENCE:
      case MAPPING: {
        if (top && top.kind === 'map' && top.key === undefined) {
          // A collection used as a key: unusual, not addressable by a pointer.
          top.skipDepth = 1;
          top.keyOffset = startOf(ev);
          break;
        }
        const pointer = claim(ev) ?? '';
        stack.push({ kind: ev.type === SEQUENCE ? 'seq' : 'map', pointer, index: 0, key: undefined, keyOffset: -1, skipDepth: 0 });
        break;
      }
      case SCALAR:
      case ALIAS:
        if (top && top.kind === 'map' && top.key === undefined) {
          top.key = ev.type === SCALAR ? getScalarValue(source, ev) : '';
          top.keyOffset = startOf(ev);
        } else {
          claim(ev);
        }
        break;
      case POP:
        if (stack.length === 0) return offsets; // end of document
        stack.pop();
        break;
    }
  }
  return offsets;
}

/** Turns offsets into line and column with a binary search over line starts. */
export function makeLineIndex(source: string): (offset: number) => Position {
  const starts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}
