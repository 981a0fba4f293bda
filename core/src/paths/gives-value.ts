import { eachDepth, type PathSegment } from '../model/field-path.js';
import { readPath } from './record-path.js';

/**
 * True when `value` gives something at `segments`, selectors followed as written: how a test's
 * `expect` asserts a mapping's target path (spec-format.md, "The check"). It reads the path as
 * every record is read (`readPath`); at a `[]` one element that gives a value is enough.
 */
export function givesValueAt(value: unknown, segments: readonly PathSegment[]): boolean {
  const read = readPath(value, segments);
  return read.found && someValue(read.value, eachDepth(segments));
}

/** A `[]` read gives one list level per `[]`, with undefined where an element lacks the path. */
const someValue = (value: unknown, lists: number): boolean =>
  lists === 0 ? value !== undefined : Array.isArray(value) && value.some((element) => someValue(element, lists - 1));
