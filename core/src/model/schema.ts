import * as v from 'valibot';
import { parseEntityPath, parseSegments } from './field-path.js';
import { toPointer } from './pointer.js';
import { describeValue } from './describe-value.js';

/**
 * The spec format v1 (docs/spec-format.md) as valibot schemas. This is what `spec-schema`
 * checks. Values that a named rule covers when missing or empty (a summary, a story, a trigger's
 * event, a data flow's entities…) are optional (and may be null) here, so that rule reports them instead.
 * Objects are strict: a key the format does not name is an issue, unless it starts with `x-`.
 */

// ---- bounded issues --------------------------------------------------------------------------

/**
 * Problems listed per element (spec, system, input, use case, data flow, trigger, outcome,
 * mapping, test); past that they are counted, and one issue says how many more there are.
 * A real element has a handful of problems at most, so an ordinary spec loses nothing, and
 * every element with a problem still has a finding (its completeness stays exact). But a
 * document with a million unknown keys gives about a hundred issues, not a million (each a
 * kilobyte of valibot's bookkeeping, then a finding, a position and a line of output).
 */
export const MAX_ISSUES_PER_ELEMENT = 100;

/** What an element has used of its budget while its schema runs. */
interface ElementScope {
  listed: number;
  unlistedUnknownKeys: number;
  unlistedOther: number;
}

/** valibot's dataset as a schema's run sees it: the value, whether it is typed, and the issues so far. */
interface Dataset {
  value: unknown;
  typed?: boolean;
  issues?: v.BaseIssue<unknown>[];
}

/** The elements whose schemas are running, innermost last (empty when none is). */
const scopes: ElementScope[] = [];
/** Issues already counted against an element: an issue passes up through every enclosing schema. */
const counted = new WeakSet<object>();

/** Counts the issues from `from` on against the innermost element, and drops those past its budget. */
function countIssues(dataset: Dataset, from = 0): void {
  const scope = scopes[scopes.length - 1];
  const issues = dataset.issues;
  if (!scope || !issues) return;
  let kept = from;
  for (let i = from; i < issues.length; i++) {
    const issue = issues[i]!;
    if (!counted.has(issue)) {
      counted.add(issue);
      if (scope.listed >= MAX_ISSUES_PER_ELEMENT) {
        if (isUnknownKey(issue)) scope.unlistedUnknownKeys++;
        else scope.unlistedOther++;
        continue;
      }
      scope.listed++;
    }
    issues[kept++] = issue;
  }
  issues.length = kept;
  if (kept === 0) delete dataset.issues;
}

/** The issue for a key the format does not name: as valibot's objectWithRest(…, never()) makes it. */
function unknownKeyIssue(input: object, key: string, value: unknown, config: v.Config<v.BaseIssue<unknown>>): v.BaseIssue<unknown> {
  return {
    kind: 'schema',
    type: 'never',
    input: value,
    expected: 'never',
    received: typeof value,
    message: `Invalid type: Expected never but received ${typeof value}`,
    path: [{ type: 'object', origin: 'value', input: input as Record<string, unknown>, key, value }],
    lang: config.lang,
    abortEarly: config.abortEarly,
    abortPipeEarly: config.abortPipeEarly,
  } as v.BaseIssue<unknown>;
}

/** An issue that stands for the problems of an element past its budget. */
export interface UnlistedIssue extends v.BaseIssue<unknown> {
  type: 'unlisted';
  unlisted: { unknownKeys: number; other: number };
}

/** How valibot runs a schema on a dataset. */
type Run = (dataset: Dataset, config: v.Config<v.BaseIssue<unknown>>) => Dataset;

/** Replaces a schema's run, keeping everything else about it (its type, entries, item). */
function withRun<S extends v.GenericSchema>(schema: S, run: (base: Run, dataset: Dataset, config: v.Config<v.BaseIssue<unknown>>) => Dataset): S {
  const base = schema['~run'].bind(schema) as unknown as Run;
  (schema as unknown as { '~run': Run })['~run'] = (dataset, config) => run(base, dataset, config);
  return schema;
}

/**
 * A strict object that reports every key the format does not name, `__proto__`, `constructor`
 * and `prototype` included. (valibot's `strictObject` reports only the first unknown key, so one
 * `x-` key would hide a misspelt key after it; and its objects skip those three names as keys.)
 * Keys starting with `x-` are extensions and are not reported.
 */
