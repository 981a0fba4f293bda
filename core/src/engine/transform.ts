import jsonata from 'jsonata';
import { walkNodes, type JsonataNode } from '../expr/expressions.js';

/** Guardrails for every evaluation: a transform that loops or recurses ends with an error. */
export const TRANSFORM_TIMEOUT_MS = 1000;
export const TRANSFORM_MAX_DEPTH = 250;
/** The longest string `$pad` may build; jsonata's own would try to allocate any width. */
export const MAX_PAD_WIDTH = 100_000;

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
  const expression = jsonata(text, { timeout: TRANSFORM_TIMEOUT_MS, stack: TRANSFORM_MAX_DEPTH });
  const conditions = new Map<JsonataNode, number>();
  const branches: Branch[] = [];
  for (const node of walkNodes(expression.ast() as JsonataNode)) {
    if (node.type !== 'condition') continue;
    const position = typeof node.position === 'number' ? node.position : conditions.size;
    const test = node['condition'] as JsonataNode;
    conditions.set(test, position);
    branches.push({ key: `${position}:then`, side: 'then', position }, { key: `${position}:else`, side: 'else', position });
  }
  branches.sort((a, b) => a.position - b.position || (a.side === 'then' ? -1 : 1));

  expression.registerFunction('eval', () => {
    throw { code: 'SW001', message: '$eval is not available in Specwright transforms' };
  });
  expression.registerFunction(
    'pad',
    (str: string | undefined, width: number, char?: string) => {
      if (str === undefined) return undefined;
      if (Math.abs(width) > MAX_PAD_WIDTH) throw { code: 'SW002', message: `$pad width ${width} is over the limit of ${MAX_PAD_WIDTH}` };
      const fill = char === undefined || char === '' ? ' ' : char;
      const missing = Math.abs(Math.trunc(width)) - [...str].length;
      if (missing <= 0) return str;
      const padding = fill.repeat(Math.ceil(missing / fill.length)).slice(0, missing);
      return width > 0 ? str + padding : padding + str;
    },
    '<s-n?s?:s>',
  );

  let collecting: Set<string> | undefined;
  if (conditions.size > 0) {
    // jsonata calls this after every node; the condition's value says which side runs next.
    expression.assign(Symbol.for('jsonata.__evaluate_exit') as unknown as string, (node: JsonataNode, _input: unknown, _env: unknown, result: unknown) => {
      if (!collecting) return;
      const position = conditions.get(node);
      if (position !== undefined) collecting.add(`${position}:${jsonataTruthy(result) ? 'then' : 'else'}`);
    });
  }

  return {
    text,
    branches,
    async evaluate(input, bindings, taken) {
      collecting = taken;
      try {
        return await expression.evaluate(input, bindings);
      } finally {
        collecting = undefined;
      }
    },
  };
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
