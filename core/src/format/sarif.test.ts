import { describe, expect, it } from 'vitest';
import { SAMPLE_COMPLETENESS, sampleFindings } from '../../../test/support/reports.js';
import { validateSarif } from '../../../test/support/report-parsers.js';
import { RULE_CATALOGUE } from '../rules/catalogue.js';
import { buildCheckReport } from './check-report.js';
import { artifactUri, formatSarif } from './sarif.js';

const DOCS = 'https://github.com/specwright-dev/specwright/blob/main/docs/rules.md';

describe('formatSarif', () => {
  const report = buildCheckReport(
    [{ file: 'specs/spec.yaml', findings: sampleFindings('specs/spec.yaml'), completeness: SAMPLE_COMPLETENESS }],
    [],
    'error',
  );
  const log = JSON.parse(formatSarif(report, '9.9.9'));

  it('is valid SARIF 2.1.0', () => {
    expect(validateSarif(log).errors).toBeNull();
    expect(log.version).toBe('2.1.0');
  });

  it('describes every rule of the catalogue, in its order, with help and default level', () => {
    const rules = log.runs[0].tool.driver.rules;
    expect(log.runs[0].tool.driver).toMatchObject({ name: 'Specwright', version: '9.9.9' });
    expect(rules.map((r: { id: string }) => r.id)).toStrictEqual(RULE_CATALOGUE.map((r) => r.id));
    const systemRef = rules.find((r: { id: string }) => r.id === 'system-ref');
    expect(systemRef).toMatchObject({ helpUri: `${DOCS}#system-ref`, defaultConfiguration: { level: 'error' } });
    expect(rules.find((r: { id: string }) => r.id === 'trigger-backup').defaultConfiguration).toStrictEqual({ level: 'note' });
  });

  it('one result per finding, with ruleIndex, level, region and the element as a logical location', () => {
    const results = log.runs[0].results;
    const index = (id: string) => RULE_CATALOGUE.findIndex((r) => r.id === id);
    expect(results[2]).toStrictEqual({
      ruleId: 'system-ref',
      level: 'error',
      message: { text: 'target system "z" is not declared' },
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: 'specs/spec.yaml' }, region: { startLine: 20, startColumn: 19 } },
          logicalLocations: [{ name: 'DF-1', fullyQualifiedName: '/useCases/0/dataFlows/0', kind: 'element' }],
        },
      ],
      properties: { id: 'DF-1', path: '/useCases/0/dataFlows/0', valuePath: '/useCases/0/dataFlows/0/target/system' },
      ruleIndex: index('system-ref'),
    });
    expect(results.map((r: { ruleId: string; ruleIndex: number; level: string }) => [r.ruleId, r.ruleIndex, r.level])).toStrictEqual([
      ['use-case-story', index('use-case-story'), 'warning'],
      ['trigger-backup', index('trigger-backup'), 'note'],
      ['system-ref', index('system-ref'), 'error'],
    ]);
    expect(log.runs[0].artifacts).toStrictEqual([{ location: { uri: 'specs/spec.yaml' } }]);
    expect(log.runs[0].invocations).toStrictEqual([{ executionSuccessful: true, toolExecutionNotifications: [] }]);
  });

  it('a finding without a position has no region; the document element is "/"; an unknown rule has no ruleIndex', () => {
    const finding = { ...sampleFindings()[0]!, rule: 'not-a-rule', path: '', line: undefined, column: undefined };
    const sarif = JSON.parse(formatSarif(buildCheckReport([{ file: 'a.yaml', findings: [finding], completeness: SAMPLE_COMPLETENESS }], [], 'error')));
    expect(validateSarif(sarif).errors).toBeNull();
    const [result] = sarif.runs[0].results;
    expect(result.ruleIndex).toBeUndefined();
    expect(result.locations[0].physicalLocation).toStrictEqual({ artifactLocation: { uri: 'spec.yaml' } });
    expect(result.locations[0].logicalLocations[0].fullyQualifiedName).toBe('/');
  });

  it('unreadable files: executionSuccessful false and a notification each, still valid', () => {
    const sarif = JSON.parse(
      formatSarif(buildCheckReport([], [{ file: 'bad dir/x.json', message: 'is not valid JSON', line: 3, column: 4 }, { file: 'gone.yaml', message: 'cannot be read' }], 'error')),
    );
    expect(validateSarif(sarif).errors).toBeNull();
    expect(sarif.runs[0].invocations[0]).toStrictEqual({
      executionSuccessful: false,
      toolExecutionNotifications: [
        {
          level: 'error',
          message: { text: 'bad dir/x.json is not valid JSON' },
          locations: [{ physicalLocation: { artifactLocation: { uri: 'bad%20dir/x.json' }, region: { startLine: 3, startColumn: 4 } } }],
        },
        { level: 'error', message: { text: 'gone.yaml cannot be read' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'gone.yaml' } } }] },
      ],
    });
    expect(sarif.runs[0].results).toStrictEqual([]);
  });

  it('hostile messages and ids are kept exactly', () => {
    const hostile = 'a|b\r\n<c>&"\'%::,😀 \u202eשלום';
    const finding = { ...sampleFindings()[0]!, id: hostile, message: hostile };
    const sarif = JSON.parse(formatSarif(buildCheckReport([{ file: 'a.yaml', findings: [finding], completeness: SAMPLE_COMPLETENESS }], [], 'error')));
    expect(validateSarif(sarif).errors).toBeNull();
    expect(sarif.runs[0].results[0].message.text).toBe(hostile);
    expect(sarif.runs[0].results[0].locations[0].logicalLocations[0].name).toBe(hostile);
  });
});

describe('artifactUri', () => {
  it('percent-encodes a path into a relative reference that resolves back to it', () => {
    const cases: [string, string][] = [
      ['spec.yaml', 'spec.yaml'],
      ['specs/a b.yaml', 'specs/a%20b.yaml'],
      ['100%.yaml', '100%25.yaml'],
      ['a:b.yaml', 'a%3Ab.yaml'],
      ['dir/#1?.yaml', 'dir/%231%3F.yaml'],
      ['ü/😀.yaml', '%C3%BC/%F0%9F%98%80.yaml'],
      ['a|b[1].yaml', 'a%7Cb%5B1%5D.yaml'],
      ['/abs/path.yaml', '/abs/path.yaml'],
      ['dir\\win.yaml', 'dir/win.yaml'],
    ];
    for (const [file, uri] of cases) {
      expect(artifactUri(file), file).toBe(uri);
      expect(decodeURIComponent(new URL(uri, 'file:///base/').pathname), file).toBe(
        file.startsWith('/') ? file : `/base/${file.replace(/\\/g, '/')}`,
      );
    }
  });

  it('makes a Windows drive path a file URI', () => {
    expect(artifactUri('C:\\specs\\a b.yaml')).toBe('file:///C:/specs/a%20b.yaml');
  });
});
