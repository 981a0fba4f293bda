import type { FieldType } from '../model/schema.js';
import type { Entity, FieldDeclaration, InputDeclaration } from '../model/types.js';
import { declaredFields } from '../model/declared-fields.js';
import { nameForm, type PathSegment } from '../model/field-path.js';
import { describeValue } from '../model/describe-value.js';
import { isDate, isDatetime, matchesFormat } from './formats.js';
import { getOwn, isObject, type JsonObject } from '../model/json.js';

/** A problem with a produced target record, `{path, code}` in the contract. */
export interface RecordProblem {
  path: string;
  code: 'required' | 'type' | 'enum' | 'format';
  message: string;
}

/** A problem with the end-user inputs, `{input, code}` in the contract. */
export interface InputProblem {
  input: string;
  code: 'required' | 'type' | 'enum';
  message: string;
}

const missing = (value: unknown) => value === undefined || value === null;

function typeMatches(value: unknown, type: FieldType): boolean {
  switch (type) {
    case 'string':
    case 'date':
    case 'datetime':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'object':
      return isObject(value);
    case 'array':
      return Array.isArray(value);
  }
}

const sameValue = (a: unknown, b: unknown) => a === b || (typeof a === 'object' && a !== null && JSON.stringify(a) === JSON.stringify(b));

interface FieldCheck {
  entity: string;
  field: FieldDeclaration;
  segments: PathSegment[];
  /** Declared paths by name form → required, to tell an optional parent from a required one. */
  requiredByKey: Map<string, boolean>;
}

const fieldChecks = new WeakMap<Entity, FieldCheck[]>();

function checksOf(entity: Entity): FieldCheck[] {
  let checks = fieldChecks.get(entity);
  if (!checks) {
    const declared = declaredFields(entity);
    const requiredByKey = new Map(declared.fields.map((f) => [f.key, f.field.required] as const));
    checks = declared.fields.map(({ field, segments }) => ({ entity: entity.name, field, segments, requiredByKey }));
    fieldChecks.set(entity, checks);
  }
  return checks;
}

/**
 * Checks a produced record against its entity's declared fields. A required field inside an
 * optional object or a list binds only where that object or element exists, as for
 * `required-target-unmapped`.
 */
export function validateRecord(entity: Entity, record: JsonObject): RecordProblem[] {
  const problems: RecordProblem[] = [];
  for (const check of checksOf(entity)) visitField(check, record, 0, entity.name, problems);
  return problems;
}

function visitField(check: FieldCheck, value: unknown, k: number, path: string, problems: RecordProblem[]): void {
  const { segments, field } = check;
  if (k === segments.length) {
    checkLeaf(check, value, path, problems);
    return;
  }
  const segment = segments[k]!;
  const child = isObject(value) ? getOwn(value, segment.name) : undefined;
  const childPath = `${path}.${segment.name}`;
  if (segment.selector) {
    if (Array.isArray(child)) child.forEach((element, i) => visitField(check, element, k + 1, `${childPath}[${i}]`, problems));
    else if (!missing(child) && k + 1 < segments.length) problems.push({ path: childPath, code: 'type', message: `${childPath} should be a list, not ${describeValue(child)}` });
    return;
  }
  if (k + 1 === segments.length) {
    checkLeaf(check, child, childPath, problems);
    return;
  }
  if (missing(child)) {
    // An absent optional object lacks nothing; an absent object the declaration requires does.
    if (check.requiredByKey.get(nameForm(segments.slice(0, k + 1))) === false) return;
    if (field.required) {
      problems.push({ path: `${path}.${segments.slice(k).map((s) => s.name).join('.')}`, code: 'required', message: `${childPath} is missing, so required ${check.entity}.${field.path} has no value` });
    }
    return;
  }
  visitField(check, child, k + 1, childPath, problems);
}

function checkLeaf({ field }: FieldCheck, value: unknown, path: string, problems: RecordProblem[]): void {
  if (missing(value)) {
    if (field.required) problems.push({ path, code: 'required', message: `${path} is required and has no value` });
    return;
  }
  if (field.type && !typeMatches(value, field.type)) {
    problems.push({ path, code: 'type', message: `${path} should be ${field.type}, not ${describeValue(value)}` });
    return;
  }
  if (field.enum && !field.enum.some((allowed) => sameValue(allowed, value))) {
    problems.push({ path, code: 'enum', message: `${path} is ${describeValue(value)}, not one of ${field.enum.map((v) => JSON.stringify(v)).join(', ')}` });
    return;
  }
  const format = field.format ?? (field.type === 'date' || field.type === 'datetime' ? field.type : undefined);
  if (format && typeof value === 'string' && !matchesFormat(value, format)) {
    problems.push({ path, code: 'format', message: `${path} is ${describeValue(value)}, not a valid ${format}` });
  }
}

/** The inputs a run sees: the given ones, with declared defaults for the ones left out. */
export function effectiveInputs(declarations: readonly InputDeclaration[], given: Record<string, unknown>): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const key of Object.keys(given)) {
    if (key === '__proto__') Object.defineProperty(inputs, key, { value: given[key], enumerable: true, writable: true, configurable: true });
    else inputs[key] = given[key];
  }
  for (const input of declarations) {
    if (!Object.prototype.hasOwnProperty.call(inputs, input.id) && input.default !== undefined && input.default !== null) inputs[input.id] = input.default;
  }
  return inputs;
}

/** Checks the inputs a data flow uses against their declarations. */
export function validateInputs(used: readonly InputDeclaration[], inputs: Record<string, unknown>): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const input of used) {
    const value = Object.prototype.hasOwnProperty.call(inputs, input.id) ? inputs[input.id] : undefined;
    if (missing(value) || value === '') {
      if (input.required) problems.push({ input: input.id, code: 'required', message: `input ${input.id} is required and was not given` });
      continue;
    }
    const type = input.type ?? 'string';
    if (type !== 'enum' && typeof value !== type) {
      problems.push({ input: input.id, code: 'type', message: `input ${input.id} should be a ${type}, not ${describeValue(value)}` });
      continue;
    }
    if ((type === 'enum' || input.options.length > 0) && !input.options.some((o) => sameValue(o, value))) {
      problems.push({ input: input.id, code: 'enum', message: `input ${input.id} is ${describeValue(value)}, not one of ${input.options.map((o) => JSON.stringify(o)).join(', ')}` });
    }
  }
  return problems;
}

export { isDate, isDatetime };
