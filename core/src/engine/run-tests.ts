import type { DataFlowElement, SpecIndex, TestElement } from '../model/spec-index.js';
import type { ExpectedError } from '../model/types.js';
import { declaredForm, parseEntityPath, type Selector } from '../model/field-path.js';
import { givesValueAt } from '../paths/gives-value.js';
import { compileDataFlows, evaluateDataFlow, findWriter, type CompiledDataFlow, type RunProblem, type UnwrittenTarget } from './data-flow.js';
import { partialMatch } from './partial-match.js';
import type { Branch } from './transform.js';

/** Why a test failed: a value that differs, an error nobody expected, or an expected error missing. */
export type TestProblem =
  | { kind: 'mismatch'; path: string; expected: unknown; actual: unknown; mapping?: string; message: string }
  | { kind: 'unexpected-error'; path?: string; input?: string; code: string; mapping?: string; message: string }
  | { kind: 'missing-error'; path?: string; input?: string; code?: string; message: string };

export interface TestResult {
  id: string;
  dataFlow: string;
  /** JSON Pointer of the test case. */
  path: string;
  title?: string;
  status: 'pass' | 'fail';
  problems: TestProblem[];
  /** Every problem the run reported, expected or not. */
  reported: RunProblem[];
  records: Record<string, unknown>;
}

export interface BranchCoverage {
  mapping: string;
  path: string;
  transform: string;
  branches: (Branch & { taken: boolean })[];
}

export interface TestRun {
  results: TestResult[];
  /** Per mapping: asserted by the `expect` of some passing test. */
  mappings: { mapping: string; path: string; asserted: boolean }[];
  branches: BranchCoverage[];
  summary: { tests: number; passed: number; failed: number };
}

const samePath = (a: string, b: string): boolean => {
  if (a === b) return true;
  const pa = parseEntityPath(a);
  const pb = parseEntityPath(b);
  return pa.ok && pb.ok && pa.path.entity === pb.path.entity && declaredForm(pa.path.segments) === declaredForm(pb.path.segments);
};

function reports(problem: RunProblem, expected: ExpectedError): boolean {
  if (expected.code !== undefined && problem.code !== expected.code) return false;
  if (expected.input !== undefined) return 'input' in problem && problem.input === expected.input;
  if (expected.path !== undefined) return 'path' in problem && samePath(problem.path, expected.path);
  return false;
}

/** A value in a message: short, and never throwing (records can be deep or large). */
function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  let text: string;
  try {
    text = JSON.stringify(value);
  } catch {
    return Array.isArray(value) ? 'a list too deep to show' : 'an object too deep to show';
  }
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/**
 * The mapping that would have written a path, of those that wrote nothing: its target is the
 * path, or lies inside or around it (`[]` stands for any index; `[key=value]` could be any).
 * The closest in length wins, an element's own entry before its mapping's.
 */
function whyUnwritten(unwritten: readonly UnwrittenTarget[], path: string): UnwrittenTarget | undefined {
  const wanted = parseEntityPath(path);
  if (!wanted.ok) return undefined;
  let best: { entry: UnwrittenTarget; distance: number } | undefined;
  for (const entry of unwritten) {
    const target = parseEntityPath(entry.path);
    if (!target.ok || target.path.entity !== wanted.path.entity) continue;
    const a = wanted.path.segments;
    const b = target.path.segments;
    const common = Math.min(a.length, b.length);
    let fits = true;
    for (let i = 0; i < common && fits; i++) {
      // The last segment of the shorter path names the whole list when it has no selector.
      const whole = i === common - 1 && a.length !== b.length && !(a.length < b.length ? a[i]! : b[i]!).selector;
      fits = a[i]!.name === b[i]!.name && (whole || selectorsMeet(a[i]!.selector, b[i]!.selector));
    }
    if (!fits) continue;
    const distance = Math.abs(a.length - b.length) * 2 + (b.some((s) => s.selector?.kind === 'each') ? 1 : 0);
    if (!best || distance < best.distance) best = { entry, distance };
  }
  return best?.entry;
}

function selectorsMeet(a: Selector | undefined, b: Selector | undefined): boolean {
  if (!a || !b) return !a && !b;
  if (a.kind === 'each' || b.kind === 'each' || a.kind === 'match' || b.kind === 'match') return true;
  return a.index === b.index;
}

