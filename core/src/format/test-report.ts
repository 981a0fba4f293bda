import type { TestProblem, TestRun } from '../engine/run-tests.js';
import type { Finding } from '../model/finding.js';
import type { UnreadableFile } from './check-report.js';
import { printable } from './printable.js';
import { escapeXml } from './xml.js';

export interface TestFileRun {
  file: string;
  run: TestRun;
  /** The run's findings (`test-failed`, `test-coverage-branch`), located in the file. */
  findings?: Finding[];
}

/** Everything one `specwright test` run says, whatever the output format. */
export interface TestReport {
  files: TestFileRun[];
  unreadable: UnreadableFile[];
  summary: { files: number; tests: number; passed: number; failed: number; unreadable: number };
}

export const TEST_FORMATS = ['stylish', 'json', 'junit'] as const;
export type TestFormat = (typeof TEST_FORMATS)[number];

export function buildTestReport(files: TestFileRun[], unreadable: UnreadableFile[]): TestReport {
  const tests = files.reduce((n, f) => n + f.run.summary.tests, 0);
  const passed = files.reduce((n, f) => n + f.run.summary.passed, 0);
  return { files, unreadable, summary: { files: files.length + unreadable.length, tests, passed, failed: tests - passed, unreadable: unreadable.length } };
}

/** 2 for an unreadable file, 1 for a failing test, else 0 (check findings do not count). */
export function testExitCode(report: TestReport): 0 | 1 | 2 {
  if (report.unreadable.length > 0) return 2;
  return report.summary.failed > 0 ? 1 : 0;
}

/** `--format json`: `{"tests":[{"id","dataFlow","status","problems"}], "summary":{…}}` plus coverage. */
export function formatTestJson(report: TestReport): string {
  const out: Record<string, unknown> = {
    tests: report.files.flatMap(({ file, run }) =>
      run.results.map((r) => ({ id: r.id, dataFlow: r.dataFlow, status: r.status, problems: r.problems, file, path: r.path, ...(r.title !== undefined ? { title: r.title } : {}), records: r.records })),
    ),
    summary: report.summary,
    findings: report.files.flatMap((f) => f.findings ?? []),
    coverage: report.files.map(({ file, run }) => ({ file, mappings: run.mappings, branches: run.branches })),
  };
  if (report.unreadable.length > 0) out['unreadable'] = report.unreadable;
  return JSON.stringify(out, null, 2) + '\n';
}

/** The default, for people: per file and data flow, each test with why it failed, then coverage. */
export function formatTestStylish(report: TestReport): string {
  const lines: string[] = [];
  for (const { file, run } of report.files) {
    // Ids, titles and messages come from the spec: printed through `printable`, so that none can
    // move the cursor, overwrite its line or print a line of its own.
    lines.push(printable(file));
    let flow = '';
    for (const r of run.results) {
      if (r.dataFlow !== flow) {
        flow = r.dataFlow;
        lines.push(`  ${printable(flow)}`);
      }
      lines.push(`    ${r.status === 'pass' ? '✔' : '✖'} ${printable(r.id)}${r.title ? ` ${printable(r.title)}` : ''}`);
      for (const p of r.problems) lines.push(`        ${printable(p.message)}`);
    }
    if (run.results.length === 0) lines.push('  no test cases');
    const asserted = run.mappings.filter((m) => m.asserted).length;
    const branches = run.branches.flatMap((b) => b.branches);
    const taken = branches.filter((b) => b.taken).length;
    lines.push(`  Coverage: ${asserted}/${run.mappings.length} mappings asserted by passing tests, ${taken}/${branches.length} transform branches taken`);
    for (const b of run.branches) {
      for (const branch of b.branches.filter((x) => !x.taken)) lines.push(`    ${printable(b.mapping)}: the ${branch.side} branch at character ${branch.position} is taken by no test`);
    }
    lines.push('');
  }
  const { passed, failed } = report.summary;
  lines.push(`${failed > 0 || report.unreadable.length > 0 ? '✖' : '✔'} ${passed} passed, ${failed} failed${report.unreadable.length ? `, ${report.unreadable.length} file(s) not readable` : ''}`);
  return lines.join('\n') + '\n';
}

/** JUnit text is shown to people by CI dashboards: printable, then escaped for XML. */
const xmlText = (text: string) => escapeXml(printable(text));
const problemText = (p: TestProblem) => printable(p.message);

/** `--format junit`: a suite per data flow, a case per test, failures with every reason. */
export function formatTestJunit(report: TestReport): string {
  const suites: string[] = [];
  for (const { file, run } of report.files) {
    const flows = [...new Set(run.results.map((r) => r.dataFlow))];
    for (const flow of flows) {
      const results = run.results.filter((r) => r.dataFlow === flow);
      const failures = results.filter((r) => r.status === 'fail').length;
      const cases = results.map((r) => {
        const name = xmlText(`${r.id}${r.title ? ` ${r.title}` : ''}`);
        const open = `    <testcase classname="${xmlText(`${file}#${flow}`)}" name="${name}"`;
        if (r.status === 'pass') return `${open}/>`;
        const text = r.problems.map(problemText).join('\n');
        return `${open}>\n      <failure message="${xmlText(r.problems[0]?.message ?? 'failed')}">${escapeXml(text)}</failure>\n    </testcase>`;
      });
      suites.push(`  <testsuite name="${xmlText(`${file}#${flow}`)}" tests="${results.length}" failures="${failures}" errors="0">\n${cases.join('\n')}\n  </testsuite>`);
    }
  }
  for (const bad of report.unreadable) {
    suites.push(
      `  <testsuite name="${xmlText(bad.file)}" tests="1" failures="0" errors="1">\n    <testcase classname="${xmlText(bad.file)}" name="read spec">\n      <error message="${xmlText(bad.message)}"/>\n    </testcase>\n  </testsuite>`,
    );
  }
  const { tests, failed, unreadable } = report.summary;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="specwright test" tests="${tests + unreadable}" failures="${failed}" errors="${unreadable}">\n${suites.join('\n')}${suites.length ? '\n' : ''}</testsuites>\n`;
}

export const TEST_FORMATTERS: Record<TestFormat, (report: TestReport) => string> = {
  stylish: formatTestStylish,
  json: formatTestJson,
  junit: formatTestJunit,
};
