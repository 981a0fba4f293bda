/**
 * Plain JSON data: what a parsed document, a record and a JSON Schema are made of. Keys are read
 * and written as own properties only, so `__proto__` or `constructor` in the data is a key like
 * any other.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: unknown };

/** A JSON object: not null, not a list. */
export const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

export function getOwn(object: JsonObject, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

export function setOwn(object: JsonObject, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
  else object[key] = value;
}

/**
 * How a value reads as a lookup key (a lookup's keys are text): a string as itself, anything else
 * as its JSON text, as JSONata's `$string` reads it (`3` → "3", `null` → "null"). Never throws: a
 * value JSON cannot write (only possible in memory) reads as its plain text, or as "?".
 */
export function lookupKey(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    try {
      return String(value);
    } catch {
      return '?';
    }
  }
}
