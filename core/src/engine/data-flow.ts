import { declaredEntities, type DataFlowElement, type MappingElement, type SpecIndex } from '../model/spec-index.js';
import type { Entity, InputDeclaration } from '../model/types.js';
import type { FieldType } from '../model/schema.js';
import { declaredFields } from '../model/declared-fields.js';
import { eachDepth, formatSegments, parseEntityPath, type EntityPath } from '../model/field-path.js';
import { parseExpression, walkNodes, type JsonataNode } from '../expr/expressions.js';
import { convertToType } from './convert.js';
import { describeValue } from '../model/describe-value.js';
import { getOwn, isObject, lookupKey, type JsonObject } from '../model/json.js';
import { readPath, writePath } from '../paths/record-path.js';
import { compileTransform, describeTransformError, evaluationBindings, guardedExpression, type CompiledTransform } from './transform.js';
import { effectiveInputs, validateInputs, validateRecord, type InputProblem, type RecordProblem } from './validate.js';

/** A mapping made ready to run: paths parsed, transform compiled, target type known. */
export interface CompiledMapping {
  element: MappingElement;
  target: EntityPath;
  source?: EntityPath;
  transform?: CompiledTransform;
  /** The declared type of the target, when the path names one field (per element for `[]`). */
  targetType?: FieldType;
  /**
   * How many `[]` levels map element-wise (source and target both iterate). With a transform,
   * it runs once per element of these levels, `$source` bound to that element's value.
   */
  aligned: number;
  /** Why it cannot run (a path or expression that does not parse); the check reports it too. */
  broken?: string;
}

export interface CompiledDataFlow {
  element: DataFlowElement;
  mappings: CompiledMapping[];
  targetEntities: { name: string; entity?: Entity }[];
  /** The declared inputs this flow uses, by reference (mapping `input`, `$inputs.x`). */
  usedInputs: InputDeclaration[];
  allInputs: readonly InputDeclaration[];
}

/** A problem of the run that is not about a record or an input: a transform that failed. */
export interface EvaluationProblem {
  path: string;
  code: 'transform' | 'type';
  mapping: string;
  message: string;
}

export type RunProblem = (RecordProblem & { mapping?: string }) | InputProblem | EvaluationProblem;

/** A mapping that wrote nothing at a target path (as written, or one element's, with indexes), and why. */
export interface UnwrittenTarget {
  mapping: string;
  path: string;
  /** A short sentence naming the mapping: "mapping FM-4 wrote nothing: the input company was not given". */
  reason: string;
}

export interface FlowRun {
  /** The produced target records, by entity name. */
  records: Record<string, JsonObject>;
  problems: RunProblem[];
  /** Concrete path written → id of the mapping that wrote it last. */
  writers: Map<string, string>;
  /** The mappings that wrote nothing (or nothing at some elements), for a failed test to explain. */
  unwritten: UnwrittenTarget[];
}

export function compileDataFlow(index: SpecIndex, flow: DataFlowElement, entitiesOf: (system: string | undefined) => Map<string, Entity> | undefined): CompiledDataFlow {
  const targetDeclared = entitiesOf(flow.value.target.system);
  const mappings = index.mappings.filter((m) => m.dataFlow === flow).map((m) => compileMapping(m, targetDeclared));
  const used = new Set<string>();
  for (const m of flow.value.mappings) {
    if (m.input !== undefined) used.add(m.input);
    if (m.transform !== undefined) addRefs(m.transform, used);
  }
  for (const t of flow.value.triggers) {
    if (t.filter !== undefined) addRefs(t.filter, used);
    if (t.criteria !== undefined) addRefs(t.criteria, used);
  }
  return {
    element: flow,
    mappings,
    targetEntities: flow.value.target.entities.map((name) => ({ name, entity: targetDeclared?.get(name) })),
    usedInputs: index.spec.inputs.filter((i) => used.has(i.id)),
    allInputs: index.spec.inputs,
  };
}

