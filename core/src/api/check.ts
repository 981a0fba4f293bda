import { checkSpec, sortFindings } from '../check/check-spec.js';
import { measureCompleteness } from '../check/completeness.js';
import type { Finding } from '../model/finding.js';
import { findingsFromTestRun } from '../engine/run-findings.js';
import { runTests, type TestRun } from '../engine/run-tests.js';
import { indexSpec, type SpecIndex } from '../model/spec-index.js';
import type { CheckResult, FindingCounts, SpecCheckReport, SpecHeader, SpecTestReport, TestCaseReport, TestRunResult } from './report.js';
import { readSpecPageTree, readSpecText, type PageCodecChoice, type PageTreeOptions, type SpecReading, type TextOptions } from './spec-reading.js';

/**
 * The plain-data API: one call from a spec's text or page tree to a JSON report. These are what
 * the surfaces (a Forge resolver, an HTTP route, a Notion job) call; the CLI's commands do the
 * same with files around them.
 */

export interface RunTestsOption {
  /** Also run the test cases, adding `test-failed` and `test-coverage-branch` (`check --run-tests`). */
  runTests?: boolean;
  /**
   * What runs them: by default `runTests`, here in this process, bounded by the in-process
   * guardrails only (where no worker can be started, as in a Forge function). The CLI passes
   * one that runs each test in a worker with a hard deadline and memory ceiling.
   */
  testRunner?: TestRunner;
}

/** Runs a spec's test cases: `runTests`, or a sandboxed equivalent. */
export type TestRunner = (index: SpecIndex) => Promise<TestRun>;

/** Checks a spec written as YAML or JSON: `specwright check` for one text. */
export function checkText(text: string, options?: TextOptions & { runTests?: false }): CheckResult;
export function checkText(text: string, options: TextOptions & { runTests: true; testRunner?: TestRunner }): Promise<CheckResult>;
export function checkText(text: string, options: TextOptions & RunTestsOption = {}): CheckResult | Promise<CheckResult> {
  const reading = readSpecText(text, options);
  if (!reading.ok) return options.runTests ? Promise.resolve(reading) : reading;
  return options.runTests ? checkWithTests(reading, options.testRunner) : checkReading(reading);
}

/** Checks a Confluence page tree (`[{title, parent, body}]`); a page off the template is a `spec-schema` finding. */
export function checkPageTree(pages: unknown, codec: PageCodecChoice, options?: PageTreeOptions & { runTests?: false }): CheckResult;
export function checkPageTree(pages: unknown, codec: PageCodecChoice, options: PageTreeOptions & { runTests: true; testRunner?: TestRunner }): Promise<CheckResult>;
export function checkPageTree(pages: unknown, codec: PageCodecChoice, options: PageTreeOptions & RunTestsOption = {}): CheckResult | Promise<CheckResult> {
  const reading = readSpecPageTree(pages, codec, options);
  if (!reading.ok) return options.runTests ? Promise.resolve(reading) : reading;
  return options.runTests ? checkWithTests(reading, options.testRunner) : checkReading(reading);
}

/** Runs a spec's test cases from its YAML or JSON text: `specwright test` for one text. */
export async function testText(text: string, options: TextOptions & Pick<RunTestsOption, 'testRunner'> = {}): Promise<TestRunResult> {
  const reading = readSpecText(text, options);
  return reading.ok ? testReading(reading, options.testRunner) : reading;
}

/** Runs the test cases of a spec kept as a Confluence page tree. */
export async function testPageTree(pages: unknown, codec: PageCodecChoice, options: PageTreeOptions & Pick<RunTestsOption, 'testRunner'> = {}): Promise<TestRunResult> {
  const reading = readSpecPageTree(pages, codec, options);
  return reading.ok ? testReading(reading, options.testRunner) : reading;
}

function checkReading(reading: SpecReading): SpecCheckReport {
  const index = indexSpec(reading.document);
  return checkReport(reading, index, [...checkSpec(index), ...reading.readingFindings(index)]);
}

async function checkWithTests(reading: SpecReading, testRunner: TestRunner = runTests): Promise<SpecCheckReport> {
  const index = indexSpec(reading.document);
  const run = await testRunner(index);
  const report = checkReport(reading, index, [...checkSpec(index), ...reading.readingFindings(index), ...findingsFromTestRun(run)]);
  report.summary.tests = { ...run.summary };
  return report;
}

function checkReport(reading: SpecReading, index: SpecIndex, unsorted: Finding[]): SpecCheckReport {
  const findings = locate(reading, sortFindings(index, unsorted));
  return {
    ok: true,
    format: reading.format,
    ...fileOf(reading),
    spec: header(index),
    findings,
    completeness: measureCompleteness(index, findings),
    summary: countFindings(findings),
  };
}

async function testReading(reading: SpecReading, testRunner: TestRunner = runTests): Promise<SpecTestReport> {
  const index = indexSpec(reading.document);
  const run = await testRunner(index);
  return {
    ok: true,
    format: reading.format,
    ...fileOf(reading),
    spec: header(index),
    tests: run.results.map(testCaseReport),
    coverage: { mappings: run.mappings, branches: run.branches },
    findings: locate(reading, sortFindings(index, findingsFromTestRun(run))),
    summary: { ...run.summary },
  };
}

function testCaseReport(result: TestRun['results'][number]): TestCaseReport {
  const report: TestCaseReport = {
    id: result.id,
    dataFlow: result.dataFlow,
    path: result.path,
    status: result.status,
    // Expected and actual values come from the author's records, which YAML lets hold what
    // JSON cannot (.inf, a missing value): they are given as JSON would carry them.
    problems: plainJson(result.problems, []) as TestCaseReport['problems'],
    records: plainJson(result.records, {}) as Record<string, unknown>,
  };
  if (result.title !== undefined) report.title = result.title;
  return report;
}

/** Gives each finding its place in the source: line and column, or page and heading. */
function locate(reading: SpecReading, findings: Finding[]): Finding[] {
  return findings.map((finding) => {
    const located: Finding = { ...finding };
    if (reading.file !== undefined) located.file = reading.file;
    if (located.page !== undefined) return located; // read from the page itself
    const place = (finding.valuePath !== undefined ? reading.locate(finding.valuePath) : undefined) ?? reading.locate(finding.path);
    if (place) Object.assign(located, place);
    return located;
  });
}

function header(index: SpecIndex): SpecHeader {
  const { id, title, status } = index.spec;
  return title === undefined ? { id, status } : { id, title, status };
}

function countFindings(findings: readonly Finding[]): FindingCounts {
  const counts: FindingCounts = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === 'error') counts.errors++;
    else if (f.severity === 'warn') counts.warnings++;
    else counts.infos++;
  }
  return counts;
}

const fileOf = (reading: SpecReading) => (reading.file !== undefined ? { file: reading.file } : {});

/** A value as JSON carries it: what a report holds of the author's data (`fallback` when it is nested too deeply to write). */
function plainJson(value: unknown, fallback: unknown): unknown {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? fallback : JSON.parse(text);
  } catch {
    return fallback;
  }
}