/** Runs one test case: the pass/fail semantics of spec-format.md, "Test cases". */
export async function runTestCase(flow: CompiledDataFlow, test: TestElement, taken?: Map<string, Set<string>>): Promise<TestResult> {
  const t = test.value;
  const run = await evaluateDataFlow(flow, t.given, t.inputs, taken);
  const problems: TestProblem[] = [];
  if (t.expect) {
    for (const entity of Object.keys(t.expect)) {
      const actual = Object.prototype.hasOwnProperty.call(run.records, entity) ? run.records[entity] : undefined;
      for (const mismatch of partialMatch(t.expect[entity], actual, entity)) {
        const writer = findWriter(run.writers, mismatch.path);
        // Nothing there and nobody wrote it: say which mapping should have, and why it did not.
        const unwritten = writer === undefined && mismatch.actual === undefined ? whyUnwritten(run.unwritten, mismatch.path) : undefined;
        const mapping = writer ?? unwritten?.mapping;
        const why = writer ? ` (written by ${writer})` : unwritten ? `: ${unwritten.reason}` : ' (no mapping wrote it)';
        problems.push({
          kind: 'mismatch',
          ...mismatch,
          ...(mapping ? { mapping } : {}),
          message: `${mismatch.path}: expected ${show(mismatch.expected)}, got ${show(mismatch.actual)}${why}`,
        });
      }
    }
  }
  if (t.expectErrors) {
    for (const expected of t.expectErrors) {
      if (run.problems.some((p) => reports(p, expected))) continue;
      const what = expected.input !== undefined ? `input ${expected.input}` : (expected.path ?? '?');
      problems.push({ kind: 'missing-error', ...expected, message: `expected a ${expected.code ?? ''} error for ${what}, but the run reported none`.replace('a  error', 'an error') });
    }
  } else {
    for (const p of run.problems) {
      problems.push({ kind: 'unexpected-error', ...p, message: p.message } as TestProblem);
    }
  }
  const result: TestResult = { id: test.id, dataFlow: test.dataFlow.id, path: test.path, status: problems.length === 0 ? 'pass' : 'fail', problems, reported: run.problems, records: run.records };
  if (t.title !== undefined) result.title = t.title;
  return result;
}

/** A test whose data defeats the runner (nesting deeper than the stack, say) fails with a reason. */
export async function runTestCaseSafely(flow: CompiledDataFlow, test: TestElement, taken: Map<string, Set<string>>): Promise<TestResult> {
  try {
    return await runTestCase(flow, test, taken);
  } catch (error) {
    const message = `the test could not be run: ${error instanceof RangeError ? 'its data is nested too deeply' : error instanceof Error ? error.message : String(error)}`;
    return { id: test.id, dataFlow: test.dataFlow.id, path: test.path, status: 'fail', problems: [{ kind: 'unexpected-error', code: 'run', message }], reported: [], records: {} };
  }
}

/**
 * Runs one test case of a compiled data flow and adds the transform branches it took to
 * `taken` (by mapping id). The default runs it here; the CLI passes one that runs it in a
 * worker with a hard deadline and memory ceiling (cli/src/sandbox).
 */
export type TestCaseRunner = (flow: CompiledDataFlow, test: TestElement, taken: Map<string, Set<string>>) => Promise<TestResult>;

export interface RunTestsOptions {
  runTestCase?: TestCaseRunner;
}

/** Runs every test case of a spec (or of the given data flows), with mapping and branch coverage. */
export async function runTests(index: SpecIndex, flows: readonly DataFlowElement[] = index.dataFlows, options: RunTestsOptions = {}): Promise<TestRun> {
  const runOne = options.runTestCase ?? runTestCaseSafely;
  const results: TestResult[] = [];
  const mappings: TestRun['mappings'] = [];
  const branches: BranchCoverage[] = [];
  for (const compiled of compileDataFlows(index, flows)) {
    const flow = compiled.element;
    const taken = new Map<string, Set<string>>();
    const tests = index.tests.filter((t) => t.dataFlow === flow);
    const flowResults: TestResult[] = [];
    for (const test of tests) flowResults.push(await runOne(compiled, test, taken));
    results.push(...flowResults);

    for (const mapping of compiled.mappings) {
      const target = mapping.target;
      const asserted = tests.some((test, i) => {
        const expect = test.value.expect;
        return flowResults[i]!.status === 'pass' && expect !== undefined && Object.prototype.hasOwnProperty.call(expect, target.entity) && givesValueAt(expect[target.entity], target.segments);
      });
      mappings.push({ mapping: mapping.element.id, path: mapping.element.path, asserted });
      if (mapping.transform && mapping.transform.branches.length > 0) {
        const seen = taken.get(mapping.element.id) ?? new Set<string>();
        branches.push({
          mapping: mapping.element.id,
          path: mapping.element.path,
          transform: mapping.transform.text,
          branches: mapping.transform.branches.map((b) => ({ ...b, taken: seen.has(b.key) })),
        });
      }
    }
  }
  const passed = results.filter((r) => r.status === 'pass').length;
  return { results, mappings, branches, summary: { tests: results.length, passed, failed: results.length - passed } };
}
