import { describe, expect, it } from 'vitest';
import { completenessOf, SAMPLE_COMPLETENESS, sampleFindings } from '../../../test/support/reports.js';
import { buildCheckReport, checkExitCode, describeLocation } from './check-report.js';

describe('buildCheckReport', () => {
  it('counts findings by severity and those that reach --fail-on', () => {
    const files = [{ file: 'spec.yaml', findings: sampleFindings(), completeness: SAMPLE_COMPLETENESS }];
    expect(buildCheckReport(files, [], 'error').summary).toStrictEqual({ files: 1, errors: 1, warnings: 1, infos: 1, failOn: 'error', failing: 1, unreadable: 0 });
    expect(buildCheckReport(files, [], 'warn').summary.failing).toBe(2);
    expect(buildCheckReport(files, [], 'info').summary.failing).toBe(3);
  });

  it('lists findings of all files in order, and completeness per file and combined', () => {
    const a = { file: 'a.yaml', findings: sampleFindings('a.yaml'), completeness: SAMPLE_COMPLETENESS };
    const b = { file: 'b.yaml', findings: sampleFindings('b.yaml').slice(0, 1), completeness: completenessOf({ businessCase: [1, 1] }) };
    const report = buildCheckReport([a, b], [{ file: 'c.yaml', message: 'is empty' }], 'error');
    expect(report.findings.map((f) => `${f.file} ${f.rule}`)).toStrictEqual([
      'a.yaml use-case-story',
      'a.yaml trigger-backup',
      'a.yaml system-ref',
      'b.yaml use-case-story',
    ]);
    expect(report.completeness.files).toStrictEqual({ 'a.yaml': a.completeness, 'b.yaml': b.completeness });
    expect(report.completeness.stage).toBe('useCases');
    expect(report.completeness.layers.map((l) => [l.complete, l.total])).toStrictEqual([[2, 2], [1, 2], [0, 1], [3, 3], [2, 2]]);
    expect(report.summary).toMatchObject({ files: 3, unreadable: 1, warnings: 2 });
  });

  it('with no readable file: no findings, completeness 0 at the first stage', () => {
    const report = buildCheckReport([], [{ file: 'x.yaml', message: 'is empty' }], 'error');
    expect(report.findings).toStrictEqual([]);
    expect(report.completeness).toStrictEqual({ overall: 0, stage: 'businessCase', layers: [], files: {} });
  });
});

describe('checkExitCode', () => {
  const file = (findings = sampleFindings()) => [{ file: 'spec.yaml', findings, completeness: SAMPLE_COMPLETENESS }];
  it('is 0 when nothing reaches --fail-on, 1 when something does, 2 for an unreadable file', () => {
    expect(checkExitCode(buildCheckReport(file([]), [], 'info'))).toBe(0);
    expect(checkExitCode(buildCheckReport(file(sampleFindings().slice(0, 2)), [], 'error'))).toBe(0);
    expect(checkExitCode(buildCheckReport(file(sampleFindings().slice(0, 2)), [], 'warn'))).toBe(1);
    expect(checkExitCode(buildCheckReport(file(sampleFindings().slice(1, 2)), [], 'warn'))).toBe(0);
    expect(checkExitCode(buildCheckReport(file(sampleFindings().slice(1, 2)), [], 'info'))).toBe(1);
    expect(checkExitCode(buildCheckReport(file(), [], 'error'))).toBe(1);
    expect(checkExitCode(buildCheckReport(file(), [{ file: 'x.yaml', message: 'is empty' }], 'error'))).toBe(2);
    expect(checkExitCode(buildCheckReport([], [{ file: 'x.yaml', message: 'is empty' }], 'info'))).toBe(2);
  });
});

describe('describeLocation', () => {
  it('is file:line:column where known', () => {
    expect(describeLocation('a.yaml', 3, 7)).toBe('a.yaml:3:7');
    expect(describeLocation('a.yaml', 3)).toBe('a.yaml:3');
    expect(describeLocation('a.yaml')).toBe('a.yaml');
    expect(describeLocation('a.yaml', undefined, 7)).toBe('a.yaml');
    expect(describeLocation(undefined, 3, 7)).toBe(':3:7');
  });
});
