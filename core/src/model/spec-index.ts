import type {
  BusinessCase,
  DataFlow,
  Endpoint,
  Entity,
  ExpectedError,
  FieldDeclaration,
  InputDeclaration,
  Mapping,
  Outcome,
  Spec,
  System,
  TestCase,
  Trigger,
  UseCase,
} from './types.js';
import {
  ERROR_CODES,
  FAILURE_ACTIONS,
  FIELD_FORMATS,
  FIELD_TYPES,
  INPUT_TYPES,
  OUTCOME_TYPES,
  SPEC_STATUSES,
  TRIGGER_TYPES,
} from './schema.js';
import { isObject, type JsonObject } from './json.js';

/** Every addressable element of a spec: its id, JSON Pointer and where it sits. */
interface ElementBase {
  id: string;
  path: string;
  /** True when the author left the id out and the loader made one up. */
  derivedId: boolean;
}
export interface SpecElement extends ElementBase { kind: 'spec'; value: Spec }
export interface SystemElement extends ElementBase { kind: 'system'; value: System }
export interface InputElement extends ElementBase { kind: 'input'; value: InputDeclaration }
export interface UseCaseElement extends ElementBase { kind: 'useCase'; value: UseCase }
export interface DataFlowElement extends ElementBase { kind: 'dataFlow'; value: DataFlow; useCase: UseCaseElement }
export interface TriggerElement extends ElementBase { kind: 'trigger'; value: Trigger; dataFlow: DataFlowElement }
export interface OutcomeElement extends ElementBase { kind: 'outcome'; value: Outcome; dataFlow: DataFlowElement }
export interface MappingElement extends ElementBase { kind: 'mapping'; value: Mapping; dataFlow: DataFlowElement }
export interface TestElement extends ElementBase { kind: 'test'; value: TestCase; dataFlow: DataFlowElement }

export type AnyElement =
  | SpecElement
  | SystemElement
  | InputElement
  | UseCaseElement
  | DataFlowElement
  | TriggerElement
  | OutcomeElement
  | MappingElement
  | TestElement;

export type ElementKind = AnyElement['kind'];

/** The lenient model plus an index of its elements, in document order. */
export interface SpecIndex {
  /** The document as parsed, untouched (rules that check the format itself read it). */
  raw: unknown;
  spec: Spec;
  root: SpecElement;
  systems: SystemElement[];
  inputs: InputElement[];
  useCases: UseCaseElement[];
  dataFlows: DataFlowElement[];
  triggers: TriggerElement[];
  outcomes: OutcomeElement[];
  mappings: MappingElement[];
  tests: TestElement[];
  byPath: Map<string, AnyElement>;
  systemById: Map<string, System>;
  inputById: Map<string, InputDeclaration>;
}

/** The entities a system declares, by name; undefined when it declares none (references to it are then not checked). */
export function declaredEntities(index: SpecIndex, systemId: string | undefined): Map<string, Entity> | undefined {
  const entities = systemId === undefined ? undefined : index.systemById.get(systemId)?.entities;
  return entities && entities.length > 0 ? new Map(entities.map((e) => [e.name, e] as const)) : undefined;
}

const own = (o: JsonObject, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);
const str = (o: JsonObject, key: string): string | undefined => {
  const value = own(o, key) ? o[key] : undefined;
  return typeof value === 'string' ? value : undefined;
};
const list = (o: JsonObject, key: string): unknown[] => {
  const value = own(o, key) ? o[key] : undefined;
  return Array.isArray(value) ? value : [];
};
const record = (o: JsonObject, key: string): JsonObject | undefined => {
  const value = own(o, key) ? o[key] : undefined;
  return isObject(value) ? value : undefined;
};
const strings = (o: JsonObject, key: string): string[] => list(o, key).filter((s): s is string => typeof s === 'string');
const oneOf = <T extends string>(allowed: readonly T[], value: unknown): T | undefined =>
  typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
const boxed = (o: JsonObject, key: string): { value: unknown } | undefined => (own(o, key) ? { value: o[key] } : undefined);

/** Calls `each` for every item that is a mapping, with its true index (malformed items are skipped). */
function eachRecord(items: unknown[], each: (item: JsonObject, index: number) => void): void {
  items.forEach((item, index) => {
    if (isObject(item)) each(item, index);
  });
}

/**
 * Reads a parsed document into the lenient model and indexes its elements. Never throws:
 * whatever does not fit the format is left out here and reported by `spec-schema`.
 */
