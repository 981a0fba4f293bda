import { loadSource, type LoadFailure, type SourceFormat } from '../load/load-source.js';
import { indexSpec, type SpecIndex } from '../model/spec-index.js';
import { checkSpec, locateFindings, sortFindings } from './check-spec.js';
import { runTests, type TestRun } from '../engine/run-tests.js';
import { findingsFromTestRun } from '../engine/run-findings.js';
import { measureCompleteness, type CompletenessReport } from './completeness.js';
import type { Finding } from '../model/finding.js';

export interface CheckedSource {
  ok: true;
  file: string;
  index: SpecIndex;
  findings: Finding[];
  completeness: CompletenessReport;
}

export interface CheckedSourceWithTests extends CheckedSource {
  run: TestRun;
}

export interface UnreadableSource extends LoadFailure {
  file: string;
}

/** Loads a spec's text and checks it: what `specwright check` does for one file, minus the I/O. */
export function checkSource(text: string, file: string, format: SourceFormat): CheckedSource | UnreadableSource {
  const loaded = loadSource(text, format);
  if (!loaded.ok) return { ...loaded, file };
  const index = indexSpec(loaded.value);
  const findings = locateFindings(checkSpec(index), loaded.locate, file);
  return { ok: true, file, index, findings, completeness: measureCompleteness(index, findings) };
}

/**
 * `check --run-tests`: the static check plus the rules that need the tests run
 * (`test-failed`, `test-coverage-branch`).
 */
export async function checkSourceWithTests(text: string, file: string, format: SourceFormat): Promise<CheckedSourceWithTests | UnreadableSource> {
  const loaded = loadSource(text, format);
  if (!loaded.ok) return { ...loaded, file };
  const index = indexSpec(loaded.value);
  const run = await runTests(index);
  const all = sortFindings(index, [...checkSpec(index), ...findingsFromTestRun(run)]);
  const findings = locateFindings(all, loaded.locate, file);
  return { ok: true, file, index, findings, completeness: measureCompleteness(index, findings), run };
}