/** Every data flow of a spec, compiled, with the entities each system declares. */
export function compileDataFlows(index: SpecIndex, flows: readonly DataFlowElement[] = index.dataFlows): CompiledDataFlow[] {
  const entitiesOf = (system: string | undefined) => declaredEntities(index, system);
  return flows.map((flow) => compileDataFlow(index, flow, entitiesOf));
}

function addRefs(expression: string, into: Set<string>): void {
  const parsed = parseExpression(expression);
  if (parsed.ok) for (const id of parsed.inputRefs) into.add(id);
}

function compileMapping(element: MappingElement, targetEntities: Map<string, Entity> | undefined): CompiledMapping {
  const m = element.value;
  const target = parseEntityPath(m.target ?? '');
  const compiled: CompiledMapping = { element, target: target.ok ? target.path : { entity: '', segments: [] }, aligned: 0 };
  if (!target.ok) {
    compiled.broken = `target "${m.target ?? ''}" ${target.message}`;
    return compiled;
  }
  if (m.source !== undefined) {
    const source = parseEntityPath(m.source);
    if (!source.ok) {
      compiled.broken = `source "${m.source}" ${source.message}`;
      return compiled;
    }
    compiled.source = source.path;
    compiled.aligned = Math.min(eachDepth(source.path.segments), eachDepth(target.path.segments));
  }
  if (m.transform !== undefined) {
    const parsed = parseExpression(m.transform);
    if (!parsed.ok) {
      compiled.broken = parsed.tooDeep ? `transform ${parsed.message}` : `transform is not valid JSONata: ${parsed.message}`;
      return compiled;
    }
    try {
      compiled.transform = compileTransform(m.transform);
    } catch (error) {
      // Parsed once already; a second parse can still run out of stack on another thread's stack size.
      compiled.broken = `transform could not be compiled: ${error instanceof RangeError ? 'it is nested too deeply' : describeTransformError(error)}`;
      return compiled;
    }
  }
  const entity = targetEntities?.get(target.path.entity);
  if (entity && target.path.segments.length > 0) {
    const resolved = declaredFields(entity).resolve(target.path.segments);
    if (resolved.kind === 'field') {
      const declaredList = resolved.segments[resolved.segments.length - 1]!.selector !== undefined;
      const writtenList = target.path.segments[target.path.segments.length - 1]!.selector !== undefined;
      if (declaredList === writtenList) compiled.targetType = resolved.field.type;
      else if (declaredList) compiled.targetType = 'array';
    }
  }
  return compiled;
}

/** Turns whatever a transform returned into plain JSON (jsonata sequences are arrays with flags). */
function toJson(value: unknown): unknown {
  if (value === undefined || value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'function') throw new TypeError('returned a function, not a value');
  if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError(`returned ${value}, which is not a JSON number`);
  const text = JSON.stringify(value, (_key, v) => {
    if (typeof v === 'function') return undefined;
    if (typeof v === 'number' && !Number.isFinite(v)) throw new TypeError(`returned ${v}, which is not a JSON number`);
    return v;
  });
  return text === undefined ? undefined : JSON.parse(text);
}

/** Drops the missing entries of list levels deeper than `keep` (kept levels hold positions). */
function compactBeyond(value: unknown, keep: number): unknown {
  if (!Array.isArray(value) || keep === Infinity) return value;
  const inner = value.map((v) => compactBeyond(v, keep - 1));
  return keep > 0 ? inner : inner.filter((v) => v !== undefined);
}

/** True when a mapping's transform runs once per element (a source and a target through `[]`). */
export function runsPerElement(mapping: CompiledMapping): boolean {
  return mapping.transform !== undefined && mapping.source !== undefined && mapping.aligned > 0;
}

/** As `eachElement`, awaiting `f`, which also gets the element's indexes (one per level). */
async function eachElementAsync(value: unknown, aligned: number, f: (v: unknown, at: number[]) => Promise<unknown>, at: number[] = []): Promise<unknown> {
  if (aligned > 0 && Array.isArray(value)) {
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) out.push(value[i] === undefined ? undefined : await eachElementAsync(value[i], aligned - 1, f, [...at, i]));
    return out;
  }
  return f(value, at);
}

