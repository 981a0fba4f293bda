import type { PathSegment } from '../model/field-path.js';
import { getOwn, isObject, setOwn, type JsonObject } from '../model/json.js';
import { selectedIndex } from './selector.js';

/**
 * Reading and writing records along field paths (spec-format.md, "Field paths"). Records are
 * plain JSON data (model/json.ts), read and written as own properties only.
 */

/** A read: `found` is false when the path is missing from the record (the mapping then writes nothing). */
export type ReadResult = { found: true; value: unknown } | { found: false };

const NOT_FOUND: ReadResult = { found: false };

/**
 * Reads a path. `name[]` reads every element and gives a list (one entry per element, undefined
 * where an element lacks the rest of the path), so element-wise mappings keep their positions.
 */
export function readPath(value: unknown, segments: readonly PathSegment[], from = 0): ReadResult {
  if (from === segments.length) return value === undefined ? NOT_FOUND : { found: true, value };
  if (!isObject(value)) return NOT_FOUND;
  const segment = segments[from]!;
  const child = getOwn(value, segment.name);
  if (child === undefined) return NOT_FOUND;
  const selector = segment.selector;
  if (!selector) return readPath(child, segments, from + 1);
  if (!Array.isArray(child)) return NOT_FOUND;
  switch (selector.kind) {
    case 'each':
      return {
        found: true,
        value: child.map((element) => {
          const read = readPath(element, segments, from + 1);
          return read.found ? read.value : undefined;
        }),
      };
    case 'index':
    case 'match': {
      const selected = selectedIndex(child, selector);
      return selected === -1 ? NOT_FOUND : readPath(child[selected], segments, from + 1);
    }
  }
}

/**
 * Writes `value` at a path, creating objects and lists on the way. `aligned` is how many `[]`
 * levels of the target line up with list levels of the value (element-wise mapping): at such a
 * level element i of the value goes to element i of the list. At a `[]` level that is not
 * aligned, the value goes into every element (one is created when there is none).
 * `name[key=value]` finds the element or appends it, in the order of first write.
 * Returns the concrete paths written (with indexes), for "which mapping wrote it".
 */
export function writePath(record: JsonObject, segments: readonly PathSegment[], value: unknown, aligned: number, prefix = ''): string[] {
  const written: string[] = [];
  write(record, segments, 0, value, aligned, prefix, written);
  return written;
}

function write(object: JsonObject, segments: readonly PathSegment[], from: number, value: unknown, aligned: number, at: string, written: string[]): void {
  const segment = segments[from]!;
  const last = from === segments.length - 1;
  const here = at === '' ? segment.name : `${at}.${segment.name}`;
  const selector = segment.selector;
  if (!selector) {
    if (last) {
      setOwn(object, segment.name, value);
      written.push(here);
    } else {
      write(ensureObject(object, segment.name), segments, from + 1, value, aligned, here, written);
    }
    return;
  }
  const list = ensureList(object, segment.name);
  const into = (index: number, item: unknown, depth: number) => {
    const path = `${here}[${index}]`;
    if (last) {
      while (list.length < index) list.push(null); // no holes: records stay JSON
      list[index] = item;
      written.push(path);
    } else {
      write(ensureObjectAt(list, index), segments, from + 1, item, depth, path, written);
    }
  };
  switch (selector.kind) {
    case 'each':
      if (aligned > 0 && Array.isArray(value)) {
        value.forEach((item, i) => {
          // Keep positions even where an element has no value: element-wise keeps the length.
          if (item === undefined) {
            if (!last) ensureObjectAt(list, i);
            return;
          }
          into(i, item, aligned - 1);
        });
      } else {
        if (list.length === 0) list.push(last ? undefined : {});
        for (let i = 0; i < list.length; i++) into(i, value, aligned);
      }
      return;
    case 'index':
      into(selector.index, value, aligned);
      return;
    case 'match': {
      let index = selectedIndex(list, selector);
      if (index === -1) {
        const element: JsonObject = {};
        setOwn(element, selector.key, selector.value);
        index = list.push(element) - 1;
      }
      into(index, value, aligned);
      return;
    }
  }
}

function ensureObject(object: JsonObject, key: string): JsonObject {
  const existing = getOwn(object, key);
  if (isObject(existing)) return existing;
  const created: JsonObject = {};
  setOwn(object, key, created);
  return created;
}

function ensureList(object: JsonObject, key: string): unknown[] {
  const existing = getOwn(object, key);
  if (Array.isArray(existing)) return existing;
  const created: unknown[] = [];
  setOwn(object, key, created);
  return created;
}

function ensureObjectAt(list: unknown[], index: number): JsonObject {
  while (list.length < index) list.push({});
  const existing = list[index];
  if (isObject(existing)) return existing;
  const created: JsonObject = {};
  list[index] = created;
  return created;
}
