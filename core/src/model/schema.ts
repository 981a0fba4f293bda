import * as v from 'valibot';
import { parseEntityPath, parseSegments } from './field-path.js';
import { toPointer } from './pointer.js';
import { describeValue } from './describe-value.js';

/**
 * The spec format v1 (docs/spec-format.md) as valibot schemas. This is what `spec-schema`
 * checks. Values that a named rule covers when missing or empty (a summary, a story, a trigger's
 * event, a data flow's entities…) are optional (and may be null) here, so that rule reports them instead.
 * Objects are strict: a key the format does not name is an issue, unless it starts with `x-`
 * (those issues are dropped in `validateSpecSchema`).
 */

/**
 * A strict object that reports every key the format does not name. (valibot's `strictObject`
 * reports only the first, so one `x-` key would hide a misspelt key after it.)
 */
const strict = <const E extends v.ObjectEntries>(entries: E) => v.objectWithRest(entries, v.never());

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
  enum: v.optional(v.array(v.unknown())),
  format: v.optional(v.picklist(FIELD_FORMATS)),
  description: v.optional(text), // an optional key of our own: schema import keeps descriptions
});

export const EntitySchema = strict({
  name: v.pipe(v.string(), v.minLength(1, 'must not be empty')),
  fields: v.optional(v.array(FieldSchema)),
  description: v.optional(text),
});

export const SystemSchema = strict({
  id: slug,
  name: v.optional(text),
  docs: v.optional(text),
  entities: v.optional(v.array(EntitySchema)),
  description: v.optional(text),
});

export const InputSchema = strict({
  id: v.pipe(v.string(), v.regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a name of letters, digits and _ (it is used as $inputs.<id>)')),
  label: covered(text),
  help: covered(text),
  type: v.optional(v.picklist(INPUT_TYPES)),
  options: v.optional(v.array(v.unknown())),
  required: v.optional(v.boolean()),
  default: v.optional(v.unknown()),
});

const EndpointSchema = strict({
  system: slug,
  entities: covered(v.array(v.pipe(v.string(), v.minLength(1, 'must not be empty')))),
});

export const TriggerSchema = strict({
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

export const OutcomeSchema = strict({
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

export const MappingSchema = strict({
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

export const TestCaseSchema = strict({
  id: v.optional(elementId),
  title: v.optional(text),
  given: v.optional(v.record(v.string(), v.unknown())),
  inputs: v.optional(jsonRecord),
  expect: v.optional(v.record(v.string(), v.unknown())),
  expectErrors: v.optional(v.array(ExpectedErrorSchema)),
});

export const DataFlowSchema = strict({
  id: v.optional(elementId),
  title: v.optional(text),
  description: v.optional(text),
  source: EndpointSchema,
  target: EndpointSchema,
  triggers: covered(v.array(TriggerSchema)),
  outcomes: covered(v.array(OutcomeSchema)),
  mappings: covered(v.array(MappingSchema)),
  tests: covered(v.array(TestCaseSchema)),
});

export const UseCaseSchema = strict({
  id: v.optional(elementId),
  title: v.optional(text),
  story: covered(text),
  stakeholders: v.optional(v.array(text)),
  dataFlows: covered(v.array(DataFlowSchema)),
});

export const BusinessCaseSchema = strict({
  summary: covered(text),
  value: covered(
    v.array(
      strict({
        stakeholder: v.optional(text),
        benefit: v.optional(text),
      }),
    ),
  ),
  stakeholders: covered(v.array(text)),
  market: v.optional(text),
});

export const SpecSchema = strict({
  specwright: v.literal(1, 'must be 1, the format version'),
  id: slug,
  title: v.pipe(v.string(), v.minLength(1, 'must not be empty')),
  status: v.optional(v.picklist(SPEC_STATUSES)),
  owner: v.optional(text),
  businessCase: covered(BusinessCaseSchema),
  systems: v.pipe(v.array(SystemSchema), v.minLength(2, 'must declare at least two systems (a source and a target)')),
  inputs: v.optional(v.array(InputSchema)),
  useCases: covered(v.array(UseCaseSchema)),
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
    issues.push({ pointer: toPointer(keys), message: describeIssue(issue, last) });
  }
  return issues;
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

function describeIssue(issue: v.BaseIssue<unknown>, key: string | number | undefined): string {
  const where = key === undefined ? 'the document' : typeof key === 'number' ? `item ${key}` : `\`${key}\``;
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
