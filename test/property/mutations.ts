import fc from 'fast-check';
import { exampleSpec } from '../support/examples.js';

/**
 * Structural mutations of a valid spec, for the property tests: keys deleted, values replaced by
 * values of other types, list items duplicated, unknown keys inserted, values buried in deep
 * nesting, values moved where a different element belongs.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Container = Record<string, unknown> | unknown[];

/** Keys of the format, so inserted keys often land where a rule reads them. */
const FORMAT_KEYS = [
  'specwright', 'id', 'title', 'status', 'owner', 'businessCase', 'summary', 'value', 'stakeholder', 'benefit',
  'stakeholders', 'market', 'systems', 'name', 'docs', 'entities', 'fields', 'path', 'type', 'required', 'enum',
  'format', 'inputs', 'label', 'help', 'options', 'default', 'useCases', 'story', 'dataFlows', 'source', 'target',
  'system', 'triggers', 'event', 'filter', 'description', 'schedule', 'criteria', 'location', 'backupFor',
  'outcomes', 'when', 'then', 'action', 'retry', 'maxAttempts', 'backoff', 'mappings', 'input', 'constant',
  'transform', 'lookup', 'tests', 'given', 'expect', 'expectErrors', 'code', 'x-note', '__proto__', 'constructor',
  'toString', 'hasOwnProperty', '', '~1/', 'a.b', 'items[]',
];

/** Values a field path, an expression or an id might be given by mistake. */
const NASTY_STRINGS = [
  '', ' ', 'Customer.', '.email', 'Customer.addresses[', 'Customer.a[x=]', 'Customer.a[=x].b', 'Customer..x', '[]', 'Customer.a[99999999999999999999]',
  '$inputs.', '$inputs.defaultOwner', '$inputs.__proto__', '(', '"unterminated', '/* comment', '$eval("1")', 'a ? b', 'UC-1', 'DF-1', 'TR-1', 'FM-1', 'TC-1',
  'x', 'y', 'ConversionEvent', 'Customer', 'event', 'query', 'file', 'manual', 'success', 'failure', 'retry', 'required', 'As a', 'When',
];

/**
 * Freezes a value and everything in it. `fc.constantFrom` hands out the same object on every run,
 * so a constant that a test edits in place would carry the edit into later runs; frozen, such an
 * edit throws at once. Tests put copies of generated values where they edit.
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export const jsonValue: fc.Arbitrary<Json> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json> },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 1, arbitrary: fc.constantFrom<Json>(...deepFreeze<Json[]>([0, -1, 1.5, 1e308, true, false, null, [], {}, [null], { '': null }])) },
);

export type Mutation =
  | { op: 'delete'; pick: number }
  | { op: 'replace'; pick: number; value: Json }
  | { op: 'duplicate'; pick: number }
  | { op: 'insert-key'; pick: number; key: string; value: Json }
  | { op: 'nest'; pick: number; depth: number }
  | { op: 'move'; pick: number; to: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('replace' as const), pick: fc.nat(), value: jsonValue }),
  fc.record({ op: fc.constant('duplicate' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('insert-key' as const), pick: fc.nat(), key: fc.oneof(fc.constantFrom(...FORMAT_KEYS), fc.string({ maxLength: 8 })), value: jsonValue }),
  fc.record({ op: fc.constant('nest' as const), pick: fc.nat(), depth: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ op: fc.constant('move' as const), pick: fc.nat(), to: fc.nat() }),
);

export interface Slot {
  parent: Container;
  key: string | number;
}

/** Every value in the document as a (parent, key) slot, in document order. */
export function slots(root: Container): Slot[] {
  const out: Slot[] = [];
  const stack: Container[] = [root];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    const keys: (string | number)[] = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    for (const key of keys) {
      const child = (node as Record<string | number, unknown>)[key];
      out.push({ parent: node, key });
      if (child && typeof child === 'object') stack.push(child as Container);
    }
  }
  return out;
}

/** Sets an own property, even `__proto__`, as a YAML or JSON parser would. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function nest(value: unknown, depth: number): unknown {
  let out = value;
  for (let i = 0; i < depth; i++) out = i % 2 === 0 ? { deeper: out } : [out];
  return out;
}

export function applyMutation(root: Record<string, unknown>, m: Mutation): void {
  const all = slots(root);
  if (all.length === 0) {
    if (m.op === 'insert-key') setOwn(root, m.key, structuredClone(m.value));
    return;
  }
  const { parent, key } = all[m.pick % all.length]!;
  const current = (parent as Record<string | number, unknown>)[key];
  switch (m.op) {
    case 'delete':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key as string];
      break;
    case 'replace': {
      // A copy: the value may be a shared constant of the arbitrary, and later mutations edit the document.
      const value = structuredClone(m.value);
      if (Array.isArray(parent)) parent[key as number] = value;
      else setOwn(parent, key as string, value);
      break;
    }
    case 'duplicate':
      if (Array.isArray(parent)) parent.splice((key as number) + 1, 0, structuredClone(current));
      else if (Array.isArray(current) && current.length > 0) current.push(structuredClone(current[0]));
      else setOwn(parent, `${String(key)}-copy`, structuredClone(current));
      break;
    case 'insert-key': {
      const value = structuredClone(m.value);
      if (current && typeof current === 'object' && !Array.isArray(current)) setOwn(current as Record<string, unknown>, m.key, value);
      else if (!Array.isArray(parent)) setOwn(parent, m.key, value);
      else parent.push({ [m.key]: value });
      break;
    }
    case 'nest':
      if (Array.isArray(parent)) parent[key as number] = nest(current, m.depth);
      else setOwn(parent, key as string, nest(current, m.depth));
      break;
    case 'move': {
      // A value put where a different element belongs: a mapping where a trigger should be, say.
      const { parent: to, key: toKey } = all[m.to % all.length]!;
      const copy = structuredClone(current);
      if (Array.isArray(to)) to[toKey as number] = copy;
      else setOwn(to, toKey as string, copy);
      break;
    }
  }
}

export const EXAMPLES = ['marketing-to-crm.yaml', 'order-to-erp.yaml'] as const;
export type ExampleName = (typeof EXAMPLES)[number];

const parsedExamples = new Map<string, Record<string, unknown>>();

/** A fresh, mutable copy of an example spec (each is parsed once per test file). */
export function freshExample(name: ExampleName): Record<string, any> {
  let parsed = parsedExamples.get(name);
  if (!parsed) parsedExamples.set(name, (parsed = exampleSpec(name)));
  return structuredClone(parsed);
}

export const mutatedSpec = fc
  .tuple(fc.constantFrom(...EXAMPLES), fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([name, mutations]) => {
    const spec = freshExample(name);
    for (const m of mutations) applyMutation(spec, m);
    return spec;
  });
