import { describeValue } from '../model/describe-value.js';
import type { FieldType } from '../model/schema.js';
import { isObject } from '../model/json.js';

export type Conversion = { ok: true; value: unknown } | { ok: false; message: string };

/** JSON's number syntax: the texts whose conversion to a number is exact and unambiguous. */
export const NUMBER_TEXT = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * Converts a value to a declared field type where the conversion is exact (spec-format.md, "A
 * mapping"): "42" → 42 for number or integer, "true"/"false" → boolean, a number or boolean →
 * string. Anything else of the wrong type is a `type` problem. null passes: it is "no value",
 * which `required` judges.
 */
export function convertToType(value: unknown, type: FieldType | undefined): Conversion {
  if (value === null || value === undefined || type === undefined) return { ok: true, value };
  switch (type) {
    case 'string':
      if (typeof value === 'string') return { ok: true, value };
      if (typeof value === 'number' && Number.isFinite(value)) return { ok: true, value: String(value) };
      if (typeof value === 'boolean') return { ok: true, value: String(value) };
      return fail(value, type);
    case 'number':
    case 'integer': {
      let number: number | undefined;
      if (typeof value === 'number') number = value;
      else if (typeof value === 'string' && NUMBER_TEXT.test(value)) number = Number(value);
      if (number === undefined || !Number.isFinite(number)) return fail(value, type);
      if (type === 'integer' && !Number.isInteger(number)) return fail(value, type);
      return { ok: true, value: number };
    }
    case 'boolean':
      if (typeof value === 'boolean') return { ok: true, value };
      if (value === 'true' || value === 'false') return { ok: true, value: value === 'true' };
      return fail(value, type);
    case 'date':
    case 'datetime':
      return typeof value === 'string' ? { ok: true, value } : fail(value, type);
    case 'object':
      return isObject(value) ? { ok: true, value } : fail(value, type);
    case 'array':
      return Array.isArray(value) ? { ok: true, value } : fail(value, type);
  }
}

function fail(value: unknown, type: FieldType): Conversion {
  return { ok: false, message: `${describeValue(value)} does not convert exactly to ${type}` };
}

export { describeValue };
