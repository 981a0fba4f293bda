import { loadSource, type LoadFailure, type SourceFormat } from '../load/load-source.js';
import { indexSpec, type SpecIndex } from '../model/spec-index.js';
import { checkSpec, locateFindings } from './check-spec.js';
import { measureCompleteness, type CompletenessReport } from './completeness.js';
import type { Finding } from './finding.js';

export interface CheckedSource {
  ok: true;
  file: string;
  index: SpecIndex;
  findings: Finding[];
  completeness: CompletenessReport;
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
