import * as v from 'valibot';

/**
 * The spec format v1 (../shared/spec-format.md) as valibot schemas. This is what `spec-schema`
 * checks. Values that a named rule covers when missing or empty (a summary, a story, a trigger's
 * event, a data flow's entities…) are optional here, so that rule reports them instead.
 * Objects are strict: a key the format does not name is an issue, unless it starts with `x-`
 * (those issues are dropped in `validateSpecSchema`).
 */

const text = v.string();
const slug = v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/, 'must be a slug of lowercase letters, digits and dashes'));
const elementId = v.pipe(v.string(), v.minLength(1, 'must not be empty'));
const jsonRecord = v.record(v.string(), v.unknown());

export const FIELD_TYPES = ['string', 'number', 'integer', 'boolean', 'date', 'datetime', 'object', 'array'] as const;
export const FIELD_FORMATS = ['email', 'uri', 'date', 'datetime', 'phone', 'uuid'] as const;
export const INPUT_TYPES = ['string', 'number', 'boolean', 'enum'] as const;
export const TRIGGER_TYPES = ['event', 'query', 'file', 'manual'] as const;
export const OUTCOME_TYPES = ['success', 'failure'] as const;
export const FAILURE_ACTIONS = ['retry', 'notify', 'dead-letter', 'skip', 'halt'] as const;
export const SPEC_STATUSES = ['draft', 'review', 'approved'] as const;
export const ERROR_CODES = ['required', 'type', 'enum', 'format'] as const;

export const FieldSchema = v.strictObject({
  path: v.pipe(v.string(), v.minLength(1, 'must not be empty')),
  type: v.optional(v.picklist(FIELD_TYPES)),
  required: v.optional(v.boolean()),
  enum: v.optional(v.array(v.unknown())),
  format: v.optional(v.picklist(FIELD_FORMATS)),
  description: v.optional(text), // an optional key of our own: schema import keeps descriptions
});

export const EntitySchema = v.strictObject({
  name: v.pipe(v.string(), v.minLength(1, 'must not be empty')),
  fields: v.optional(v.array(FieldSchema)),
  description: v.optional(text),
});

export const SystemSchema = v.strictObject({
  id: slug,
  name: v.optional(text),
  docs: v.optional(text),
  entities: v.optional(v.array(EntitySchema)),
  description: v.optional(text),
});

export const InputSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a name of letters, digits and _ (it is used as $inputs.<id>)')),
  label: v.optional(text),
  help: v.optional(text),
  type: v.optional(v.picklist(INPUT_TYPES)),
  options: v.optional(v.array(v.unknown())),
  required: v.optional(v.boolean()),
  default: v.optional(v.unknown()),
});

const EndpointSchema = v.strictObject({
  system: slug,
  entities: v.optional(v.array(v.pipe(v.string(), v.minLength(1, 'must not be empty')))),
});

export const TriggerSchema = v.strictObject({
  id: v.optional(elementId),
  type: v.picklist(TRIGGER_TYPES),
  event: v.optional(text),
  filter: v.optional(text),
  description: v.optional(text),
  schedule: v.optional(text),
  criteria: v.optional(text),
  location: v.optional(text),
  backupFor: v.optional(text),
});

export const OutcomeSchema = v.strictObject({
  id: v.optional(elementId),
  type: v.picklist(OUTCOME_TYPES),
  when: v.optional(text),
  then: v.optional(text),
  action: v.optional(v.picklist(FAILURE_ACTIONS)),
  retry: v.optional(
    v.strictObject({
      maxAttempts: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
      backoff: v.optional(text),
    }),
  ),
});

export const MappingSchema = v.strictObject({
  id: v.optional(elementId),
  target: v.pipe(v.string(), v.minLength(1, 'must not be empty')),
  source: v.optional(text),
  input: v.optional(text),
  constant: v.optional(v.unknown()),
  transform: v.optional(text),
  lookup: v.optional(jsonRecord),
  default: v.optional(v.unknown()),
  description: v.optional(text),
});

