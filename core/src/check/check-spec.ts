import { indexSpec, type SpecIndex } from '../model/spec-index.js';
import { RULES, type Rule } from '../rules/index.js';
import { RULE_CATALOGUE } from '../rules/catalogue.js';
import { createCheckContext } from '../rules/context.js';
import type { Finding } from '../model/finding.js';

export interface CheckOptions {
  /** Which rules to run; all static rules by default. */
  rules?: readonly Rule[];
}

/**
 * Runs the rules over a parsed document. Pure: no positions (see `locateFindings`), no I/O.
 * Findings come in document order of their element, then in rule-table order.
 */
export function checkSpec(document: unknown | SpecIndex, options: CheckOptions = {}): Finding[] {
  const index = isSpecIndex(document) ? document : indexSpec(document);
  const context = createCheckContext(index);
  const rules = options.rules ?? RULES;
  const found: Finding[] = [];
  for (const rule of rules) {
    for (const result of rule.check(context)) {
      const finding: Finding = {
        rule: rule.id,
        severity: rule.severity,
        message: result.message,
        id: result.element.id,
        path: result.element.path,
      };
      if (result.at !== undefined && result.at !== result.element.path) finding.valuePath = result.at;
      found.push(finding);
    }
  }
  return sortFindings(index, found);
}

const RULE_ORDER = new Map(RULE_CATALOGUE.map((r, i) => [r.id, i] as const));

/** Document order of the element, then the order of the contract's rule table; stable otherwise. */
export function sortFindings(index: SpecIndex, findings: readonly Finding[]): Finding[] {
  if (findings.length === 0) return [];
  // Number only the elements findings name: a large spec has tens of thousands of elements and
  // usually few findings, and filling a map with every path costs more than the rules do.
  const named = new Set(findings.map((f) => f.path));
  const order = new Map<string, number>();
  let n = 0;
  for (const path of index.byPath.keys()) {
    if (named.has(path)) {
      order.set(path, n);
      if (order.size === named.size) break;
    }
    n++;
  }
  return findings
    .map((finding, i) => ({ finding, i, order: order.get(finding.path) ?? 0, rule: RULE_ORDER.get(finding.rule) ?? 0 }))
    .sort((a, b) => a.order - b.order || a.rule - b.rule || a.i - b.i)
    .map((f) => f.finding);
}

function isSpecIndex(value: unknown): value is SpecIndex {
  return typeof value === 'object' && value !== null && 'byPath' in value && 'root' in value && (value as SpecIndex).byPath instanceof Map;
}

/** Adds file, line and column to findings, given a way from pointer to position. */
export function locateFindings(
  findings: readonly Finding[],
  locate: (pointer: string) => { line: number; column: number } | undefined,
  file?: string,
): Finding[] {
  return findings.map((finding) => {
    const located: Finding = { ...finding };
    if (file !== undefined) located.file = file;
    const position = locate(finding.valuePath ?? finding.path) ?? locate(finding.path);
    if (position) {
      located.line = position.line;
      located.column = position.column;
    }
    return located;
  });
}