/** A path with its first `[]` levels made concrete: `Order.items[2].price` for indexes [2]. */
export function elementPath(path: EntityPath, indexes: readonly number[]): string {
  let level = 0;
  const segments = path.segments.map((s) => (s.selector?.kind === 'each' && level < indexes.length ? { name: s.name, selector: { kind: 'index' as const, index: indexes[level++]! } } : s));
  return segments.length > 0 ? `${path.entity}.${formatSegments(segments)}` : path.entity;
}

/** Applies `f` at each element of `aligned` list levels, or to the value itself. */
function eachElement(value: unknown, aligned: number, f: (v: unknown) => unknown): unknown {
  if (aligned > 0 && Array.isArray(value)) return value.map((v) => (v === undefined ? undefined : eachElement(v, aligned - 1, f)));
  return f(value);
}

/**
 * Runs a data flow's mappings on source records and end-user inputs, then validates the target
 * records and the inputs. `taken` collects the transform branches the run went through.
 */
export async function evaluateDataFlow(
  flow: CompiledDataFlow,
  given: Record<string, unknown>,
  givenInputs: Record<string, unknown>,
  taken?: Map<string, Set<string>>,
): Promise<FlowRun> {
  const inputs = effectiveInputs(flow.allInputs, givenInputs);
  const records: Record<string, JsonObject> = {};
  for (const { name } of flow.targetEntities) records[name] = {};
  const problems: RunProblem[] = [];
  const writers = new Map<string, string>();
  const unwritten: UnwrittenTarget[] = [];

  // Without branch tracking, all transforms of the flow run as one expression: one evaluation
  // per record instead of one per transform. Any failure falls back to one at a time, below.
  const batched = taken ? undefined : await evaluateBatch(flow, given, inputs);

  for (const mapping of flow.mappings) {
    const m = mapping.element.value;
    const id = mapping.element.id;
    const targetText = m.target ?? '';
    const silent = (reason: string) => unwritten.push({ mapping: id, path: targetText, reason });
    if (mapping.broken) {
      silent(`mapping ${id} cannot run: its ${mapping.broken}`); // the check reports it too
      continue;
    }
    let value: unknown;
    let sourceValue: unknown;
    if (mapping.source) {
      const read = readSource(mapping, given);
      if (!read.found) {
        // A missing source writes nothing, and no default applies.
        silent(`mapping ${id} wrote nothing: ${sourceMissing(mapping.source, formatPath(mapping.source), given)}`);
        continue;
      }
      sourceValue = read.value;
      value = sourceValue;
    } else if (m.input !== undefined) {
      value = getOwn(inputs as JsonObject, m.input);
      if (value === undefined) {
        silent(`mapping ${id} wrote nothing: the input ${m.input} was not given`);
        continue;
      }
    } else if (m.constant !== undefined) {
      value = m.constant.value;
    }
    if (mapping.transform) {
      let branchSet: Set<string> | undefined;
      if (taken) {
        branchSet = taken.get(mapping.element.id) ?? new Set();
        taken.set(mapping.element.id, branchSet);
      }
      const transform = mapping.transform;
      let element: number[] | undefined;
      try {
        if (runsPerElement(mapping)) {
          // Once per element: `$source` is the element's value, the input document stays the whole records.
          value = await eachElementAsync(sourceValue, mapping.aligned, async (v, at) => {
            element = at;
            return toJson(await transform.evaluate(given, { inputs, source: v }, branchSet));
          });
        } else if (batched?.has(mapping.element.id)) {
          value = toJson(batched.get(mapping.element.id));
        } else {
          const bindings: Record<string, unknown> = { inputs };
          if (mapping.source) bindings['source'] = sourceValue;
          value = toJson(await transform.evaluate(given, bindings, branchSet));
        }
      } catch (error) {
        const where = element ? ` (for ${elementPath(mapping.source!, element)})` : '';
        const failure = describeTransformError(error);
        problems.push({ path: targetText, code: 'transform', mapping: id, message: `transform of ${id}${where} ${failure}` });
        silent(`mapping ${id} wrote nothing: its transform${where} ${failure}`);
        continue;
      }
      if (value === undefined) {
        silent(`mapping ${id} ran and its transform gave no value (undefined)`);
        continue;
      }
    }
    if (m.lookup) {
      const lookup = m.lookup;
      const fallback = m.default;
      value = eachElement(value, mapping.aligned, (v) => {
        // Keys are text: a value reads as its text (as JSONata's $string), null as "null".
        const key = lookupKey(v);
        if (Object.prototype.hasOwnProperty.call(lookup, key)) return lookup[key];
        return fallback !== undefined ? fallback.value : v;
      });
    }
    if (mapping.targetType) {
      const type = mapping.targetType;
      let failure: string | undefined;
      value = eachElement(value, mapping.aligned, (v) => {
        const converted = convertToType(v, type);
        if (converted.ok) return converted.value;
        failure ??= converted.message;
        return v;
      });
      if (failure) {
        problems.push({ path: targetText, code: 'type', mapping: id, message: `${targetText}: ${failure} (mapping ${id})` });
        silent(`mapping ${id} wrote nothing: ${failure}`);
        continue;
      }
    }
    const entityRecord = (records[mapping.target.entity] ??= {});
    if (mapping.target.segments.length === 0) {
      // A mapping to the whole record merges an object into it.
      if (isObject(value)) for (const key of Object.keys(value)) writePath(entityRecord, [{ name: key }], value[key], 0);
      else silent(`mapping ${id} wrote nothing: its value, ${describeValue(value)}, is not an object to merge into ${mapping.target.entity}`);
      writers.set(mapping.target.entity, id);
      continue;
    }
    if (mapping.aligned > 0 && mapping.source) {
      for (const hole of elementsWithoutValue(value, sourceValue, mapping.aligned)) {
        const sourceAt = elementPath(mapping.source, hole.at);
        const reason = hole.sourceMissing
          ? `mapping ${id} wrote nothing there: ${sourceMissing(mapping.source, sourceAt, given)}`
          : `mapping ${id} ran on ${sourceAt} and its transform gave no value (undefined)`;
        unwritten.push({ mapping: id, path: elementPath(mapping.target, hole.at), reason });
      }
    }
    for (const path of writePath(entityRecord, mapping.target.segments, value, mapping.aligned, mapping.target.entity)) {
      writers.set(path, id);
    }
  }

  for (const { name, entity } of flow.targetEntities) {
    if (!entity?.fields) continue;
    for (const problem of validateRecord(entity, records[name] ?? {})) {
      const writer = findWriter(writers, problem.path);
      problems.push(writer ? { ...problem, mapping: writer } : problem);
    }
  }
  problems.push(...validateInputs(flow.usedInputs, inputs));
  return { records, problems, writers, unwritten };
}

