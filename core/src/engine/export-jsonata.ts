import type { FieldType } from '../model/schema.js';
import type { PathSegment } from '../model/field-path.js';
import type { MappingElement } from '../model/spec-index.js';
import type { CompiledDataFlow, CompiledMapping } from './data-flow.js';
import { convertToType } from './convert.js';

/**
 * `specwright export --to jsonata`: one JSONata expression per data flow that turns the source
 * records (`{ Order: {...} }`) and `$inputs` into the target records (`{ Invoice: {...} }`), so
 * the designed mapping runs in any JSONata runtime. It does what the engine does for records
 * the target accepts; validation (required, enum, format) stays with `specwright test`.
 */

interface Entry {
  mapping: CompiledMapping;
  /** Target segments still to build below the current object. */
  target: PathSegment[];
  /** The JSONata the source path starts from: '' for the records, or an element variable. */
  base: string;
  source: PathSegment[];
  aligned: number;
}

export class ExportError extends Error {
  override name = 'ExportError';
}

const quoteName = (name: string): string => {
  if (name.includes('`')) throw new ExportError(`field name ${JSON.stringify(name)} contains a backtick, which JSONata cannot quote`);
  return '`' + name + '`';
};
const literal = (value: unknown): string => JSON.stringify(value ?? null);

/** A source path as JSONata. A `[key=value]` takes the first match, as the engine does. */
function pathExpression(base: string, segments: readonly PathSegment[]): string {
  const steps: string[] = base ? [base] : [];
  for (const s of segments) {
    let step = quoteName(s.name);
    if (s.selector?.kind === 'index') step += `[${s.selector.index}]`;
    // The engine's selector rule (paths/selector.ts): a scalar key whose text is the value; objects, lists and null never match.
    if (s.selector?.kind === 'match') {
      const key = quoteName(s.selector.key);
      step += `[$type(${key}) in ["string", "number", "boolean"] and $string(${key}) = ${literal(s.selector.value)}][0]`;
    }
    steps.push(step);
  }
  const path = steps.join('.');
  // A path through `[]` reads a list: keep it a list even with one element.
  return segments.some((s) => s.selector?.kind === 'each') ? `[${path}]` : path;
}

const firstEach = (segments: readonly PathSegment[]) => segments.findIndex((s) => s.selector?.kind === 'each');

/** The list a path's first `[]` reads (`Order.items` of `Order.items[].price`), as a JSONata path. */
function listExpression(base: string, segments: readonly PathSegment[]): string {
  const cut = firstEach(segments);
  return pathExpression(base, segments.slice(0, cut + 1).map((s, i) => (i === cut ? { name: s.name } : s)));
}

/**
 * A source value as the engine reads it: through a `[]`, a list of the elements' values, or
 * nothing when the list itself is missing or not a list (a JSONata path would give `[]`).
 */
function sourceExpression(base: string, segments: readonly PathSegment[]): string {
  if (firstEach(segments) < 0) return pathExpression(base, segments);
  return `($type(${listExpression(base, segments)}) = "array" ? ${pathExpression(base, segments)} : undefined)`;
}

const CONVERSIONS: Partial<Record<FieldType, (v: string) => string>> = {
  number: (v) => `($type(${v}) = "string" and $contains(${v}, /^-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?$/)) ? $number(${v}) : ${v}`,
  integer: (v) => `($type(${v}) = "string" and $contains(${v}, /^-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?$/)) ? $number(${v}) : ${v}`,
  boolean: (v) => `${v} = "true" ? true : (${v} = "false" ? false : ${v})`,
  string: (v) => `($type(${v}) = "number" or $type(${v}) = "boolean") ? $string(${v}) : ${v}`,
};

/** The value one mapping writes, in the context of its entry. */
function valueExpression(entry: Entry): string {
  const m = entry.mapping.element.value;
  let value: string;
  const constant = !entry.mapping.transform && !entry.mapping.source && m.input === undefined;
  if (entry.mapping.transform) {
    const transform = `(${entry.mapping.transform.text})`;
    value = entry.mapping.source ? `($source := ${sourceExpression(entry.base, entry.source)}; $exists($source) ? ${transform} : undefined)` : transform;
  } else if (entry.mapping.source) {
    value = sourceExpression(entry.base, entry.source);
  } else if (m.input !== undefined) {
    value = `$lookup($inputs, ${literal(m.input)})`;
  } else {
    value = literal(m.constant?.value);
  }
  if (m.lookup) {
    const fallback = m.default !== undefined ? literal(m.default.value) : '$v';
    value = `($v := ${value}; $exists($v) ? ($l := $lookup(${literal(m.lookup)}, $string($v)); $exists($l) ? $l : ${fallback}) : $v)`;
  }
  const convert = entry.mapping.targetType ? CONVERSIONS[entry.mapping.targetType] : undefined;
  // A constant with no lookup is converted here, once, rather than at every run.
  if (constant && !m.lookup && convert) {
    const converted = convertToType(m.constant?.value, entry.mapping.targetType);
    return literal(converted.ok ? converted.value : m.constant?.value);
  }
  if (convert) value = `($w := ${value}; ${convert('$w')})`;
  return value;
}

