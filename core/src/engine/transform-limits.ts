import jsonata from 'jsonata';
import { walkNodes, type JsonataNode } from '../expr/expressions.js';

/**
 * Size limits for transform evaluation. jsonata's `timeout` is checked between evaluation
 * steps, so a single step that allocates without limit — a range, a join, a sort, a date
 * picture's width — is not stopped by it. Each such step is bounded here before it allocates.
 */

/** The most items a range (`[1..n]`), `$match` or `$split` may give. */
export const MAX_SEQUENCE_LENGTH = 100_000;
/** The longest string a transform may build with `&`, `$string`, `$join`, `$replace`, `$pad`, `$base64encode`… */
export const MAX_STRING_LENGTH = 1_000_000;
/** The widest `$pad`. */
export const MAX_PAD_WIDTH = 100_000;
/**
 * The most characters the guarded functions may build in one evaluation, all calls together:
 * each `$pad` alone is small, but `[1..100000].$pad("", 100000)` is ten billion characters,
 * built faster than jsonata's timeout is checked. (In the CLI a worker's memory ceiling also
 * holds; in-process, as in a Forge function, this is what does.)
 */
export const MAX_EVALUATION_CHARACTERS = 10_000_000;
/** The most items ranges, `$match` and `$split` may give in one evaluation, all calls together (`[1..100000].[1..100000]`). */
export const MAX_EVALUATION_ITEMS = 1_000_000;
/** The widest field of a date picture (`$fromMillis(0, "[Y,1000]")`); jsonata would allocate any width. */
export const MAX_PICTURE_WIDTH = 1_000;

/** The binding that carries an evaluation's counts of characters and items built (see evaluationBindings). */
const ALLOCATED = '__allocated';

/** The bindings for one evaluation, with fresh counts of the characters and items the guards build. */
export function evaluationBindings(bindings: Record<string, unknown>): Record<string, unknown> {
  return { ...bindings, [ALLOCATED]: { characters: 0, items: 0 } };
}

/** Counts a guard's result toward the evaluation's total; gives the result back. */
function charged<T>(focus: Focus, result: T): T {
  if (typeof result !== 'string' || result.length < 64) return result;
  const allocated = focus.environment.lookup(ALLOCATED) as Allocated | undefined;
  if (allocated) {
    allocated.characters += result.length;
    if (allocated.characters > MAX_EVALUATION_CHARACTERS) {
      throw limitError('SW007', `the transform built strings of more than ${count(MAX_EVALUATION_CHARACTERS)} characters in all, over the limit for one evaluation`);
    }
  }
  return result;
}

interface Allocated {
  characters: number;
  items: number;
}

/** Counts a guard's list toward the evaluation's total of items; gives it back. */
function chargedItems<T>(focus: Focus, list: T): T {
  if (!Array.isArray(list) || list.length < 64) return list;
  const allocated = focus.environment.lookup(ALLOCATED) as Allocated | undefined;
  if (allocated) {
    allocated.items += list.length;
    if (allocated.items > MAX_EVALUATION_ITEMS) {
      throw limitError('SW007', `the transform built lists of more than ${count(MAX_EVALUATION_ITEMS)} items in all (ranges, $match, $split), over the limit for one evaluation`);
    }
  }
  return list;
}

/** A guarded function's refusal, in jsonata's error shape: a transform error, never a crash. */
interface LimitError {
  code: string;
  message: string;
}

const limitError = (code: string, message: string): LimitError => ({ code, message });
const count = (n: number) => n.toLocaleString('en-US');

function tooLong(what: string, length: number): LimitError {
  return limitError('SW004', `${what} would build a string of ${count(length)} characters, over the limit of ${count(MAX_STRING_LENGTH)}`);
}

/** The `this` jsonata gives a registered function. */
interface Focus {
  environment: { lookup(name: string): unknown };
  input: unknown;
  createSequence(): unknown[];
}

interface JsonataFunction {
  implementation: (this: Focus, ...args: unknown[]) => unknown;
  signature?: { definition: string };
}

type Builtins = Record<'string' | 'join' | 'replace' | 'distinct' | 'base64encode' | 'fromMillis' | 'match' | 'split', JsonataFunction>;

