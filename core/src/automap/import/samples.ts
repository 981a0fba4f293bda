import { escapeSegment } from '../../model/pointer.js';
import type { FieldFormat, FieldType } from '../../model/schema.js';
import { matchesFormat } from '../../engine/formats.js';
import { SchemaImportError, type SchemaField } from '../schema-field.js';
import { isObject, type JsonObject } from '../../model/json.js';

/** How many example values each field keeps (value overlap is a matching signal). */
const EXAMPLES = 5;
/** At most this many distinct strings make an enum … */
const ENUM_MAX = 10;
/** … and only from at least this many observed values. */
const ENUM_MIN_OBSERVED = 5;
const MAX_DEPTH = 64;

/**
 * Sample records from text: a JSON array of objects, one JSON object, or JSON Lines (one object
 * per line). A line that is not JSON is a `SchemaImportError` naming the line.
 */
export function recordsFromText(text: string): unknown[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.trim() === '') throw new SchemaImportError('the sample file is empty; give a JSON array of records or one JSON object per line');
  try {
    const value: unknown = JSON.parse(source);
    return Array.isArray(value) ? value : [value];
  } catch {
    // not one JSON value: JSON Lines
  }
  const records: unknown[] = [];
  source.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      records.push(JSON.parse(line));
    } catch (error) {
      throw new SchemaImportError(
        `line ${i + 1} is not valid JSON (${error instanceof Error ? error.message : String(error)}); sample records are a JSON array or one JSON object per line (JSON Lines)`,
        `/${records.length}`,
      );
    }
  });
  return records;
}

interface Stats {
  path: string;
  /** The container the field sits in (`''` for the record itself). */
  parent: string;
  present: number;
  kinds: Map<string, number>;
  strings: Map<string, number>;
  stringCount: number;
  examples: unknown[];
  /** Times this field held an object (its children's denominator) or array elements of objects. */
  instances: number;
  /** Holds objects with keys, or arrays of such objects. */
  container: boolean;
  arrayOfObjects: boolean;
  elementKinds: Map<string, number>;
}

const writableName = (name: string) => name.trim() !== '' && !/[.[\]]/.test(name);

/**
 * Infers fields from sample records: types (integer and number together read as number; numbers
 * and numeric strings as number; other mixtures of strings and scalars as string; anything else
 * mixed has no type), formats (email, date, datetime, uri, phone, uuid — when every non-empty
 * value has it), enums from few distinct strings seen often, `required` when the field is present
 * and not null in every record (or every element of its array, every instance of its object),
 * and a few `examples` per field.
 */
export function fieldsFromSamples(records: readonly unknown[]): SchemaField[] {
  if (records.length === 0) throw new SchemaImportError('there are no sample records; give at least one JSON object');
  const stats = new Map<string, Stats>();
  const rootInstances = { count: 0 };
  const stat = (path: string, parent: string): Stats => {
    let s = stats.get(path);
    if (!s) {
      s = { path, parent, present: 0, kinds: new Map(), strings: new Map(), stringCount: 0, examples: [], instances: 0, container: false, arrayOfObjects: false, elementKinds: new Map() };
      stats.set(path, s);
    }
    return s;
  };
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  const example = (s: Stats, value: unknown) => {
    if (value === null || typeof value === 'object') return;
    if (s.examples.length < EXAMPLES && !s.examples.some((e) => e === value)) s.examples.push(value);
  };

  const visitObject = (record: JsonObject, prefix: string, pointer: string, depth: number) => {
    if (depth > MAX_DEPTH) throw new SchemaImportError(`the sample records nest more than ${MAX_DEPTH} levels deep`, pointer);
    for (const [key, value] of Object.entries(record)) {
      if (!writableName(key)) continue;
      const name = key.trim();
      const path = prefix ? `${prefix}.${name}` : name;
      const s = stat(path, prefix);
      const at = `${pointer}/${escapeSegment(key)}`;
      if (value === null || value === undefined) {
        bump(s.kinds, 'null');
        continue;
      }
      s.present++;
      const kind = kindOf(value);
      bump(s.kinds, kind);
      if (typeof value === 'string') {
        s.stringCount++;
        if (s.strings.size <= 1000) bump(s.strings, value);
      }
      example(s, value);
      if (isObject(value)) {
        s.instances++;
        if (Object.keys(value).length > 0) s.container = true;
        visitObject(value, path, at, depth + 1);
      } else if (Array.isArray(value)) {
        value.forEach((element, i) => {
          bump(s.elementKinds, element === null ? 'null' : kindOf(element));
          if (isObject(element)) {
            s.arrayOfObjects = true;
            s.instances++;
            if (Object.keys(element).length > 0) s.container = true;
            visitObject(element, `${path}[]`, `${at}/${i}`, depth + 1);
          } else {
            example(s, element);
          }
        });
      }
    }
  };

  records.forEach((record, i) => {
    if (!isObject(record))
      throw new SchemaImportError(`sample record ${i + 1} is ${Array.isArray(record) ? 'a list' : JSON.stringify(record)}, not a JSON object; every record must be an object`, `/${i}`);
    rootInstances.count++;
    visitObject(record, '', `/${i}`, 0);
  });

  const denominator = (s: Stats): number => {
    if (s.parent === '') return rootInstances.count;
    const parentPath = s.parent.endsWith('[]') ? s.parent.slice(0, -2) : s.parent;
    return stats.get(parentPath)?.instances ?? 0;
  };

  const fields: SchemaField[] = [];
  for (const s of stats.values()) {
    const field: SchemaField = { path: s.path, required: s.present > 0 && s.present === denominator(s) };
    const kinds = [...s.kinds.keys()].filter((k) => k !== 'null');
    const onlyObjects = kinds.length > 0 && kinds.every((k) => k === 'object');
    const onlyArrays = kinds.length > 0 && kinds.every((k) => k === 'array');
    if (s.container && s.arrayOfObjects && onlyArrays) {
      field.type = 'array';
      field.container = true;
    } else if (s.container && onlyObjects) {
      field.type = 'object';
      field.container = true;
    } else if (s.container) {
      // objects in some records, something else in others: the fields inside still count
      field.container = true;
    } else {
      const type = scalarType(kinds, s);
      if (type) field.type = type;
      if (type === 'string' || type === 'date' || type === 'datetime' || (onlyArrays && onlyStringElements(s))) {
        const format = inferFormat([...s.strings.keys()]);
        if (format && format !== type) field.format = format;
      }
      if (type === 'string' && !field.format) {
        const distinct = s.strings.size;
        if (s.stringCount >= ENUM_MIN_OBSERVED && distinct >= 1 && distinct <= ENUM_MAX && distinct * 2 <= s.stringCount && [...s.strings.keys()].every((v) => v.length <= 40)) {
          field.enum = [...s.strings.keys()];
        }
      }
      if (s.examples.length > 0) field.examples = s.examples;
    }
    fields.push(field);
  }
  return fields;
}