export function indexSpec(raw: unknown): SpecIndex {
  const doc: JsonObject = isObject(raw) ? raw : {};
  const spec: Spec = {
    id: str(doc, 'id') ?? '',
    status: oneOf(SPEC_STATUSES, doc['status']) ?? 'draft',
    businessCase: readBusinessCase(record(doc, 'businessCase') ?? {}),
    systems: [],
    inputs: [],
    useCases: [],
  };
  const title = str(doc, 'title');
  if (title !== undefined) spec.title = title;
  const owner = str(doc, 'owner');
  if (owner !== undefined) spec.owner = owner;

  const root: SpecElement = { kind: 'spec', id: spec.id, path: '', derivedId: false, value: spec };
  const index: SpecIndex = {
    raw,
    spec,
    root,
    systems: [],
    inputs: [],
    useCases: [],
    dataFlows: [],
    triggers: [],
    outcomes: [],
    mappings: [],
    tests: [],
    byPath: new Map([['', root]]),
    systemById: new Map(),
    inputById: new Map(),
  };
  const add = <E extends AnyElement>(target: E[], element: E): E => {
    target.push(element);
    index.byPath.set(element.path, element);
    return element;
  };

  eachRecord(list(doc, 'systems'), (item, i) => {
    const system = readSystem(item);
    spec.systems.push(system);
    if (!index.systemById.has(system.id)) index.systemById.set(system.id, system);
    add(index.systems, { kind: 'system', id: system.id, path: `/systems/${i}`, derivedId: false, value: system });
  });

  eachRecord(list(doc, 'inputs'), (item, i) => {
    const input = readInput(item);
    spec.inputs.push(input);
    if (!index.inputById.has(input.id)) index.inputById.set(input.id, input);
    add(index.inputs, { kind: 'input', id: input.id, path: `/inputs/${i}`, derivedId: false, value: input });
  });

  eachRecord(list(doc, 'useCases'), (rawUseCase, u) => {
    const useCaseId = str(rawUseCase, 'id');
    const useCase: UseCase = {
      id: useCaseId || `UC-${u + 1}`,
      stakeholders: strings(rawUseCase, 'stakeholders'),
      dataFlows: [],
    };
    assignText(useCase, rawUseCase, ['title', 'story']);
    spec.useCases.push(useCase);
    const useCasePath = `/useCases/${u}`;
    const useCaseElement = add(index.useCases, { kind: 'useCase', id: useCase.id, path: useCasePath, derivedId: !useCaseId, value: useCase });

    eachRecord(list(rawUseCase, 'dataFlows'), (rawFlow, d) => {
      const flowId = str(rawFlow, 'id');
      const flow: DataFlow = {
        id: flowId || `DF-${index.dataFlows.length + 1}`,
        source: readEndpoint(record(rawFlow, 'source')),
        target: readEndpoint(record(rawFlow, 'target')),
        triggers: [],
        outcomes: [],
        mappings: [],
        tests: [],
      };
      assignText(flow, rawFlow, ['title']);
      useCase.dataFlows.push(flow);
      const flowPath = `${useCasePath}/dataFlows/${d}`;
      const dataFlow = add(index.dataFlows, { kind: 'dataFlow', id: flow.id, path: flowPath, derivedId: !flowId, value: flow, useCase: useCaseElement });

      // Nested elements without an id get one from their data flow and position: DF-1.TR-2.
      // Built in one object literal (not spread from a helper's result): a large spec has tens of
      // thousands of these.
      const child = <K extends 'trigger' | 'outcome' | 'mapping' | 'test', T extends { id: string }>(
        kind: K,
        rawItem: JsonObject,
        i: number,
        prefix: string,
        read: (r: JsonObject, id: string) => T,
        key: string,
      ) => {
        const authored = str(rawItem, 'id');
        const value = read(rawItem, authored || `${flow.id}.${prefix}-${i + 1}`);
        return { kind, id: value.id, path: `${flowPath}/${key}/${i}`, derivedId: !authored, value, dataFlow };
      };
      eachRecord(list(rawFlow, 'triggers'), (r, i) => {
        flow.triggers.push(add(index.triggers, child('trigger', r, i, 'TR', readTrigger, 'triggers')).value);
      });
      eachRecord(list(rawFlow, 'outcomes'), (r, i) => {
        flow.outcomes.push(add(index.outcomes, child('outcome', r, i, 'OC', readOutcome, 'outcomes')).value);
      });
      eachRecord(list(rawFlow, 'mappings'), (r, i) => {
        flow.mappings.push(add(index.mappings, child('mapping', r, i, 'FM', readMapping, 'mappings')).value);
      });
      eachRecord(list(rawFlow, 'tests'), (r, i) => {
        flow.tests.push(add(index.tests, child('test', r, i, 'TC', readTest, 'tests')).value);
      });
    });
  });
  return index;
}

/** Copies the keys that hold text onto the element, leaving out anything that is not text. */
function assignText<T extends object>(target: T, raw: JsonObject, keys: readonly (keyof T & string)[]): void {
  for (const key of keys) {
    const value = str(raw, key);
    if (value !== undefined) (target as Record<string, unknown>)[key] = value;
  }
}

