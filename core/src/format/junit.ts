import { reachesSeverity } from '../model/finding.js';
import type { CheckReport } from './check-report.js';
import { describeLocation } from './check-report.js';
import { printable } from './printable.js';
import { escapeXml } from './xml.js';

/** JUnit text is shown to people by CI dashboards: printable, then escaped for XML. */
const xmlText = (text: string) => escapeXml(printable(text));

/**
 * `--format junit`: a test suite per file, a test case per finding (as ESLint and Spectral do),
 * failed when it reaches the fail-on severity. A clean file has one passing case, so CI
 * dashboards show that it was checked.
 */
export function formatJunit(report: CheckReport): string {
  const suites: string[] = [];
  for (const bad of report.unreadable) {
    const where = describeLocation(bad.file, bad.line, bad.column);
    suites.push(
      `  <testsuite name="${xmlText(bad.file)}" tests="1" failures="0" errors="1">\n` +
        `    <testcase classname="${xmlText(bad.file)}" name="read spec">\n` +
        `      <error message="${xmlText(bad.message)}">${xmlText(`${where} ${bad.message}`)}</error>\n` +
        `    </testcase>\n  </testsuite>`,
    );
  }
  for (const file of report.files) {
    const cases: string[] = [];
    let failures = 0;
    for (const f of file.findings) {
      const name = xmlText(`${f.rule} ${f.id || '(spec)'}`);
      const classname = xmlText(file.file);
      const body = xmlText(`${describeLocation(f.file, f.line, f.column)} ${f.path} ${f.message}`);
      if (reachesSeverity(f, report.summary.failOn)) {
        failures++;
        cases.push(`    <testcase classname="${classname}" name="${name}">\n      <failure type="${f.severity}" message="${xmlText(f.message)}">${body}</failure>\n    </testcase>`);
      } else {
        cases.push(`    <testcase classname="${classname}" name="${name}">\n      <system-out>${escapeXml(`${f.severity}: `)}${body}</system-out>\n    </testcase>`);
      }
    }
    if (cases.length === 0) cases.push(`    <testcase classname="${xmlText(file.file)}" name="specwright check"/>`);
    suites.push(
      `  <testsuite name="${xmlText(file.file)}" tests="${cases.length}" failures="${failures}" errors="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  const tests = report.findings.length + report.files.filter((f) => f.findings.length === 0).length + report.unreadable.length;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="specwright check" tests="${tests}" failures="${report.summary.failing}" errors="${report.unreadable.length}">\n` +
    (suites.length > 0 ? suites.join('\n') + '\n' : '') +
    `</testsuites>\n`
  );
}