const strict = <const E extends v.ObjectEntries>(entries: E) =>
  withRun(v.object(entries), (base, dataset, config) => {
    const input = dataset.value;
    const out = base(dataset, config);
    countIssues(out);
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return out;
    // for…in, not Object.keys: no array per object (a spec has tens of thousands of them).
    for (const key in input) {
      if (!Object.hasOwn(input, key) || Object.hasOwn(entries, key) || key.startsWith('x-')) continue;
      out.typed = false;
      const scope = scopes[scopes.length - 1];
      if (scope && scope.listed >= MAX_ISSUES_PER_ELEMENT) {
        scope.unlistedUnknownKeys++; // counted without making an issue: a million keys stay cheap
        continue;
      }
      const issue = unknownKeyIssue(input, key, (input as Record<string, unknown>)[key], config);
      (out.issues ??= []).push(issue);
      if (scope) {
        scope.listed++;
        counted.add(issue);
      }
    }
    return out;
  });

/** A strict object that is an element of the spec: its problems have their own budget. */
const element = <const E extends v.ObjectEntries>(entries: E) => {
  const schema = strict(entries);
  return withRun(schema, (base, dataset, config) => {
    const scope: ElementScope = { listed: 0, unlistedUnknownKeys: 0, unlistedOther: 0 };
    scopes.push(scope);
    let out: Dataset;
    try {
      out = base(dataset, config);
      countIssues(out);
    } finally {
      scopes.pop();
    }
    if (scope.unlistedUnknownKeys + scope.unlistedOther > 0) {
      const summary: UnlistedIssue = {
        kind: 'schema',
        type: 'unlisted',
        input: dataset.value,
        expected: null,
        received: 'more problems',
        message: 'unlisted',
        path: [],
        unlisted: { unknownKeys: scope.unlistedUnknownKeys, other: scope.unlistedOther },
      } as unknown as UnlistedIssue;
      counted.add(summary);
      (out.issues ??= []).push(summary);
      out.typed = false;
    }
    return out;
  });
};

/** A list whose items' problems count against the element as they come, so a million bad items are not a million issues. */
const list = <const S extends v.GenericSchema>(item: S) =>
  withRun(v.array(item), (base, dataset, config) => {
    const input = dataset.value;
    if (!Array.isArray(input) || scopes.length === 0) return base(dataset, config);
    const out = dataset as Dataset;
    out.typed = true;
    out.value = [];
    for (let key = 0; key < input.length; key++) {
      const value: unknown = input[key];
      const itemDataset = (item['~run'] as unknown as Run)({ value }, config);
      if (itemDataset.issues) {
        const from = out.issues?.length ?? 0;
        for (const issue of itemDataset.issues) {
          const pathItem = { type: 'array', origin: 'value', input, key, value } as const;
          if (issue.path) (issue.path as unknown[]).unshift(pathItem);
          else (issue as { path: unknown[] }).path = [pathItem];
          (out.issues ??= []).push(issue);
        }
        countIssues(out, from);
      }
      if (!itemDataset.typed) out.typed = false;
      (out.value as unknown[]).push(itemDataset.value);
    }
    return out;
  });

/**
 * A value that a named rule reports when it is missing or empty. YAML reads `summary:` with
 * nothing after it as null: that is a missing value too, for the rule to report, not a wrong type.
 */
const covered = <const S extends v.GenericSchema>(schema: S) => v.nullish(schema);

const text = v.string();
const slug = v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/, 'must be a slug of lowercase letters, digits and dashes'));
const elementId = v.pipe(v.string(), v.minLength(1, 'must not be empty'));
const jsonRecord = v.record(v.string(), v.unknown());

/** A field path (spec-format.md, "Field paths"); blank is left to the rule that covers it. */
const pathText = (parse: (text: string) => { ok: true } | { ok: false; message: string }, example: string) =>
  v.pipe(
    v.string(),
    v.check(
      (text) => text.trim() === '' || parse(text).ok,
      (issue) => {
        const parsed = parse(String(issue.input));
        return `is not a field path (${parsed.ok ? '' : parsed.message}); write it as ${example}`;
      },
    ),
  );
const entityPath = pathText(parseEntityPath, 'Entity.field.sub, with [] / [3] / [key=value] selectors');
const fieldPath = pathText(parseSegments, 'field.sub, with [] / [3] / [key=value] selectors');

export const FIELD_TYPES = ['string', 'number', 'integer', 'boolean', 'date', 'datetime', 'object', 'array'] as const;
export const FIELD_FORMATS = ['email', 'uri', 'date', 'datetime', 'phone', 'uuid'] as const;
export const INPUT_TYPES = ['string', 'number', 'boolean', 'enum'] as const;
export const TRIGGER_TYPES = ['event', 'query', 'file', 'manual'] as const;
export const OUTCOME_TYPES = ['success', 'failure'] as const;
export const FAILURE_ACTIONS = ['retry', 'notify', 'dead-letter', 'skip', 'halt'] as const;
export const SPEC_STATUSES = ['draft', 'review', 'approved'] as const;
export const ERROR_CODES = ['required', 'type', 'enum', 'format'] as const;