const ExpectedErrorSchema = v.strictObject({
  path: v.optional(text),
  input: v.optional(text),
  code: v.picklist(ERROR_CODES),
});

export const TestCaseSchema = v.strictObject({
  id: v.optional(elementId),
  title: v.optional(text),
  given: v.optional(v.record(v.string(), v.unknown())),
  inputs: v.optional(jsonRecord),
  expect: v.optional(v.record(v.string(), v.unknown())),
  expectErrors: v.optional(v.array(ExpectedErrorSchema)),
});

export const DataFlowSchema = v.strictObject({
  id: v.optional(elementId),
  title: v.optional(text),
  description: v.optional(text),
  source: EndpointSchema,
  target: EndpointSchema,
  triggers: v.optional(v.array(TriggerSchema)),
  outcomes: v.optional(v.array(OutcomeSchema)),
  mappings: v.optional(v.array(MappingSchema)),
  tests: v.optional(v.array(TestCaseSchema)),
});

export const UseCaseSchema = v.strictObject({
  id: v.optional(elementId),
  title: v.optional(text),
  story: v.optional(text),
  stakeholders: v.optional(v.array(text)),
  dataFlows: v.optional(v.array(DataFlowSchema)),
});

export const BusinessCaseSchema = v.strictObject({
  summary: v.optional(text),
  value: v.optional(
    v.array(
      v.strictObject({
        stakeholder: v.optional(text),
        benefit: v.optional(text),
      }),
    ),
  ),
  stakeholders: v.optional(v.array(text)),
  market: v.optional(text),
});

export const SpecSchema = v.strictObject({
  specwright: v.literal(1, 'must be 1, the format version'),
  id: slug,
  title: v.pipe(v.string(), v.minLength(1, 'must not be empty')),
  status: v.optional(v.picklist(SPEC_STATUSES)),
  owner: v.optional(text),
  businessCase: v.optional(BusinessCaseSchema),
  systems: v.pipe(v.array(SystemSchema), v.minLength(2, 'must declare at least two systems (a source and a target)')),
  inputs: v.optional(v.array(InputSchema)),
  useCases: v.optional(v.array(UseCaseSchema)),
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
    if (issue.kind === 'schema' && issue.type === 'strict_object' && typeof last === 'string' && last.startsWith('x-')) continue;
    issues.push({ pointer: keys.map((k) => '/' + String(k).replace(/~/g, '~0').replace(/\//g, '~1')).join(''), message: describeIssue(issue, last) });
  }
  return issues;
}

function describeIssue(issue: v.BaseIssue<unknown>, key: string | number | undefined): string {
  const where = key === undefined ? 'the document' : typeof key === 'number' ? `item ${key}` : `\`${key}\``;
  if (issue.type === 'strict_object' && issue.input !== undefined) {
    return `${where} is not a key this format names; remove it, fix its spelling, or prefix it with \`x-\` to keep it as an extension`;
  }
  if (issue.input === undefined && issue.kind === 'schema') return `${where} is required`;
  switch (issue.type) {
    case 'picklist':
      return `${where} is ${JSON.stringify(issue.input)}; expected one of ${issue.expected}`;
    case 'literal':
    case 'regex':
    case 'min_length':
    case 'min_value':
    case 'integer':
      return `${where} ${issue.message.startsWith('Invalid') ? `is invalid (${issue.message})` : issue.message}`;
    default:
      return `${where} should be ${describeExpected(issue.expected)}, not ${describeValue(issue.input)}`;
  }
}

function describeExpected(expected: string | null): string {
  if (!expected) return 'something else';
  const names: Record<string, string> = { Object: 'a mapping', Array: 'a list', string: 'text', number: 'a number', boolean: 'true or false' };
  return names[expected] ?? expected;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  return `${typeof value} ${String(value)}`;
}
