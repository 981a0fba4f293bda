import { describe, expect, it } from 'vitest';
import { completenessOf, SAMPLE_COMPLETENESS, sampleFindings } from '../../../test/support/reports.js';
import { buildCheckReport } from './check-report.js';
import { formatStylish } from './stylish.js';

const CLEAN_COMPLETENESS = completenessOf({ businessCase: [1, 1] });

describe('formatStylish', () => {
  it('per file: findings by layer (big to small), then by element; completeness; the summary last', () => {
    const report = buildCheckReport(
      [
        { file: 'spec.yaml', findings: sampleFindings(), completeness: SAMPLE_COMPLETENESS },
        { file: 'ok.yaml', findings: [], completeness: CLEAN_COMPLETENESS },
      ],
      [{ file: 'bad.json', message: 'is not valid JSON', line: 1, column: 2 }],
      'error',
    );
    expect(formatStylish(report)).toBe(
      [
        'spec.yaml',
        '  Use cases',
        '    UC-2  /useCases/1',
        '      12:5  warning  use case has no story  use-case-story',
        '  Data flows',
        '    DF-1  /useCases/0/dataFlows/0',
        '      20:19  error    target system "z" is not declared  system-ref',
        '  Triggers, outcomes and mappings',
        '    DF-1  /useCases/0/dataFlows/0',
        '      18:9  info     data flow is started only by events  trigger-backup',
        '  Completeness 78%, stage: Use cases (work here next)',
        '    ✔ Business case                       1/1     100%',
        '      Use cases                           1/2     50%',
        '      Data flows                          0/1     0%',
        '    ✔ Triggers, outcomes and mappings     3/3     100%',
        '    ✔ Test cases                          2/2     100%',
        '',
        'ok.yaml',
        '  Completeness 100%, stage: complete',
        '    ✔ Business case                       1/1     100%',
        '    ✔ Use cases                           0/0     100%',
        '    ✔ Data flows                          0/0     100%',
        '    ✔ Triggers, outcomes and mappings     0/0     100%',
        '    ✔ Test cases                          0/0     100%',
        '',
        '✖ 3 problems (1 error, 1 warning, 1 info), 1 file not readable',
        '',
      ].join('\n'),
    );
  });

  it('groups several findings of one element under it, positions aligned', () => {
    const [warn, , error] = sampleFindings();
    const findings = [
      { ...error!, line: 9, column: 3, rule: 'data-flow-trigger', message: 'no trigger' },
      { ...error! },
      { ...warn!, id: 'DF-1', path: '/useCases/0/dataFlows/0', rule: 'outcome-failure', message: 'no failure outcome', line: undefined, column: undefined },
    ];
    const lines = formatStylish(buildCheckReport([{ file: 's.yaml', findings, completeness: SAMPLE_COMPLETENESS }], [], 'error')).split('\n');
    expect(lines.slice(0, 9)).toStrictEqual([
      's.yaml',
      '  Data flows',
      '    DF-1  /useCases/0/dataFlows/0',
      '      20:19  error    target system "z" is not declared  system-ref',
      '  Triggers, outcomes and mappings',
      '    DF-1  /useCases/0/dataFlows/0',
      '      9:3  error    no trigger  data-flow-trigger',
      '           warning  no failure outcome  outcome-failure',
      '  Completeness 78%, stage: Use cases (work here next)',
    ]);
  });

  it('summary: ✔ when clean, ⚠ when nothing reaches --fail-on, ✖ when something does', () => {
    const clean = buildCheckReport([{ file: 'a.yaml', findings: [], completeness: CLEAN_COMPLETENESS }], [], 'error');
    expect(formatStylish(clean).split('\n').at(-2)).toBe('✔ no problems in 1 file');
    const warnOnly = [{ file: 'a.yaml', findings: sampleFindings().slice(0, 1), completeness: CLEAN_COMPLETENESS }];
    expect(formatStylish(buildCheckReport(warnOnly, [], 'error')).split('\n').at(-2)).toBe('⚠ 1 problem (0 errors, 1 warning, 0 infos)');
    expect(formatStylish(buildCheckReport(warnOnly, [], 'warn')).split('\n').at(-2)).toBe('✖ 1 problem (0 errors, 1 warning, 0 infos)');
    const two = [0, 1].map((i) => ({ file: `${i}.yaml`, findings: [], completeness: CLEAN_COMPLETENESS }));
    expect(formatStylish(buildCheckReport(two, [], 'error'))).toMatch(/\n✔ no problems in 2 files\n$/);
    const unreadableOnly = buildCheckReport([], [{ file: 'x', message: 'is empty' }], 'error');
    expect(formatStylish(unreadableOnly)).toBe('✖ 0 problems (0 errors, 0 warnings, 0 infos), 1 file not readable\n');
  });

  it('prints control characters and bidi overrides in ids, paths, messages and file names as escapes', () => {
    const finding = { ...sampleFindings()[0]!, id: 'UC\n1\r\u202e', path: '/useCases/1', message: 'a\u001b[31mred\u0007\tb\u2066' };
    const out = formatStylish(buildCheckReport([{ file: 'a\nb.yaml', findings: [finding], completeness: SAMPLE_COMPLETENESS }], [], 'error'));
    expect(out.split('\n').slice(0, 4)).toStrictEqual([
      'a\\nb.yaml',
      '  Use cases',
      '    UC\\n1\\r\\u202e  /useCases/1',
      '      12:5  warning  a\\u001b[31mred\\u0007\\tb\\u2066  use-case-story',
    ]);
  });
});
