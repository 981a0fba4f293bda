import { describe, expect, it } from 'vitest';
import { SAMPLE_COMPLETENESS, sampleFindings } from '../../../test/support/reports.js';
import { buildCheckReport } from './check-report.js';
import { formatJson } from './json.js';

describe('formatJson', () => {
  const files = [{ file: 'spec.yaml', findings: sampleFindings(), completeness: SAMPLE_COMPLETENESS }];

  it('prints {findings, completeness, summary}, indented, with a final newline', () => {
    const report = buildCheckReport(files, [], 'warn');
    const out = formatJson(report);
    expect(out.endsWith('}\n')).toBe(true);
    expect(out.startsWith('{\n  "findings": [\n    {\n      "rule": "use-case-story",')).toBe(true);
    expect(JSON.parse(out)).toStrictEqual({
      findings: sampleFindings(),
      completeness: { ...SAMPLE_COMPLETENESS, files: { 'spec.yaml': SAMPLE_COMPLETENESS } },
      summary: { files: 1, errors: 1, warnings: 1, infos: 1, failOn: 'warn', failing: 2, unreadable: 0 },
    });
  });

  it('adds `unreadable` only when a file could not be read', () => {
    const unreadable = [{ file: 'x.json', message: 'is not valid JSON: a trailing comma', line: 1, column: 9 }];
    const parsed = JSON.parse(formatJson(buildCheckReport(files, unreadable, 'error')));
    expect(Object.keys(parsed)).toStrictEqual(['findings', 'completeness', 'summary', 'unreadable']);
    expect(parsed.unreadable).toStrictEqual(unreadable);
  });

  it('keeps any text exactly', () => {
    const hostile = 'a|b\r\n<c>&"\'%::,😀 \u202eשלום\u0000';
    const findings = [{ ...sampleFindings()[0]!, id: hostile, message: hostile }];
    const parsed = JSON.parse(formatJson(buildCheckReport([{ file: hostile, findings, completeness: SAMPLE_COMPLETENESS }], [], 'error')));
    expect(parsed.findings[0].id).toBe(hostile);
    expect(parsed.findings[0].message).toBe(hostile);
    expect(Object.keys(parsed.completeness.files)).toStrictEqual([hostile]);
  });
});
