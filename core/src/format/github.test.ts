import { describe, expect, it } from 'vitest';
import { SAMPLE_COMPLETENESS, sampleFindings } from '../../../test/support/reports.js';
import { parseGithubAnnotation } from '../../../test/support/report-parsers.js';
import { buildCheckReport } from './check-report.js';
import { formatGithub } from './github.js';
import { printable } from './printable.js';

describe('formatGithub', () => {
  it('one workflow command per finding: error, warning or notice, with file, line, col and title', () => {
    const report = buildCheckReport(
      [{ file: 'spec.yaml', findings: sampleFindings(), completeness: SAMPLE_COMPLETENESS }],
      [
        { file: 'bad.json', message: 'is not valid JSON', line: 2, column: 3 },
        { file: 'gone.yaml', message: 'cannot be read' },
      ],
      'error',
    );
    expect(formatGithub(report)).toBe(
      [
        '::error file=bad.json,line=2,col=3,title=specwright%3A not a readable spec::is not valid JSON',
        '::error file=gone.yaml,title=specwright%3A not a readable spec::cannot be read',
        '::warning file=spec.yaml,line=12,col=5,title=use-case-story (UC-2)::use case has no story',
        '::notice file=spec.yaml,line=18,col=9,title=trigger-backup (DF-1)::data flow is started only by events',
        '::error file=spec.yaml,line=20,col=19,title=system-ref (DF-1)::target system "z" is not declared',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing for a clean report', () => {
    expect(formatGithub(buildCheckReport([{ file: 'a.yaml', findings: [], completeness: SAMPLE_COMPLETENESS }], [], 'error'))).toBe('');
  });

  it('escapes % in the message, CR and LF visibly (one annotation a line); also : and , in properties', () => {
    const finding = {
      ...sampleFindings()[2]!,
      file: 'dir/a,b:c%.yaml',
      id: 'DF,1: 50%\r\n::error::x',
      message: '100% done\r\nnext line\r::warning file=x::y, z: w',
    };
    const out = formatGithub(buildCheckReport([{ file: finding.file, findings: [finding], completeness: SAMPLE_COMPLETENESS }], [], 'error'));
    expect(out).toBe(
      '::error file=dir/a%2Cb%3Ac%25.yaml,line=20,col=19,title=system-ref (DF%2C1%3A 50%25\\r\\n%3A%3Aerror%3A%3Ax)::100%25 done\\r\\nnext line\\r::warning file=x::y, z: w\n',
    );
    expect(parseGithubAnnotation(out.trimEnd())).toStrictEqual({
      command: 'error',
      properties: { file: finding.file, line: '20', col: '19', title: `system-ref (${printable(finding.id)})` },
      message: printable(finding.message),
    });
  });

  it('a finding without a position has no line or col; one without a column has col=1', () => {
    const [a, b] = sampleFindings();
    const findings = [{ ...a!, line: undefined, column: undefined }, { ...b!, column: undefined }];
    expect(formatGithub(buildCheckReport([{ file: 'spec.yaml', findings, completeness: SAMPLE_COMPLETENESS }], [], 'error'))).toBe(
      '::warning file=spec.yaml,title=use-case-story (UC-2)::use case has no story\n' +
        '::notice file=spec.yaml,line=18,col=1,title=trigger-backup (DF-1)::data flow is started only by events\n',
    );
  });
});