const shift = (entry: Entry): Entry => ({ ...entry, target: entry.target.slice(1) });

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** An object constructor, one field a line, so a person can read the mapping in it. */
function buildObject(entries: readonly Entry[], depth: number): string {
  const fields: string[] = [];
  for (const [name, group] of groupBy(entries, (e) => e.target[0]!.name)) {
    const value = buildField(group, depth);
    if (value) fields.push(`${literal(name)}: ${value}`);
  }
  if (fields.length === 0) return '{}';
  const indent = '  '.repeat(depth + 1);
  return `{\n${fields.map((f) => indent + '  ' + f).join(',\n')}\n${indent}}`;
}

function buildField(group: readonly Entry[], depth: number): string | undefined {
  const listed = group.filter((e) => e.target[0]!.selector);
  if (listed.length > 0) return buildList(listed, depth);
  const leaves = group.filter((e) => e.target.length === 1);
  const deeper = group.filter((e) => e.target.length > 1).map(shift);
  const leaf = leaves.length > 0 ? valueExpression(leaves[leaves.length - 1]!) : undefined;
  // An object nothing was written into is left out, as the engine never creates it.
  const object = deeper.length > 0 ? `($o := ${buildObject(deeper, depth + 1)}; $count($keys($o)) > 0 ? $o : undefined)` : undefined;
  if (leaf && object) return `$merge([${leaf}, ${object}])`;
  return leaf ?? object;
}

/** Elements of a list: `[key=value]` and `[n]` elements in order of first mention, then `[]` ones. */
function buildList(entries: readonly Entry[], depth: number): string {
  const parts: string[] = [];
  const selectorKey = (s: PathSegment) => (s.selector?.kind === 'match' ? `m:${s.selector.key}=${s.selector.value}` : s.selector?.kind === 'index' ? `i:${s.selector.index}` : 'each');
  for (const [key, group] of groupBy(entries, (e) => selectorKey(e.target[0]!))) {
    if (key === 'each') continue;
    const selector = group[0]!.target[0]!.selector!;
    const children = group.map(shift);
    const leaves = children.filter((e) => e.target.length === 0);
    if (leaves.length > 0) {
      parts.push(`[${valueExpression(leaves[leaves.length - 1]!)}]`);
      continue;
    }
    const object = buildObject(children, depth + 1);
    const withKey = selector.kind === 'match' ? `$merge([{${literal(selector.key)}: ${literal(selector.value)}}, $o])` : '$o';
    parts.push(`[($o := ${object}; $count($keys($o)) > 0 ? ${withKey} : undefined)]`);
  }
  const each = entries.filter((e) => e.target[0]!.selector?.kind === 'each');
  let kept = '';
  if (each.length > 0) {
    const built = buildEach(each, depth);
    parts.push(built.expression);
    // The engine makes the list when an element-wise source list exists, even an empty one.
    kept = built.lists.map((l) => ` or $type(${l}) = "array"`).join('');
  }
  const list = parts.reduce((all, part) => (all ? `$append(${all}, ${part})` : part), '');
  return `($a := ${list}; ($count($a) > 0${kept}) ? $a : undefined)`;
}

/**
 * `[]` targets: element-wise entries (direct, lookups and per-element transforms alike) iterate
 * their source list, one element each; the others go into every element. Also gives the source
 * lists iterated.
 */
