import type { Selector } from '../model/field-path.js';
import { getOwn, isObject } from '../model/json.js';

/**
 * Which element of a list a selector picks (spec-format.md, "Field paths"): the one rule that
 * reading a record, writing one and asking whether a test's `expect` gives a value all follow.
 * `[]` picks every element (the readers and the writer go through them element-wise); `[n]` the
 * element at n, where the list has one; `[key=value]` the first element whose `key` equals
 * `value` (writing appends one when there is none).
 */
export function selectedIndex(list: readonly unknown[], selector: Exclude<Selector, { kind: 'each' }>): number {
  if (selector.kind === 'index') return selector.index < list.length ? selector.index : -1;
  return list.findIndex((element) => hasKeyValue(element, selector.key, selector.value));
}

/**
 * True when `element` is an object whose own `key` equals the selector text: a scalar that reads
 * as that text (`[id=3]` picks 3 and "3", `[done=true]` picks true), as writing `[key=value]`
 * sets the key to the text. An object, a list or null never equals it, whatever it would print as.
 */
export function hasKeyValue(element: unknown, key: string, text: string): boolean {
  if (!isObject(element)) return false;
  const value = getOwn(element, key);
  return (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') && String(value) === text;
}