/**
 * jsonata's own implementations, for the guards to call once they have checked sizes. jsonata
 * exposes its built-ins only through evaluation, which is asynchronous: they are read once, at
 * the first guarded call that needs them.
 */
let builtins: Builtins | undefined;
let loadingBuiltins: Promise<Builtins> | undefined;
function withBuiltins<T>(use: (b: Builtins) => T): T | Promise<T> {
  if (builtins) return use(builtins);
  loadingBuiltins ??= (jsonata('{"string": $string, "join": $join, "replace": $replace, "distinct": $distinct, "base64encode": $base64encode, "fromMillis": $fromMillis, "match": $match, "split": $split}').evaluate({}) as Promise<Builtins>).then(
    (loaded) => (builtins = loaded),
  );
  return loadingBuiltins.then(use);
}

/** Registers the guarded functions on a compiled expression and rewrites its `&` and `..` (see below). */
export function installLimits(expression: jsonata.Expression): void {
  rewriteOperators(expression.ast() as JsonataNode);
  // jsonata's Focus type lacks the createSequence it passes; the guards declare what they use.
  const register = (name: string, implementation: (this: Focus, ...args: never[]) => unknown, signature?: string) =>
    expression.registerFunction(name, implementation as unknown as Parameters<jsonata.Expression['registerFunction']>[1], signature);
  register('pad', boundedPad, '<s-n?s?:s>');
  register('string', guardedString, '<x-b?:s>');
  register('join', guardedJoin, '<a<s>s?:s>');
  register('replace', guardedReplace, '<s-(sf)(sf)n?:s>');
  register('sort', linearithmicSort, '<af?:a>');
  register('distinct', hashedDistinct, '<x:x>');
  register('base64encode', guardedBase64encode, '<s-:s>');
  register('fromMillis', guardedFromMillis, '<n-s?s?:s>');
  register('now', guardedNow, '<s?s?:s>');
  register('match', boundedMatch, '<s-f<s:o>n?:a<o>>');
  register('split', boundedSplit, '<s-(sf)n?:a<s>>');
  register(CONCAT, concatenate);
  register(RANGE, boundedRange);
}

const CONCAT = '__concat';
const RANGE = '__range';

const tooMany = (what: string): LimitError => limitError('SW006', `${what}, over the limit of ${count(MAX_SEQUENCE_LENGTH)} items`);

/** Turns a node, in place, into a call of one of the guards (jsonata evaluates this tree). */
function becomeCall(node: JsonataNode, procedure: string, args: unknown[]): void {
  const position = node.position;
  delete node['lhs'];
  delete node['rhs'];
  node.type = 'function';
  node.value = '(';
  node['procedure'] = { type: 'variable', value: procedure, position };
  node['arguments'] = args;
}

/**
 * `a & b & c` becomes `$__concat(a, b, c)`: jsonata's `&` converts both sides with its own
 * `$string` and joins them in one step, whatever their size. One call per chain keeps the
 * cost near that of the operator. `a..b` becomes `$__range(a, b)`: jsonata allows ten million.
 */
function rewriteOperators(root: JsonataNode): void {
  for (const node of walkNodes(root)) {
    if (node.type !== 'binary') continue;
    if (node.value === '..') {
      becomeCall(node, RANGE, [node['lhs'], node['rhs']]);
    } else if (node.value === '&') {
      const operands: unknown[] = [];
      // The chain is left-nested: ((a & b) & c). Collect it without recursion.
      const pending: unknown[] = [node];
      while (pending.length > 0) {
        const next = pending.pop() as JsonataNode;
        if (next.type === 'binary' && next.value === '&') pending.push(next['rhs'], next['lhs']);
        else operands.push(next);
      }
      becomeCall(node, CONCAT, operands);
    }
  }
}

/** `a..b`, as jsonata's range operator (the same errors), within MAX_SEQUENCE_LENGTH items. */
function boundedRange(this: Focus, from: unknown, to: unknown): unknown {
  if (from !== undefined && !Number.isInteger(from)) throw { code: 'T2003', value: from };
  if (to !== undefined && !Number.isInteger(to)) throw { code: 'T2004', value: to };
  if (from === undefined || to === undefined || (from as number) > (to as number)) return undefined;
  const size = (to as number) - (from as number) + 1;
  if (size > MAX_SEQUENCE_LENGTH) throw tooMany(`the range would hold ${count(size)} items`);
  const range = new Array<number>(size);
  for (let i = 0; i < size; i++) range[i] = (from as number) + i;
  return chargedItems(this, range);
}

