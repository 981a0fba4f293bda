import { expect } from 'vitest';
import {
  LAYERS,
  RULE_CATALOGUE,
  checkText,
  checkSpec,
  indexSpec,
  loadSource,
  measureCompleteness,
  type CompletenessReport,
  type Finding,
  type LoadResult,
  type SourceFormat,
} from '@specwright/core';

/**
 * What "never crashes" means for every entry point: a load either fails with a message (the
 * exit-2 path) or gives a mapping; a check gives findings that each carry a known rule, a
 * severity, a message, the id and the JSON Pointer of an element; completeness adds up.
 */

const RULE_IDS = new Set(RULE_CATALOGUE.map((r) => r.id));
const SEVERITIES = new Set(['error', 'warn', 'info']);
const STAGES = new Set<string>([...LAYERS, 'complete']);

/** A line and column are both given (1-based integers) or both absent. */
export function expectPosition(line: unknown, column: unknown): void {
  if (line === undefined && column === undefined) return;
  expect(Number.isInteger(line) && (line as number) >= 1, `line ${String(line)}`).toBe(true);
  expect(Number.isInteger(column) && (column as number) >= 1, `column ${String(column)}`).toBe(true);
}

export function expectLoadResult(result: LoadResult): void {
  if (!result.ok) {
    expect(typeof result.message).toBe('string');
    expect(result.message.trim()).not.toBe('');
    expectPosition(result.line, result.column);
    return;
  }
  expect(typeof result.value === 'object' && result.value !== null && !Array.isArray(result.value)).toBe(true);
  expect(typeof result.locate).toBe('function');
}

export function expectFindings(findings: readonly Finding[]): void {
  expect(Array.isArray(findings)).toBe(true);
  for (const f of findings) {
    expect(RULE_IDS.has(f.rule), `unknown rule ${JSON.stringify(f.rule)}`).toBe(true);
    expect(SEVERITIES.has(f.severity), `severity ${JSON.stringify(f.severity)}`).toBe(true);
    expect(typeof f.message === 'string' && f.message.trim() !== '', `message of ${f.rule}`).toBe(true);
    expect(typeof f.id, `id of ${f.rule}`).toBe('string');
    expect(typeof f.path, `path of ${f.rule}`).toBe('string');
    expect(f.path === '' || f.path.startsWith('/'), `path ${JSON.stringify(f.path)}`).toBe(true);
    if (f.valuePath !== undefined) expect(f.valuePath === '' || f.valuePath.startsWith('/')).toBe(true);
    expectPosition(f.line, f.column);
  }
}

export function expectCompleteness(report: CompletenessReport): void {
  expect(STAGES.has(report.stage)).toBe(true);
  expect(report.overall >= 0 && report.overall <= 1).toBe(true);
  expect(report.layers.map((l) => l.layer)).toEqual([...LAYERS]);
  for (const layer of report.layers) {
    expect(layer.complete >= 0 && layer.complete <= layer.total).toBe(true);
    expect(layer.ratio >= 0 && layer.ratio <= 1).toBe(true);
    expect(layer.incomplete.length).toBe(layer.total - layer.complete);
  }
}

/** A parsed document through the pure path: index, check, completeness. */
export function expectChecksCleanly(document: unknown): void {
  const index = indexSpec(document);
  const findings = checkSpec(index);
  expectFindings(findings);
  expectCompleteness(measureCompleteness(index, findings));
  // The raw-document overload gives the same findings as the indexed one.
  expect(checkSpec(document)).toEqual(findings);
}

/**
 * A text through loadSource and checkText (which indexes, checks, locates and measures what
 * loaded). `alsoInMemory` runs the pure path on the loaded value too.
 */
export function expectHandled(text: string, format: SourceFormat, alsoInMemory = false): void {
  const loaded = loadSource(text, format);
  expectLoadResult(loaded);
  const checked = checkText(text, { file: format === 'json' ? 'spec.json' : 'spec.yaml', format });
  expect(checked.ok).toBe(loaded.ok);
  if (!checked.ok) {
    expect(checked.error.message.trim()).not.toBe('');
    expectPosition(checked.error.line, checked.error.column);
    return;
  }
  expectFindings(checked.findings);
  expectCompleteness(checked.completeness);
  if (alsoInMemory && loaded.ok) expectChecksCleanly(loaded.value);
}
