import jsonata from 'jsonata';
import { recogniseSimpleExpression } from './simple-syntax.js';

/**
 * A JSONata expression read once: the inputs it reads, or why it is not valid JSONata — or,
 * with `tooDeep`, why Specwright will not read it although it may be valid (see expressionSize).
 */
export type ParsedExpression =
  | { ok: true; inputRefs: string[] }
  | { ok: false; message: string; position?: number; tooDeep?: true };

/**
 * The nesting and length Specwright reads in one expression. jsonata's parser and evaluator
 * recurse once per bracket and once per operator or path step of a chain, so an expression past
 * these (`a.a.a…` 5,000 times, 2,000 nested parentheses) would end in a stack overflow that
 * depends on the machine; it is refused instead, the same everywhere, before jsonata sees it.
 */
export const MAX_EXPRESSION_DEPTH = 500;
export const MAX_EXPRESSION_OPERATORS = 2_000;

/** The parts of jsonata's syntax tree this code reads; the rest stays opaque. */
export interface JsonataNode {
  type: string;
  value?: unknown;
  position?: number;
  steps?: JsonataNode[];
  [key: string]: unknown;
}

/**
 * Parses expressions once per check: the same expression often stands in many mappings,
 * and parsing is the costly part of `transform-syntax`.
 */
export class ExpressionCache {
  private readonly parsed = new Map<string, ParsedExpression>();

  parse(expression: string): ParsedExpression {
    let result = this.parsed.get(expression);
    if (!result) {
      result = parseExpression(expression);
      this.parsed.set(expression, result);
    }
    return result;
  }
}

export function parseExpression(expression: string): ParsedExpression {
  if (expression.trim() === '') return { ok: false, message: 'is empty' };
  const size = expressionSize(expression);
  if (size.depth > MAX_EXPRESSION_DEPTH) {
    return { ok: false, tooDeep: true, position: size.deepestAt, message: `nests brackets ${size.depth.toLocaleString('en-US')} deep, more than the ${MAX_EXPRESSION_DEPTH} Specwright reads` };
  }
  if (size.operators > MAX_EXPRESSION_OPERATORS) {
    return {
      ok: false,
      tooDeep: true,
      message: `has ${size.operators.toLocaleString('en-US')} operators and path steps, more than the ${MAX_EXPRESSION_OPERATORS.toLocaleString('en-US')} Specwright reads in one expression (split it into several mappings, or name parts with variables)`,
    };
  }
  const simple = recogniseSimpleExpression(expression);
  if (simple) return { ok: true, inputRefs: simple.inputRefs };
  try {
    return { ok: true, inputRefs: inputReferences(jsonata(expression).ast() as JsonataNode) };
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, tooDeep: true, message: 'is nested too deeply for Specwright to read (the parser ran out of stack)' };
    const e = error as { message?: string; position?: number; token?: string };
    const result: ParsedExpression = { ok: false, message: e.message ?? String(error) };
    if (typeof e.position === 'number') result.position = e.position;
    return result;
  }
}

/**
 * How deeply an expression nests brackets (`(`, `[`, `{`), where it is deepest (1-based, as
 * jsonata counts positions), and how many operator characters and path dots it has outside
 * strings, names in backticks and comments (`:` and `,` inside braces separate, and do not
 * count). One pass, no recursion: this runs before anything that recurses.
 */
export function expressionSize(expression: string): { depth: number; deepestAt: number; operators: number } {
  const open: string[] = [];
  let depth = 0;
  let deepestAt = 0;
  let operators = 0;
  for (let i = 0; i < expression.length; i++) {
    const c = expression[i]!;
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < expression.length && expression[j] !== c) j += expression[j] === '\\' ? 2 : 1;
      i = j;
    } else if (c === '`') {
      const close = expression.indexOf('`', i + 1);
      i = close === -1 ? expression.length : close;
    } else if (c === '/' && expression[i + 1] === '*') {
      const close = expression.indexOf('*/', i + 2);
      i = close === -1 ? expression.length : close + 1;
    } else if (c === '(' || c === '[' || c === '{') {
      open.push(c);
      if (open.length > depth) {
        depth = open.length;
        deepestAt = i + 1;
      }
    } else if (c === ')' || c === ']' || c === '}') {
      open.pop();
    } else if (OPERATOR_CHARACTERS.has(c) && !((c === ':' || c === ',') && open[open.length - 1] === '{')) {
      operators++;
    }
  }
  return { depth, deepestAt, operators };
}

const OPERATOR_CHARACTERS = new Set([...'.+-*/%&=<>!?:~^@#']);