/** `$match` and `$split` stop one item past the limit (their own `limit` argument), then refuse. */
function boundedMatch(this: Focus, text: string | undefined, pattern: unknown, limit?: number): unknown {
  const capped = limit === undefined || limit > MAX_SEQUENCE_LENGTH ? MAX_SEQUENCE_LENGTH + 1 : limit;
  return withBuiltins(async (b) => {
    const matches = (await b.match.implementation.call(this, text, pattern, capped)) as unknown[] | undefined;
    if (matches && matches.length > MAX_SEQUENCE_LENGTH) throw tooMany('$match would give more matches');
    return chargedItems(this, matches);
  });
}

function boundedSplit(this: Focus, text: string | undefined, separator: unknown, limit?: number): unknown {
  const capped = limit === undefined || limit > MAX_SEQUENCE_LENGTH ? MAX_SEQUENCE_LENGTH + 1 : limit;
  return withBuiltins(async (b) => {
    const pieces = (await b.split.implementation.call(this, text, separator, capped)) as unknown[] | undefined;
    if (pieces && pieces.length > MAX_SEQUENCE_LENGTH) throw tooMany('$split would give more pieces');
    return chargedItems(this, pieces);
  });
}

/** `&`: each side as `$string` gives it (nothing for undefined), joined, within the limit. */
function concatenate(this: Focus, ...values: unknown[]): unknown {
  return withBuiltins((b) => {
    let length = 0;
    const parts: string[] = [];
    for (const value of values) {
      if (value === undefined) continue;
      const text = typeof value === 'string' ? value : checkedString(b, this, value, false);
      length += text.length;
      if (length > MAX_STRING_LENGTH) throw tooLong('&', length);
      parts.push(text);
    }
    return charged(this, parts.join(''));
  });
}

function checkedString(b: Builtins, focus: Focus, value: unknown, prettify: boolean): string {
  const estimate = serializedLength(value, prettify, MAX_STRING_LENGTH);
  if (estimate > MAX_STRING_LENGTH) throw tooLong('$string', estimate);
  return charged(focus, b.string.implementation.call(focus, value, prettify) as string);
}

function guardedString(this: Focus, value: unknown, prettify?: boolean): unknown {
  if (value === undefined || typeof value === 'string') return value;
  return withBuiltins((b) => checkedString(b, this, value, prettify === true));
}

/**
 * About how long JSON text of a value would be (a string's escapes are not counted), stopping
 * once past `limit`: values can share parts, so the text can be far larger than the value.
 */
export function serializedLength(value: unknown, prettify: boolean, limit: number): number {
  let total = 0;
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0 && total <= limit) {
    const { value: v, depth } = stack.pop()!;
    if (prettify) total += 2 * depth + 1;
    if (typeof v === 'string') total += v.length + 2;
    else if (typeof v === 'number') total += 24;
    else if (typeof v === 'boolean' || v === null || v === undefined || typeof v === 'function') total += 5;
    else if (Array.isArray(v)) {
      total += 2 + v.length;
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], depth: depth + 1 });
    } else if (typeof v === 'object') {
      total += 2;
      for (const key of Object.keys(v)) {
        total += key.length + 4;
        stack.push({ value: (v as Record<string, unknown>)[key], depth: depth + 1 });
      }
    }
  }
  return total;
}

function guardedJoin(this: Focus, strings: unknown, separator?: string): unknown {
  if (Array.isArray(strings)) {
    let length = Math.max(0, strings.length - 1) * (separator?.length ?? 0);
    for (const s of strings) length += typeof s === 'string' ? s.length : 0;
    if (length > MAX_STRING_LENGTH) throw tooLong('$join', length);
  }
  return withBuiltins((b) => charged(this, b.join.implementation.call(this, strings, separator)));
}

function guardedBase64encode(this: Focus, text: string | undefined): unknown {
  if (text !== undefined && Math.ceil(text.length / 3) * 4 > MAX_STRING_LENGTH) throw tooLong('$base64encode', Math.ceil(text.length / 3) * 4);
  return withBuiltins((b) => charged(this, b.base64encode.implementation.call(this, text)));
}

