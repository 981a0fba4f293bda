import type {
  ErrorCode,
  FailureAction,
  FieldFormat,
  FieldType,
  InputType,
  OutcomeType,
  SpecStatus,
  TriggerType,
} from './schema.js';

/**
 * The spec as rules read it: the format of spec-format.md, read leniently. Every list is
 * present (empty when missing or malformed), every element has an `id` (derived where the
 * author left it out), and a value of the wrong type is left out: `spec-schema` reports it.
 */
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

export interface FieldDeclaration {
  path: string;
  type?: FieldType;
  required: boolean;
  enum?: unknown[];
  format?: FieldFormat;
  description?: string;
}

export interface InputDeclaration {
  id: string;
  label?: string;
  help?: string;
  type?: InputType;
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

export interface Endpoint {
  system?: string;
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

export interface Trigger {
  id: string;
  type?: TriggerType;
  event?: string;
  filter?: string;
  description?: string;
  schedule?: string;
  criteria?: string;
  location?: string;
  backupFor?: string;
}

export interface Outcome {
  id: string;
  type?: OutcomeType;
  when?: string;
  then?: string;
  action?: FailureAction;
  retry?: { maxAttempts?: number; backoff?: string };
}

export interface Mapping {
  id: string;
  target?: string;
  source?: string;
  input?: string;
  /** Present (even when null) exactly when the author wrote `constant`. */
  constant?: { value: unknown };
  transform?: string;
  lookup?: Record<string, unknown>;
  /** Present (even when null) exactly when the author wrote `default`. */
  default?: { value: unknown };
  description?: string;
}

export interface ExpectedError {
  path?: string;
  input?: string;
  code?: ErrorCode;
}

export interface TestCase {
  id: string;
  title?: string;
  given: Record<string, unknown>;
  inputs: Record<string, unknown>;
  expect?: Record<string, unknown>;
  expectErrors?: ExpectedError[];
}