const formatPath = (path: EntityPath) => (path.segments.length > 0 ? `${path.entity}.${formatSegments(path.segments)}` : path.entity);

/** Why a source read found nothing: "its source Order.items[1].price is missing from the given Order". */
function sourceMissing(source: EntityPath, shown: string, given: Record<string, unknown>): string {
  return getOwn(given, source.entity) === undefined ? `its source ${shown} is missing: no ${source.entity} record was given` : `its source ${shown} is missing from the given ${source.entity}`;
}

/** The element positions of an element-wise value that hold nothing, and whether the source lacked them too. */
function elementsWithoutValue(value: unknown, source: unknown, aligned: number, at: number[] = [], out: { at: number[]; sourceMissing: boolean }[] = []) {
  if (!Array.isArray(value)) return out;
  value.forEach((v, i) => {
    const s = Array.isArray(source) ? source[i] : undefined;
    if (v === undefined) out.push({ at: [...at, i], sourceMissing: s === undefined });
    else if (aligned > 1) elementsWithoutValue(v, s, aligned - 1, [...at, i], out);
  });
  return out;
}

/** A mapping's source value: a list read into one value (not element-wise) keeps the elements that have one. */
function readSource(mapping: CompiledMapping, given: Record<string, unknown>): { found: true; value: unknown } | { found: false } {
  const source = mapping.source!;
  const read = readPath(getOwn(given, source.entity), source.segments);
  if (!read.found) return read;
  return { found: true, value: compactBeyond(read.value, eachDepth(source.segments) > 0 ? mapping.aligned : Infinity) };
}