function onlyStringElements(s: Stats): boolean {
  const kinds = [...s.elementKinds.keys()].filter((k) => k !== 'null');
  return kinds.length > 0 && kinds.every((k) => k === 'string');
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value; // string, boolean, object
}

function scalarType(kinds: string[], s: Stats): FieldType | undefined {
  if (kinds.length === 0) return undefined; // only nulls seen
  const set = new Set(kinds);
  if (set.size === 1) {
    const [only] = kinds;
    if (only === 'string') {
      const values = [...s.strings.keys()].filter((v) => v !== '');
      if (values.length > 0 && values.every((v) => matchesFormat(v, 'datetime') && !matchesFormat(v, 'date'))) return 'datetime';
      if (values.length > 0 && values.every((v) => matchesFormat(v, 'date'))) return 'date';
      return 'string';
    }
    if (only === 'integer' || only === 'number' || only === 'boolean' || only === 'array' || only === 'object') return only;
    return undefined;
  }
  if ([...set].every((k) => k === 'integer' || k === 'number')) return 'number';
  const strings = [...s.strings.keys()];
  if (set.has('string') && [...set].every((k) => k === 'string' || k === 'integer' || k === 'number')) {
    // "42" beside 42: a number written both ways; otherwise text that sometimes looks numeric
    return strings.every((v) => v.trim() !== '' && Number.isFinite(Number(v))) ? 'number' : 'string';
  }
  if (set.has('string') && [...set].every((k) => k === 'string' || k === 'boolean')) {
    return strings.every((v) => v === 'true' || v === 'false') ? 'boolean' : 'string';
  }
  if ([...set].every((k) => k === 'string' || k === 'integer' || k === 'number' || k === 'boolean')) return 'string';
  return undefined;
}

/** The format every non-empty value has, checked in order from the most specific. */
function inferFormat(values: string[]): FieldFormat | undefined {
  const nonEmpty = values.filter((v) => v.trim() !== '');
  if (nonEmpty.length === 0) return undefined;
  const all = (test: (v: string) => boolean) => nonEmpty.every(test);
  if (all((v) => matchesFormat(v, 'uuid'))) return 'uuid';
  if (all((v) => matchesFormat(v, 'date'))) return 'date';
  if (all((v) => matchesFormat(v, 'datetime'))) return 'datetime';
  if (all((v) => matchesFormat(v, 'email'))) return 'email';
  if (all((v) => /^https?:\/\//i.test(v) || /^(mailto|ftp|urn|tel):/i.test(v)) && all((v) => matchesFormat(v, 'uri'))) return 'uri';
  // A phone number is written with a + or separators; a bare run of digits is more often an id.
  if (all((v) => matchesFormat(v, 'phone') && /[+\s().-]/.test(v) && !/^\d+(\.\d+)?$/.test(v))) return 'phone';
  return undefined;
}
