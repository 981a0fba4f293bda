import jsonata from 'jsonata';
import { walkNodes, type JsonataNode } from '../expr/expressions.js';
import { LinearRegExp } from './linear-regex.js';
import { evaluationBindings, installLimits } from './transform-limits.js';

export { evaluationBindings, MAX_EVALUATION_CHARACTERS, MAX_EVALUATION_ITEMS, MAX_PAD_WIDTH, MAX_PICTURE_WIDTH, MAX_SEQUENCE_LENGTH, MAX_STRING_LENGTH } from './transform-limits.js';

/** Guardrails for every evaluation: a transform that loops or recurses ends with an error. */
export const TRANSFORM_TIMEOUT_MS = 1000;
export const TRANSFORM_MAX_DEPTH = 250;

/** A conditional branch of a transform: the `then` or `else` side of a `? :` at a position. */
export interface Branch {
  key: string;
  side: 'then' | 'else';
  /** Character position of the `?` in the expression, as jsonata counts it. */
  position: number;
}

export interface CompiledTransform {
  text: string;
  branches: Branch[];
  /** Evaluates against the source records; `taken` collects the branch keys it goes through. */
  evaluate(input: unknown, bindings: Record<string, unknown>, taken?: Set<string>): Promise<unknown>;
}

/**
 * Compiles a JSONata expression once, with the guardrails on, `$eval` unavailable, and
 * branch tracking through jsonata's evaluation hooks (only while `taken` is given).
 */
export function compileTransform(text: string): CompiledTransform {
  const plain = guardedExpression(text);
  const conditions = new Map<JsonataNode, number>();
  const branches: Branch[] = [];
  for (const node of walkNodes(plain.ast() as JsonataNode)) {
    if (node.type === 'condition' && typeof node.position === 'number') {
      branches.push({ key: `${node.position}:then`, side: 'then', position: node.position }, { key: `${node.position}:else`, side: 'else', position: node.position });
    }
  }
  branches.sort((a, b) => a.position - b.position || (a.side === 'then' ? -1 : 1));

  // Branch tracking costs an extra step per node: a second copy carries it, made on first use.
  let tracked: { expression: jsonata.Expression; collect(into: Set<string> | undefined): void } | undefined;
  const trackedExpression = () => {
    if (tracked) return tracked;
    const expression = guardedExpression(text);
    for (const node of walkNodes(expression.ast() as JsonataNode)) {
      if (node.type === 'condition' && typeof node.position === 'number') conditions.set(node['condition'] as JsonataNode, node.position);
    }
    let collecting: Set<string> | undefined;
    // jsonata calls this after every node; the condition's value says which side runs next.
    expression.assign(Symbol.for('jsonata.__evaluate_exit') as unknown as string, (node: JsonataNode, _input: unknown, _env: unknown, result: unknown) => {
      const position = collecting && conditions.get(node);
      if (position !== undefined && collecting) collecting.add(`${position}:${jsonataTruthy(result) ? 'then' : 'else'}`);
    });
    tracked = { expression, collect: (into) => (collecting = into) };
    return tracked;
  };

  return {
    text,
    branches,
    async evaluate(input, bindings, taken) {
      if (!taken || branches.length === 0) return plain.evaluate(input, evaluationBindings(bindings));
      const { expression, collect } = trackedExpression();
      collect(taken);
      try {
        return await expression.evaluate(input, evaluationBindings(bindings));
      } finally {
        collect(undefined);
      }
    },
  };
}

/**
 * A compiled expression with the guardrails on: the timeout and depth limit, regexes on RE2,
 * `$eval` unavailable, and ranges, `&` and the functions that could allocate without limit in
 * one step bounded (transform-limits.ts). (jsonata's own `sequence` option would cap every
 * sequence, but its per-sequence push wrapper halves the engine's throughput.)
 */
export function guardedExpression(text: string): jsonata.Expression {
  // Regexes run on RE2: a backtracking match is one step jsonata's timeout cannot interrupt.
  const expression = jsonata(text, {
    timeout: TRANSFORM_TIMEOUT_MS,
    stack: TRANSFORM_MAX_DEPTH,
    RegexEngine: LinearRegExp as unknown as RegExpConstructor,
  });
  const regexes = new Map<unknown, RegExp>();
  const copies: JsonataNode[] = [];
  for (const node of walkNodes(expression.ast() as JsonataNode)) {
    if (node.type !== 'regex') continue;
    // The engine reads the literal's position from it, for an error that says where.
    if (node.value instanceof RegExp) regexes.set(node.position, Object.assign(node.value, { position: node.position }));
    else copies.push(node);
  }
  // jsonata copies the left side of `?:` for its condition, and the copy's regex becomes `{}`:
  // the literal at the same position is the one it was.
  for (const copy of copies) copy.value = regexes.get(copy.position) ?? copy.value;
  expression.registerFunction('eval', () => {
    throw { code: 'SW001', message: '$eval is not available in Specwright transforms' };
  });
  installLimits(expression);
  return expression;
}

/** JSONata's boolean cast (as in `? :`): empty, zero, '' and functions are false. */
export function jsonataTruthy(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.length === 1 ? jsonataTruthy(value[0]) : value.some(jsonataTruthy);
  if (typeof value === 'string') return value.length > 0;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'function') return false;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return false;
}

/** Describes a jsonata runtime error in one sentence. */
export function describeTransformError(error: unknown): string {
  const e = error as { code?: string; message?: string; position?: number; value?: unknown };
  if (e?.code === 'D1012') return `ran longer than ${TRANSFORM_TIMEOUT_MS} ms and was stopped (a loop or runaway recursion?)`;
  if (e?.code === 'D1011') return `nested deeper than ${TRANSFORM_MAX_DEPTH} levels and was stopped (runaway recursion?)`;
  if (error instanceof RangeError) return `ran out of room: ${error.message}`;
  const where = typeof e?.position === 'number' ? ` at character ${e.position}` : '';
  return `failed${where}: ${e?.message ?? String(error)}`;
}