/** Every node of a syntax tree, depth first, without recursion (trees can be deep). */
export function* walkNodes(root: JsonataNode): Generator<JsonataNode> {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push(node[i]);
    } else if (node && typeof node === 'object') {
      const n = node as JsonataNode;
      if (typeof n.type === 'string') yield n;
      for (const key of Object.keys(n)) {
        const child = n[key];
        if (child && typeof child === 'object') stack.push(child);
      }
    }
  }
}

/** The ids read as `$inputs.<id>` in an expression, in the order they appear. */
export function inputReferences(ast: JsonataNode): string[] {
  const found: { id: string; position: number }[] = [];
  for (const node of walkNodes(ast)) {
    if (node.type !== 'path' || !node.steps || node.steps.length < 2) continue;
    const [first, second] = node.steps;
    if (first?.type === 'variable' && first.value === 'inputs' && second?.type === 'name' && typeof second.value === 'string') {
      found.push({ id: second.value, position: typeof second.position === 'number' ? second.position : 0 });
    }
  }
  return [...new Set(found.sort((a, b) => a.position - b.position).map((f) => f.id))];
}

/** Characters that end a JSONata name token (its operators and whitespace). */
const NAME_STOPS = new Set([...'.[]{}(),@#;:?+-*/%|=<>^&!~', ' ', '\t', '\n', '\r', '\v']);
const NAME_KEYWORDS = new Set(['and', 'or', 'in', 'true', 'false', 'null']);

/**
 * True when JSONata reads the text, unquoted, as one name: `Order`, `order_line`. `simple-user`
 * is not one (JSONata reads `simple - user`), nor is a name with a space, a leading digit or `$`,
 * a quote, or a keyword; such names need backticks in an expression (`` `simple-user`.name ``).
 */
export function isJsonataName(text: string): boolean {
  if (text === '' || NAME_KEYWORDS.has(text)) return false;
  const first = text[0]!;
  if ((first >= '0' && first <= '9') || first === '$' || first === '"' || first === "'" || first === '`') return false;
  for (const c of text) if (NAME_STOPS.has(c)) return false;
  return true;
}

/** Where an expression names one of `names` unquoted: outside strings, backticks and comments. */
export interface UnquotedName {
  name: string;
  /** 0-based offset in the expression. */
  offset: number;
  /** The name with the path that follows it, as written: `simple-user.name`. */
  written: string;
}

/**
 * Finds the unquoted uses of names that JSONata would not read as one name (see
 * `isJsonataName`): a use stands where a name can start (not after `.`, `$` or a name's
 * character) and ends where a name ends. Longer names are matched first.
 */
export function unquotedNameUses(expression: string, names: readonly string[]): UnquotedName[] {
  const wanted = [...new Set(names)].filter((n) => n !== '' && !isJsonataName(n)).sort((a, b) => b.length - a.length);
  if (wanted.length === 0) return [];
  const found: UnquotedName[] = [];
  const code = maskQuoted(expression);
  const startsName = (i: number) => i === 0 || (NAME_STOPS.has(code[i - 1]!) && code[i - 1] !== '.') ;
  const endsName = (i: number) => i === code.length || NAME_STOPS.has(code[i]!);
  for (let i = 0; i < code.length; i++) {
    if (!startsName(i) || code[i] === '\u0000') continue;
    const name = wanted.find((n) => code.startsWith(n, i) && endsName(i + n.length));
    if (name === undefined) continue;
    let end = i + name.length;
    // The path that follows, for the message: `.name.first`.
    while (code[end] === '.' && end + 1 < code.length && !NAME_STOPS.has(code[end + 1]!) && code[end + 1] !== '\u0000') {
      end++;
      while (end < code.length && !NAME_STOPS.has(code[end]!) && code[end] !== '\u0000') end++;
    }
    found.push({ name, offset: i, written: expression.slice(i, end) });
    i += name.length - 1;
  }
  return found;
}

/** The expression with string literals, backtick names and comments blanked out (same length). */
function maskQuoted(expression: string): string {
  const out = expression.split('');
  let i = 0;
  const blank = (from: number, to: number) => {
    for (let k = from; k < to && k < out.length; k++) out[k] = '\u0000';
  };
  while (i < expression.length) {
    const c = expression[i]!;
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < expression.length && expression[j] !== c) j += expression[j] === '\\' ? 2 : 1;
      blank(i, j + 1);
      i = j + 1;
    } else if (c === '`') {
      const j = expression.indexOf('`', i + 1);
      const end = j === -1 ? expression.length : j + 1;
      blank(i, end);
      i = end;
    } else if (c === '/' && expression[i + 1] === '*') {
      const j = expression.indexOf('*/', i + 2);
      const end = j === -1 ? expression.length : j + 2;
      blank(i, end);
      i = end;
    } else {
      i++;
    }
  }
  return out.join('');
}
