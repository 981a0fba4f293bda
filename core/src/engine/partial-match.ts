import { isObject } from '../model/json.js';

/** Where an actual value departs from an expected one. */
export interface Mismatch {
  path: string;
  expected: unknown;
  actual: unknown;
}

/**
 * `expect` as a partial match (spec-format.md, "Test cases"): every key it gives must be equal,
 * recursively into objects; a list must have the same length, its elements compared in order,
 * each as a partial match.
 */
export function partialMatch(expected: unknown, actual: unknown, path: string, out: Mismatch[] = []): Mismatch[] {
  if (isObject(expected)) {
    if (!isObject(actual)) {
      out.push({ path, expected, actual });
      return out;
    }
    for (const key of Object.keys(expected)) {
      const has = Object.prototype.hasOwnProperty.call(actual, key);
      partialMatch(expected[key], has ? actual[key] : undefined, `${path}.${key}`, out);
    }
    return out;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      out.push({ path, expected, actual });
      return out;
    }
    expected.forEach((item, i) => partialMatch(item, actual[i], `${path}[${i}]`, out));
    return out;
  }
  if (!Object.is(expected, actual) && !(expected === 0 && actual === 0)) out.push({ path, expected, actual });
  return out;
}