export const FieldSchema = strict({
  path: v.pipe(fieldPath, v.minLength(1, 'must not be empty')),
  type: v.optional(v.picklist(FIELD_TYPES)),
  required: v.optional(v.boolean()),
  enum: v.optional(list(v.unknown())),
  format: v.optional(v.picklist(FIELD_FORMATS)),
  description: v.optional(text), // an optional key of our own: schema import keeps descriptions
});

export const EntitySchema = strict({
  name: v.pipe(v.string(), v.minLength(1, 'must not be empty')),
  fields: v.optional(list(FieldSchema)),
  description: v.optional(text),
});

export const SystemSchema = element({
  id: slug,
  name: v.optional(text),
  docs: v.optional(text),
  entities: v.optional(list(EntitySchema)),
  description: v.optional(text),
});

export const InputSchema = element({
  id: v.pipe(v.string(), v.regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a name of letters, digits and _ (it is used as $inputs.<id>)')),
  label: covered(text),
  help: covered(text),
  type: v.optional(v.picklist(INPUT_TYPES)),
  options: v.optional(list(v.unknown())),
  required: v.optional(v.boolean()),
  default: v.optional(v.unknown()),
});

const EndpointSchema = strict({
  system: slug,
  entities: covered(list(v.pipe(v.string(), v.minLength(1, 'must not be empty')))),
});

export const TriggerSchema = element({
  id: v.optional(elementId),
  type: v.picklist(TRIGGER_TYPES),
  event: covered(text),
  filter: v.optional(text),
  description: covered(text),
  schedule: covered(text),
  criteria: covered(text),
  location: covered(text),
  backupFor: v.optional(text),
});

export const OutcomeSchema = element({
  id: v.optional(elementId),
  type: v.picklist(OUTCOME_TYPES),
  when: v.optional(text),
  then: v.optional(text),
  action: covered(v.picklist(FAILURE_ACTIONS)),
  retry: v.optional(
    strict({
      maxAttempts: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
      backoff: v.optional(text),
    }),
  ),
});

export const MappingSchema = element({
  id: v.optional(elementId),
  target: v.pipe(entityPath, v.minLength(1, 'must not be empty')),
  source: covered(entityPath),
  input: covered(text),
  constant: v.optional(v.unknown()),
  transform: covered(text),
  lookup: v.optional(jsonRecord),
  default: v.optional(v.unknown()),
  description: v.optional(text),
});

const ExpectedErrorSchema = strict({
  path: v.optional(entityPath),
  input: v.optional(text),
  code: v.picklist(ERROR_CODES),
});

export const TestCaseSchema = element({
  id: v.optional(elementId),
  title: v.optional(text),
  given: v.optional(v.record(v.string(), v.unknown())),
  inputs: v.optional(jsonRecord),
  expect: v.optional(v.record(v.string(), v.unknown())),
  expectErrors: v.optional(list(ExpectedErrorSchema)),
});

export const DataFlowSchema = element({
  id: v.optional(elementId),
  title: v.optional(text),
  description: v.optional(text),
  source: EndpointSchema,
  target: EndpointSchema,
  triggers: covered(list(TriggerSchema)),
  outcomes: covered(list(OutcomeSchema)),
  mappings: covered(list(MappingSchema)),
  tests: covered(list(TestCaseSchema)),
});

export const UseCaseSchema = element({
  id: v.optional(elementId),
  title: v.optional(text),
  story: covered(text),
  stakeholders: v.optional(list(text)),
  dataFlows: covered(list(DataFlowSchema)),
});

export const BusinessCaseSchema = strict({
  summary: covered(text),
  value: covered(
    list(
      strict({
        stakeholder: v.optional(text),
        benefit: v.optional(text),
      }),
    ),
  ),
  stakeholders: covered(list(text)),
  market: v.optional(text),
});

export const SpecSchema = element({
  specwright: v.literal(1, 'must be 1, the format version'),
  id: slug,
  title: v.pipe(v.string(), v.minLength(1, 'must not be empty')),
  status: v.optional(v.picklist(SPEC_STATUSES)),
  owner: v.optional(text),
  businessCase: covered(BusinessCaseSchema),
  systems: v.pipe(list(SystemSchema), v.minLength(2, 'must declare at least two systems (a source and a target)')),
  inputs: v.optional(list(InputSchema)),
  useCases: covered(list(UseCaseSchema)),
});

export type FieldType = (typeof FIELD_TYPES)[number];
export type FieldFormat = (typeof FIELD_FORMATS)[number];
export type InputType = (typeof INPUT_TYPES)[number];
export type TriggerType = (typeof TRIGGER_TYPES)[number];
export type OutcomeType = (typeof OUTCOME_TYPES)[number];
export type FailureAction = (typeof FAILURE_ACTIONS)[number];
export type SpecStatus = (typeof SPEC_STATUSES)[number];
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface SchemaIssue {
  /** JSON Pointer of the value (or the unknown key) at fault. */
  pointer: string;
  message: string;
}

/** Runs the schema and turns valibot's issues into pointers and sentences. */
export function validateSpecSchema(document: unknown): SchemaIssue[] {
  const result = v.safeParse(SpecSchema, document, { abortEarly: false, abortPipeEarly: false });
  if (result.success) return [];
  const issues: SchemaIssue[] = [];
  for (const issue of result.issues) {
    const keys = (issue.path ?? []).map((item) => item.key as string | number);
    const last = keys[keys.length - 1];
    if (isUnknownKey(issue) && typeof last === 'string' && last.startsWith('x-')) continue;
    issues.push({ pointer: toPointer(keys), message: isUnlisted(issue) ? describeUnlisted(issue) : describeIssue(issue, last) });
  }
  return issues;
}

function isUnlisted(issue: v.BaseIssue<unknown>): issue is UnlistedIssue {
  return (issue as { type: string }).type === 'unlisted';
}

/** `… and 999,900 more unknown keys here`: the problems of an element past MAX_ISSUES_PER_ELEMENT. */
function describeUnlisted(issue: UnlistedIssue): string {
  const { unknownKeys, other } = issue.unlisted;
  const count = (n: number, one: string, many: string) => `${n.toLocaleString('en')} more ${n === 1 ? one : many}`;
  const what = [unknownKeys > 0 ? count(unknownKeys, 'unknown key', 'unknown keys') : '', other > 0 ? count(other, 'problem', 'problems') : ''].filter(Boolean).join(' and ');
  const advice = unknownKeys > 0 ? '; remove the keys the format does not name, or prefix them with `x-` to keep them as extensions' : '';
  return `… and ${what} here (only the first ${MAX_ISSUES_PER_ELEMENT} problems of an element are listed)${advice}`;
}

/** A key the format does not name: `strict` checks every such key's value against `never`. */
function isUnknownKey(issue: v.BaseIssue<unknown>): boolean {
  return issue.kind === 'schema' && issue.type === 'never';
}

/** A value as the author would recognise it; never throws (in-memory documents may hold cycles or BigInts). */
function quoteValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
  if (value === null || typeof value !== 'object') return String(value);
  return describeSchemaValue(value);
}