function buildEach(entries: readonly Entry[], depth: number): { expression: string; lists: string[] } {
  const element = `$e${depth}`;
  const position = `$i${depth}`;
  const aligned = entries.filter((e) => e.aligned > 0 && firstEach(e.source) >= 0);
  const children: Entry[] = [];
  const lists = [...new Set(aligned.map((e) => listExpression(e.base, e.source)))];
  let over = '[0]'; // no element-wise entry: one element, as the engine creates
  if (aligned.length > 0) {
    // Only a list is iterated: the engine reads nothing through `[]` of an object or a scalar.
    over = `($l${depth} := ${lists[0]}; $type($l${depth}) = "array" ? $l${depth} : [])`;
    for (const e of aligned) {
      const list = listExpression(e.base, e.source);
      const base = list === lists[0] ? element : `(${list})[${position}]`;
      children.push({ ...shift(e), base, source: e.source.slice(firstEach(e.source) + 1), aligned: e.aligned - 1 });
    }
  }
  for (const e of entries) if (!aligned.includes(e)) children.push(shift(e));
  const leaves = children.filter((e) => e.target.length === 0);
  if (leaves.length > 0 && aligned.length > 0) {
    // Values straight into the list keep their positions: an element without one becomes null,
    // as in the engine (which leaves no holes), and none is added after the last value.
    const body = valueExpression(leaves[leaves.length - 1]!);
    const boxed = `$map(${over}, function(${element}, ${position}) { {"v": ${body}} })`;
    const last = `$max($append(-1, $map($b${depth}, function($x, $k) { $exists($x.v) ? $k : -1 })))`;
    const kept = `$map($filter($b${depth}, function($x, $k) { $k <= $n${depth} }), function($x) { $exists($x.v) ? $x.v : null })`;
    return { expression: `[($b${depth} := ${boxed}; $n${depth} := ${last}; ${kept})]`, lists };
  }
  const body = leaves.length > 0 ? valueExpression(leaves[leaves.length - 1]!) : buildObject(children, depth + 1);
  return { expression: `[$map(${over}, function(${element}, ${position}) { ${body} })]`, lists };
}

/** A mapping the export leaves out, and why. */
export interface SkippedMapping {
  mapping: MappingElement;
  reason: string;
}

export interface ExportedDataFlow {
  /** The JSONata expression; it names each skipped mapping in a comment. */
  expression: string;
  skipped: SkippedMapping[];
}

/** Why a mapping cannot go into the expression: a path or expression that does not parse, or a name JSONata cannot quote. */
function exportProblem(mapping: CompiledMapping): string | undefined {
  if (mapping.broken) return `its ${mapping.broken}`;
  const source = mapping.source;
  if (!source) return undefined;
  // Source names are quoted in backticks (target names are JSON strings, which take anything).
  const names = [source.entity, ...source.segments.flatMap((s) => (s.selector?.kind === 'match' ? [s.name, s.selector.key] : [s.name]))];
  const bad = names.find((n) => n.includes('`'));
  return bad === undefined ? undefined : `its source names ${JSON.stringify(bad)}, which contains a backtick that JSONata cannot quote`;
}

const commentText = (text: string) => text.replace(/\*\//g, '* /');

/** The JSONata expression of one data flow: source records and `$inputs` in, target records out. */
export function dataFlowToJsonata(flow: CompiledDataFlow): string {
  return exportDataFlow(flow).expression;
}

/**
 * `dataFlowToJsonata`, saying which mappings it left out: those that cannot run or cannot be
 * written as JSONata. Each is named in a comment of the expression too, so none goes missing unseen.
 */
export function exportDataFlow(flow: CompiledDataFlow): ExportedDataFlow {
  const skipped: SkippedMapping[] = [];
  const runnable = flow.mappings.filter((m) => {
    const problem = exportProblem(m);
    if (problem) skipped.push({ mapping: m.element, reason: problem });
    return !problem;
  });
  const records: string[] = [];
  const entities = [...new Set([...flow.targetEntities.map((t) => t.name), ...runnable.map((m) => m.target.entity)])];
  for (const entity of entities) {
    const entries: Entry[] = runnable
      .filter((m) => m.target.entity === entity)
      .map((mapping) => ({ mapping, target: mapping.target.segments, base: mapping.source ? quoteName(mapping.source.entity) : '', source: mapping.source?.segments ?? [], aligned: mapping.aligned }));
    const whole = entries.filter((e) => e.target.length === 0);
    const fields = entries.filter((e) => e.target.length > 0);
    let record = buildObject(fields, 1);
    if (whole.length > 0) record = `$merge([${whole.map(valueExpression).join(', ')}, ${record}])`;
    records.push(`${literal(entity)}: ${record}`);
  }
  let header = `/* ${flow.element.id}${flow.element.value.title ? `: ${commentText(flow.element.value.title)}` : ''}. Input: the source records by entity name; bind $inputs. */`;
  for (const { mapping, reason } of skipped) header += `\n/* ${commentText(`${mapping.id} (target ${mapping.value.target ?? '?'}) is not exported: ${reason}`)} */`;
  // Declared defaults fill the inputs left out, as in the engine.
  const defaults = Object.fromEntries(flow.allInputs.filter((i) => i.default !== undefined && i.default !== null).map((i) => [i.id, i.default]));
  const inputs = `$inputs := $exists($inputs) ? $merge([${literal(defaults)}, $inputs]) : ${literal(defaults)};`;
  return { expression: `${header}\n(\n  ${inputs}\n  {\n${records.map((r) => '    ' + r).join(',\n')}\n  }\n)\n`, skipped };
}
