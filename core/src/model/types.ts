import type * as v from 'valibot';
import type {
  DataFlowSchema,
  FieldSchema,
  InputSchema,
  MappingSchema,
  OutcomeSchema,
  SpecStatus,
  TestCaseSchema,
  TriggerSchema,
} from './schema.js';

/**
 * The spec as rules read it: the format of spec-format.md, read leniently (model/spec-index.ts
 * reads it). Every list is present (empty when missing or malformed), every element has an `id`
 * (derived where the author left it out), and a value of the wrong type is left out:
 * `spec-schema` reports it.
 *
 * What the strict schema (schema.ts) already says is not written again: an element's keys and
 * their value types come from its schema through `Kept`. What is written out here is where the
 * lenient model differs from the schema on purpose:
 * - ids are always there (derived), lists are always there (empty), and `required` is a boolean
 *   (false when left out) — the schema has them optional;
 * - lists and nested elements hold lenient elements, not the schema's strict ones;
 * - a mapping's `constant` and `default` are boxed, so that an authored null is told from none;
 * - an input's `default` may be null (an authored null is a value);
 * - the containers (Spec, BusinessCase, System, Entity, UseCase, DataFlow) are written out in
 *   full: they are mostly lists and nested elements, and the model leaves out the `specwright`
 *   version and the descriptions of systems, entities and data flows, which no rule reads.
 */

/**
 * The keys of a format element whose values the lenient model keeps as the schema types them:
 * each optional (missing, or of the wrong type) and never null (YAML's empty value is missing).
 */
type Kept<S extends { entries: v.ObjectEntries }> = {
  -readonly [K in keyof S['entries']]?: NonNullable<v.InferOutput<S['entries'][K]>>;
};

// Element schemas that schema.ts writes inline rather than naming.
type EndpointSchema = typeof DataFlowSchema.entries.source;
type RetrySchema = typeof OutcomeSchema.entries.retry.wrapped;
type ExpectedErrorSchema = typeof TestCaseSchema.entries.expectErrors.wrapped.item;

export interface Spec {
  id: string;
  title?: string;
  status: SpecStatus;
  owner?: string;
  businessCase: BusinessCase;
  systems: System[];
  inputs: InputDeclaration[];
  useCases: UseCase[];
}

export interface BusinessCase {
  summary?: string;
  value: { stakeholder?: string; benefit?: string }[];
  stakeholders: string[];
  market?: string;
}

export interface System {
  id: string;
  name?: string;
  docs?: string;
  /** Undefined when the system declares no entities: references to it are then not checked. */
  entities?: Entity[];
}

export interface Entity {
  name: string;
  /** Undefined when the entity declares no fields: paths into it are then not checked. */
  fields?: FieldDeclaration[];
}

export interface FieldDeclaration extends Kept<typeof FieldSchema> {
  path: string;
  required: boolean;
}

export interface InputDeclaration extends Omit<Kept<typeof InputSchema>, 'default'> {
  id: string;
  options: unknown[];
  required: boolean;
  default?: unknown;
}

export interface UseCase {
  id: string;
  title?: string;
  story?: string;
  stakeholders: string[];
  dataFlows: DataFlow[];
}

export interface Endpoint extends Kept<EndpointSchema> {
  entities: string[];
}

export interface DataFlow {
  id: string;
  title?: string;
  source: Endpoint;
  target: Endpoint;
  triggers: Trigger[];
  outcomes: Outcome[];
  mappings: Mapping[];
  tests: TestCase[];
}

export interface Trigger extends Kept<typeof TriggerSchema> {
  id: string;
}

export interface Outcome extends Omit<Kept<typeof OutcomeSchema>, 'retry'> {
  id: string;
  retry?: Kept<RetrySchema>;
}

export interface Mapping extends Omit<Kept<typeof MappingSchema>, 'constant' | 'default'> {
  id: string;
  /** Present (even when null) exactly when the author wrote `constant`. */
  constant?: { value: unknown };
  /** Present (even when null) exactly when the author wrote `default`. */
  default?: { value: unknown };
}

export type ExpectedError = Kept<ExpectedErrorSchema>;

export interface TestCase extends Omit<Kept<typeof TestCaseSchema>, 'expectErrors'> {
  id: string;
  given: Record<string, unknown>;
  inputs: Record<string, unknown>;
  expectErrors?: ExpectedError[];
}