const batches = new WeakMap<CompiledDataFlow, { expression: ReturnType<typeof guardedExpression>; members: CompiledMapping[] } | null>();

/** The flow's transforms as one object expression, keyed by position; null when there are fewer than two. */
function batchOf(flow: CompiledDataFlow) {
  let batch = batches.get(flow);
  if (batch === undefined) {
    // A per-element transform runs once per element, outside the batch.
    const members = flow.mappings.filter((m) => m.transform && !m.broken && !runsPerElement(m));
    if (members.length < 2) batch = null;
    else {
      const fields = members.map((m, i) => `${JSON.stringify(String(i))}: ${m.transform!.text}`);
      try {
        const expression = guardedExpression(`{${fields.join(',\n')}}`);
        batch = bindSources(expression, members) ? { expression, members } : null;
      } catch {
        batch = null; // an expression that only parses alone (comments at the end, say): run them one by one
      }
    }
    batches.set(flow, batch);
  }
  return batch;
}

/**
 * Gives each batched transform its own `$source`: in field i, the variable `source` becomes
 * `__source<i>`, bound per record. (A `($source := …; …)` block per field would do the same,
 * but every block is a scope jsonata searches on each step of evaluation.) Renaming inside one
 * field's tree is safe: that tree is the whole transform, so any `$source` it binds itself is
 * renamed with its uses. False when the tree does not have the expected shape.
 */
function bindSources(expression: ReturnType<typeof guardedExpression>, members: readonly CompiledMapping[]): boolean {
  const root = expression.ast() as JsonataNode;
  const pairs = root['lhs'];
  if (root.type !== 'unary' || root.value !== '{' || !Array.isArray(pairs) || pairs.length !== members.length) return false;
  members.forEach((member, i) => {
    if (!member.source) return;
    const value = (pairs[i] as [JsonataNode, JsonataNode])[1];
    for (const node of walkNodes(value)) if (node.type === 'variable' && node.value === 'source') node.value = `__source${i}`;
  });
  return true;
}

/** Results of every transform by mapping id, or undefined when the batch cannot answer for all. */
async function evaluateBatch(flow: CompiledDataFlow, given: Record<string, unknown>, inputs: Record<string, unknown>): Promise<Map<string, unknown> | undefined> {
  const batch = batchOf(flow);
  if (!batch) return undefined;
  const bindings: Record<string, unknown> = { inputs };
  batch.members.forEach((m, i) => {
    if (m.source) {
      const read = readSource(m, given);
      bindings[`__source${i}`] = read.found ? read.value : undefined;
    }
  });
  let result: unknown;
  try {
    result = await batch.expression.evaluate(given, evaluationBindings(bindings));
  } catch {
    return undefined;
  }
  const byId = new Map<string, unknown>();
  batch.members.forEach((m, i) => {
    byId.set(m.element.id, isObject(result) ? getOwn(result, String(i)) : undefined);
  });
  return byId;
}

/** The mapping that wrote a path, or the nearest part of it. */
export function findWriter(writers: Map<string, string>, path: string): string | undefined {
  for (let p = path; p !== ''; ) {
    const writer = writers.get(p);
    if (writer) return writer;
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0) break;
    p = p.slice(0, cut);
  }
  for (const [written, writer] of writers) if (written.startsWith(path + '.') || written.startsWith(path + '[')) return writer;
  return undefined;
}