function readBusinessCase(raw: JsonObject): BusinessCase {
  const businessCase: BusinessCase = {
    value: list(raw, 'value')
      .filter(isObject)
      .map((item) => {
        const statement: BusinessCase['value'][number] = {};
        assignText(statement, item, ['stakeholder', 'benefit']);
        return statement;
      }),
    stakeholders: strings(raw, 'stakeholders'),
  };
  assignText(businessCase, raw, ['summary', 'market']);
  return businessCase;
}

function readSystem(raw: JsonObject): System {
  const system: System = { id: str(raw, 'id') ?? '' };
  assignText(system, raw, ['name', 'docs']);
  if (Array.isArray(raw['entities'])) {
    system.entities = list(raw, 'entities').filter(isObject).map(readEntity);
  }
  return system;
}

function readEntity(raw: JsonObject): Entity {
  const entity: Entity = { name: str(raw, 'name') ?? '' };
  if (Array.isArray(raw['fields'])) {
    entity.fields = list(raw, 'fields')
      .filter(isObject)
      .filter((f) => typeof f['path'] === 'string')
      .map(readField);
  }
  return entity;
}

function readField(raw: JsonObject): FieldDeclaration {
  const field: FieldDeclaration = { path: str(raw, 'path') ?? '', required: raw['required'] === true };
  const type = oneOf(FIELD_TYPES, raw['type']);
  if (type) field.type = type;
  const format = oneOf(FIELD_FORMATS, raw['format']);
  if (format) field.format = format;
  if (Array.isArray(raw['enum'])) field.enum = raw['enum'];
  assignText(field, raw, ['description']);
  return field;
}

function readInput(raw: JsonObject): InputDeclaration {
  const input: InputDeclaration = { id: str(raw, 'id') ?? '', options: list(raw, 'options'), required: raw['required'] === true };
  assignText(input, raw, ['label', 'help']);
  const type = oneOf(INPUT_TYPES, raw['type']);
  if (type) input.type = type;
  if (own(raw, 'default')) input.default = raw['default'];
  return input;
}

function readEndpoint(raw: JsonObject | undefined): Endpoint {
  if (!raw) return { entities: [] };
  const endpoint: Endpoint = { entities: strings(raw, 'entities').filter((e) => e.trim() !== '') };
  const system = str(raw, 'system');
  if (system !== undefined) endpoint.system = system;
  return endpoint;
}

function readTrigger(raw: JsonObject, id: string): Trigger {
  const trigger: Trigger = { id };
  const type = oneOf(TRIGGER_TYPES, raw['type']);
  if (type) trigger.type = type;
  assignText(trigger, raw, ['event', 'filter', 'description', 'schedule', 'criteria', 'location', 'backupFor']);
  return trigger;
}

function readOutcome(raw: JsonObject, id: string): Outcome {
  const outcome: Outcome = { id };
  const type = oneOf(OUTCOME_TYPES, raw['type']);
  if (type) outcome.type = type;
  const action = oneOf(FAILURE_ACTIONS, raw['action']);
  if (action) outcome.action = action;
  assignText(outcome, raw, ['when', 'then']);
  const retry = record(raw, 'retry');
  if (retry) {
    outcome.retry = {};
    if (typeof retry['maxAttempts'] === 'number') outcome.retry.maxAttempts = retry['maxAttempts'];
    assignText(outcome.retry, retry, ['backoff']);
  }
  return outcome;
}

function readMapping(raw: JsonObject, id: string): Mapping {
  const mapping: Mapping = { id };
  assignText(mapping, raw, ['target', 'source', 'input', 'transform', 'description']);
  const constant = boxed(raw, 'constant');
  if (constant) mapping.constant = constant;
  const fallback = boxed(raw, 'default');
  if (fallback) mapping.default = fallback;
  const lookup = record(raw, 'lookup');
  if (lookup) mapping.lookup = lookup;
  return mapping;
}

function readTest(raw: JsonObject, id: string): TestCase {
  const test: TestCase = { id, given: record(raw, 'given') ?? {}, inputs: record(raw, 'inputs') ?? {} };
  assignText(test, raw, ['title']);
  const expect = record(raw, 'expect');
  if (expect) test.expect = expect;
  if (Array.isArray(raw['expectErrors'])) {
    test.expectErrors = list(raw, 'expectErrors')
      .filter(isObject)
      .map((item) => {
        const expected: ExpectedError = {};
        assignText(expected, item, ['path', 'input']);
        const code = oneOf(ERROR_CODES, item['code']);
        if (code) expected.code = code;
        return expected;
      });
  }
  return test;
}
