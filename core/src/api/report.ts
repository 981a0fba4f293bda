import type { Finding } from '../model/finding.js';
import type { CompletenessReport } from '../check/completeness.js';
import type { TestResult, TestRun } from '../engine/run-tests.js';

/**
 * The reports of the plain-data API: what a Forge resolver, an HTTP route or a Notion job gets
 * back. Plain JSON by construction — no Maps, no index objects, no undefined values — so a report
 * crosses a bridge, a socket or a database unchanged (`JSON.parse(JSON.stringify(r))` equals `r`).
 */

/** Where the spec came from: a YAML or JSON text, or a page tree in one representation. */
export type SpecRepresentation = 'yaml' | 'json' | 'adf' | 'storage' | 'markdown';

/** Which spec a report is about. */
export interface SpecHeader {
  id: string;
  title?: string;
  status: string;
}

/** The spec could not be read at all (what `specwright` exits 2 on): nothing was checked. */
export interface UnreadableSpecReport {
  ok: false;
  format: SpecRepresentation;
  file?: string;
  error: { message: string; line?: number; column?: number; page?: string };
}

export interface FindingCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export type TestCounts = TestRun['summary'];

/** `specwright check` for one spec: findings (located), completeness and counts. */
export interface SpecCheckReport {
  ok: true;
  format: SpecRepresentation;
  file?: string;
  spec: SpecHeader;
  findings: Finding[];
  completeness: CompletenessReport;
  summary: FindingCounts & { tests?: TestCounts };
}

/** One test case's outcome, as `specwright test --format json` lists it (without the run's own list of every problem). */
export type TestCaseReport = Omit<TestResult, 'reported'>;

/** `specwright test` for one spec: every test case, coverage, and the run's findings. */
export interface SpecTestReport {
  ok: true;
  format: SpecRepresentation;
  file?: string;
  spec: SpecHeader;
  tests: TestCaseReport[];
  coverage: Pick<TestRun, 'mappings' | 'branches'>;
  /** `test-failed` and `test-coverage-branch`, located like check findings. */
  findings: Finding[];
  summary: TestCounts;
}

export type CheckResult = SpecCheckReport | UnreadableSpecReport;
export type TestRunResult = SpecTestReport | UnreadableSpecReport;
