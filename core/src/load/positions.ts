import { getScalarValue, type Event } from 'js-yaml';
import { parsePointer } from '../model/pointer.js';

/** A 1-based line and column, as editors and SARIF count them. */
export interface Position {
  line: number;
  column: number;
}

const DOCUMENT = 1, SEQUENCE = 2, MAPPING = 3, SCALAR = 4, ALIAS = 5, POP = 6;
const SINGLE_QUOTED = 2, DOUBLE_QUOTED = 3;

/**
 * Where one node of the document starts, and its children by key (a list's by index). A tree,
 * not a map of every node's JSON Pointer: a pointer is as long as the keys above it, so a map
 * would build (and hash) a long key's text once for every value beneath it, quadratic in a file
 * with a 30 KB key over a thousand items.
 */
export interface PositionNode {
  offset: number;
  children: Map<string, PositionNode> | undefined;
}

interface Frame {
  kind: 'seq' | 'map';
  node: PositionNode;
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
export function startOf(ev: Event): number {
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
 * Where each node of the first document starts: a mapping entry at its key (the line a person
 * looks for), a sequence item at the item itself. Built from js-yaml's parser events, so it
 * costs one pass and no second parse. Undefined when the events hold no document.
 */
export function buildPositionTree(source: string, events: Event[]): PositionNode | undefined {
  let root: PositionNode | undefined;
  const stack: Frame[] = [];
  let seenDocument = false;

  const child = (parent: PositionNode, key: string, offset: number): PositionNode => {
    const node: PositionNode = { offset, children: undefined };
    (parent.children ??= new Map()).set(key, node);
    return node;
  };
  /** The node of what begins now, or undefined when it is a mapping key. */
  const claim = (ev: Event): PositionNode | undefined => {
    const top = stack[stack.length - 1];
    if (!top) return (root = { offset: startOf(ev), children: undefined });
    if (top.kind === 'seq') return child(top.node, String(top.index++), startOf(ev));
    if (top.key === undefined) return undefined;
    const node = child(top.node, top.key, top.keyOffset);
    top.key = undefined;
    return node;
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
        if (seenDocument) return root;
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
        const node = claim(ev)!;
        stack.push({ kind: ev.type === SEQUENCE ? 'seq' : 'map', node, index: 0, key: undefined, keyOffset: -1, skipDepth: 0 });
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
        if (stack.length === 0) return root; // end of document
        stack.pop();
        break;
    }
  }
  return root;
}

/** The offset of the node at a JSON Pointer, or of its nearest ancestor that has one; -1 if none. */
export function offsetOf(root: PositionNode | undefined, pointer: string): number {
  let node = root;
  let offset = root && root.offset >= 0 ? root.offset : -1;
  for (const segment of parsePointer(pointer)) {
    node = node?.children?.get(segment);
    if (!node) break;
    if (node.offset >= 0) offset = node.offset;
  }
  return offset;
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