/** jsonata's `$pad`, but refusing widths that would allocate without limit. */
function boundedPad(this: Focus, str: string | undefined, width: number, char?: string): string | undefined {
  if (str === undefined) return undefined;
  if (Math.abs(width) > MAX_PAD_WIDTH) throw limitError('SW002', `$pad width ${width} is over the limit of ${MAX_PAD_WIDTH}`);
  const fill = char === undefined || char === '' ? ' ' : char;
  const missing = Math.abs(Math.trunc(width)) - [...str].length;
  if (missing <= 0) return str;
  const padding = fill.repeat(Math.ceil(missing / fill.length)).slice(0, missing);
  return charged(this, width > 0 ? str + padding : padding + str);
}

interface RegexMatch {
  match: string;
  start: number;
  end: number;
  groups: (string | undefined)[];
}

/**
 * `$replace`: a text pattern's result length is known before replacing; with a regex, each
 * replacement is counted as it is made, and the limit stops the loop.
 */
function guardedReplace(this: Focus, text: string | undefined, pattern: unknown, replacement: unknown, limit?: number): unknown {
  if (text === undefined) return undefined;
  if (typeof pattern === 'string') {
    if (pattern !== '' && typeof replacement === 'string') {
      let matches = 0;
      for (let at = text.indexOf(pattern); at !== -1 && (limit === undefined || matches < limit); at = text.indexOf(pattern, at + pattern.length)) matches++;
      const length = text.length + matches * (replacement.length - pattern.length);
      if (length > MAX_STRING_LENGTH) throw tooLong('$replace', length);
    }
    return withBuiltins(async (b) => charged(this, await b.replace.implementation.call(this, text, pattern, replacement, limit)));
  }
  const substitute = typeof replacement === 'string' ? (m: RegexMatch) => substituteGroups(replacement, m) : (replacement as (this: unknown, m: RegexMatch) => unknown);
  let produced = text.length;
  const counted = (result: unknown) => {
    if (typeof result === 'string') {
      produced += result.length;
      if (produced > MAX_STRING_LENGTH) throw tooLong('$replace', produced);
    }
    return result;
  };
  const replacer = function (this: unknown, m: RegexMatch) {
    const result = substitute.call(this, m);
    return result instanceof Promise ? result.then(counted) : counted(result);
  };
  return withBuiltins(async (b) => charged(this, await b.replace.implementation.call(this, text, pattern, replacer, limit)));
}

/**
 * A replacement text with `$0`, `$1`… filled in from a match, as jsonata's `$replace` does it
 * (the same reading of digits: as many as there are groups, then one fewer), so handing
 * jsonata a function in its place changes nothing but the counting.
 */
export function substituteGroups(replacement: string, m: RegexMatch): string {
  let out = '';
  let position = 0;
  let index = replacement.indexOf('$', position);
  while (index !== -1 && position < replacement.length) {
    out += replacement.substring(position, index);
    position = index + 1;
    const next = replacement.charAt(position);
    if (next === '$') {
      out += '$';
      position++;
    } else if (next === '0') {
      out += m.match;
      position++;
    } else {
      const maxDigits = m.groups.length === 0 ? 1 : Math.floor(Math.log(m.groups.length) * Math.LOG10E) + 1;
      let group = parseInt(replacement.substring(position, position + maxDigits), 10);
      if (maxDigits > 1 && group > m.groups.length) group = parseInt(replacement.substring(position, position + maxDigits - 1), 10);
      if (!isNaN(group)) {
        if (m.groups.length > 0) out += m.groups[group - 1] ?? '';
        position += group.toString().length;
      } else {
        out += '$';
      }
    }
    index = replacement.indexOf('$', position);
  }
  return out + replacement.substring(position);
}

/**
 * `$sort`: jsonata's merge sort copies the rest of a list at every step and recurses as deep as
 * the list is long (a default-compared `$sort([1..100000])` never ends). This is a bottom-up
 * merge sort with the same rule — a comparator's true means "a goes after b" — and so the same
 * stable order; without a comparator it sorts numbers or strings only, as jsonata does.
 */
