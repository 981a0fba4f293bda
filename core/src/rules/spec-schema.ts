import { validateSpecSchema } from '../model/schema.js';
import { parentPointer } from '../model/pointer.js';
import type { AnyElement } from '../model/spec-index.js';
import type { Rule, RuleFinding } from './rule.js';

export const specSchema: Rule = {
  id: 'spec-schema',
  severity: 'error',
  layer: 'element',
  description:
    'The document must fit the spec format: the right types, the required keys that no other rule covers, values from the allowed lists, and no keys the format does not name (keys starting with `x-` are extensions and are kept). Every surface — YAML, Confluence, Notion — converts to and from this one model, so a document that does not fit it cannot travel between them without loss. Keys named `__proto__`, `constructor` or `prototype` are keys like any other. An element\'s first 100 problems are listed, and one more finding counts the rest (`… and 999,900 more unknown keys here`), so a broken document gives findings in proportion to its elements, never to the keys inside one.',
  check({ index }) {
    const findings: RuleFinding[] = [];
    for (const issue of validateSpecSchema(index.raw)) {
      findings.push({ element: enclosingElement(index.byPath, issue.pointer) ?? index.root, message: issue.message, at: issue.pointer });
    }
    return findings;
  },
};

/** The element that holds a pointer: the nearest ancestor that is an indexed element. */
function enclosingElement(byPath: Map<string, AnyElement>, pointer: string): AnyElement | undefined {
  for (let p: string | undefined = pointer; p !== undefined; p = parentPointer(p)) {
    const element = byPath.get(p);
    if (element) return element;
  }
  return undefined;
}
