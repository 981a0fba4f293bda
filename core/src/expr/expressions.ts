import jsonata from 'jsonata';
import { recogniseSimpleExpression } from './simple-syntax.js';

/** A JSONata expression read once: the inputs it reads, or why it is not valid JSONata. */
export type ParsedExpression =
  | { ok: true; inputRefs: string[] }
  | { ok: false; message: string; position?: number };

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
  const simple = recogniseSimpleExpression(expression);
  if (simple) return { ok: true, inputRefs: simple.inputRefs };
  try {
    return { ok: true, inputRefs: inputReferences(jsonata(expression).ast() as JsonataNode) };
  } catch (error) {
    const e = error as { message?: string; position?: number; token?: string };
    const result: ParsedExpression = { ok: false, message: e.message ?? String(error) };
    if (typeof e.position === 'number') result.position = e.position;
    return result;
  }
}

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