/** A key as the message names it: a long one (a key can be any text) by how it starts and its length. */
function quoteKey(key: string): string {
  return key.length > 60 ? `\`${key.slice(0, 60)}…\` (a key of ${key.length.toLocaleString('en')} characters)` : `\`${key}\``;
}

function describeIssue(issue: v.BaseIssue<unknown>, key: string | number | undefined): string {
  const where = key === undefined ? 'the document' : typeof key === 'number' ? `item ${key}` : quoteKey(key);
  if (isUnknownKey(issue)) {
    return `${where} is not a key this format names; remove it, fix its spelling, or prefix it with \`x-\` to keep it as an extension`;
  }
  if (issue.input === undefined && issue.kind === 'schema') return `${where} is required`;
  switch (issue.type) {
    case 'picklist':
      return `${where} is ${quoteValue(issue.input)}; expected one of ${String(issue.expected).replace(/^\(|\)$/g, '').split(' | ').join(', ')}`;
    case 'literal':
    case 'regex':
    case 'check':
    case 'min_length':
    case 'min_value':
    case 'integer':
      return `${where} ${issue.message.startsWith('Invalid') ? `is invalid (${issue.message})` : issue.message}`;
    default:
      return `${where} should be ${describeExpected(issue.expected)}, not ${describeSchemaValue(issue.input)}`;
  }
}

function describeExpected(expected: string | null): string {
  if (!expected) return 'something else';
  const names: Record<string, string> = { Object: 'a mapping', Array: 'a list', string: 'text', number: 'a number', boolean: 'true or false' };
  return names[expected] ?? expected;
}

/** Values in schema messages use the YAML word for an object. */
const describeSchemaValue = (value: unknown) => describeValue(value, { objectWord: 'a mapping', maxText: 40 });