async function linearithmicSort(this: Focus, list: unknown[] | undefined, comparator?: (a: unknown, b: unknown) => unknown): Promise<unknown> {
  if (list === undefined) return undefined;
  if (list.length <= 1) return list;
  if (comparator === undefined) {
    const numbers = list.every((v) => typeof v === 'number');
    if (!numbers && !list.every((v) => typeof v === 'string')) throw { code: 'D3070', index: 1 };
    // Array.prototype.sort is stable: equal values keep their order, as in jsonata's merge.
    return [...list].sort((a, b) => ((a as number) > (b as number) ? 1 : (a as number) < (b as number) ? -1 : 0));
  }
  let from = [...list];
  let to = new Array<unknown>(from.length);
  for (let width = 1; width < from.length; width *= 2) {
    for (let start = 0; start < from.length; start += 2 * width) {
      const middle = Math.min(start + width, from.length);
      const end = Math.min(start + 2 * width, from.length);
      let l = start;
      let r = middle;
      let k = start;
      while (l < middle && r < end) to[k++] = (await comparator(from[l], from[r])) ? from[r++] : from[l++];
      while (l < middle) to[k++] = from[l++];
      while (r < end) to[k++] = from[r++];
    }
    [from, to] = [to, from];
  }
  return from;
}

/**
 * `$distinct`: jsonata compares every value with every kept one (a quadratic step of its own).
 * Here a value's canonical text (object keys sorted, as jsonata's deep equality ignores their
 * order) finds its equal; values that hold functions have no text and are compared as jsonata does.
 */
function hashedDistinct(this: Focus, list: unknown): unknown {
  if (!Array.isArray(list) || list.length <= 1) return list;
  return withBuiltins((b) => {
    const seen = new Set<string>();
    const kept: unknown[] = [];
    const opaque: unknown[] = [];
    for (const value of list) {
      const key = canonicalKey(value);
      if (key === undefined) opaque.push(value);
      else if (!seen.has(key)) {
        seen.add(key);
        kept.push(value);
      }
    }
    if (opaque.length > 0) return b.distinct.implementation.call(this, list);
    if (!(list as unknown[] & { sequence?: boolean }).sequence) return kept;
    // The result keeps jsonata's shape: a sequence stays a sequence.
    const sequence = this.createSequence();
    for (const value of kept) sequence.push(value);
    return sequence;
  });
}

function canonicalKey(value: unknown): string | undefined {
  let opaque = false;
  let text: string | undefined;
  try {
    text = JSON.stringify(value, function (_key, v: unknown) {
      // Functions (jsonata's are objects too) and undefined members have no text that deep equality would agree with.
      if (v === undefined || typeof v === 'function' || (v && typeof v === 'object' && ('_jsonata_lambda' in v || '_jsonata_function' in v))) {
        opaque = true;
        return null;
      }
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        const sorted: Record<string, unknown> = {};
        for (const key of Object.keys(v).sort()) sorted[key] = (v as Record<string, unknown>)[key];
        return sorted;
      }
      return v;
    });
  } catch {
    return undefined; // too deep to write out: compared as jsonata does
  }
  return opaque || text === undefined ? undefined : `${typeof value}:${text}`;
}

/** A date picture's widths (`[Y,1000]`, `[f,*-5000]`) bounded before jsonata pads to them. */
function checkPicture(picture: string | undefined): void {
  if (picture === undefined) return;
  for (const width of picture.matchAll(/[,\-](\d+)/g)) {
    if (Number(width[1]) > MAX_PICTURE_WIDTH) throw limitError('SW005', `the picture's width ${width[1]} is over the limit of ${count(MAX_PICTURE_WIDTH)}`);
  }
}

function guardedFromMillis(this: Focus, millis: number | undefined, picture?: string, timezone?: string): unknown {
  checkPicture(picture);
  return withBuiltins((b) => b.fromMillis.implementation.call(this, millis, picture, timezone));
}

/** `$now`: as jsonata defines it, `$fromMillis` of the evaluation's `$millis()` (which this expression still binds). */
function guardedNow(this: Focus, picture?: string, timezone?: string): unknown {
  checkPicture(picture);
  const millis = (this.environment.lookup('millis') as JsonataFunction).implementation.call(this);
  return withBuiltins((b) => b.fromMillis.implementation.call(this, millis, picture, timezone));
}
