import { describe, expect, it } from 'vitest';
import { completenessOf, SAMPLE_COMPLETENESS, sampleFindings } from '../../../test/support/reports.js';
import { parseXml, xmlElements } from '../../../test/support/report-parsers.js';
import { buildCheckReport } from './check-report.js';
import { formatJunit } from './junit.js';
import { escapeXml } from './xml.js';

describe('formatJunit', () => {
  it('a suite per file, a case per finding, failed at --fail-on; unreadable files are errors', () => {
    const report = buildCheckReport(
      [
        { file: 'spec.yaml', findings: sampleFindings(), completeness: SAMPLE_COMPLETENESS },
        { file: 'ok.yaml', findings: [], completeness: completenessOf({ businessCase: [1, 1] }) },
      ],
      [{ file: 'bad.json', message: 'is not valid JSON', line: 2, column: 3 }],
      'warn',
    );
    expect(formatJunit(report)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="specwright check" tests="5" failures="2" errors="1">',
        '  <testsuite name="bad.json" tests="1" failures="0" errors="1">',
        '    <testcase classname="bad.json" name="read spec">',
        '      <error message="is not valid JSON">bad.json:2:3 is not valid JSON</error>',
        '    </testcase>',
        '  </testsuite>',
        '  <testsuite name="spec.yaml" tests="3" failures="2" errors="0">',
        '    <testcase classname="spec.yaml" name="use-case-story UC-2">',
        '      <failure type="warn" message="use case has no story">spec.yaml:12:5 /useCases/1 use case has no story</failure>',
        '    </testcase>',
        '    <testcase classname="spec.yaml" name="trigger-backup DF-1">',
        '      <system-out>info: spec.yaml:18:9 /useCases/0/dataFlows/0 data flow is started only by events</system-out>',
        '    </testcase>',
        '    <testcase classname="spec.yaml" name="system-ref DF-1">',
        '      <failure type="error" message="target system &quot;z&quot; is not declared">spec.yaml:20:19 /useCases/0/dataFlows/0 target system &quot;z&quot; is not declared</failure>',
        '    </testcase>',
        '  </testsuite>',
        '  <testsuite name="ok.yaml" tests="1" failures="0" errors="0">',
        '    <testcase classname="ok.yaml" name="specwright check"/>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });

  it('an empty run is still a well-formed document', () => {
    const root = parseXml(formatJunit(buildCheckReport([], [], 'error')));
    expect(root).toStrictEqual({ name: 'testsuites', attributes: { name: 'specwright check', tests: '0', failures: '0', errors: '0' }, children: [], text: '\n' });
  });

  it('hostile text is well-formed XML and reads back as the text, controls escaped visibly (a dashboard shows it)', () => {
    const hostile = 'a<b>&c"d\'e\r\nf\tg ]]> 😀 שלום \u202e';
    const shown = 'a<b>&c"d\'e\\r\\nf\\tg ]]> 😀 שלום \\u202e';
    const finding = { ...sampleFindings()[2]!, file: `f${hostile}.yaml`, id: hostile, message: `${hostile}\u0000\u0001\uFFFE\uD800x` };
    const root = parseXml(formatJunit(buildCheckReport([{ file: `f${hostile}.yaml`, findings: [finding], completeness: SAMPLE_COMPLETENESS }], [], 'error')));
    const [testcase] = xmlElements(root, 'testcase');
    expect(testcase!.attributes).toStrictEqual({ classname: `f${shown}.yaml`, name: `system-ref ${shown}` });
    const [failure] = xmlElements(testcase!, 'failure');
    // NUL and U+0001 are escaped visibly; U+FFFE (a noncharacter) is dropped as XML requires.
    const message = `${shown}\\u0000\\u0001\\ud800x`;
    expect(failure!.attributes['message']).toBe(message);
    expect(failure!.text).toBe(`f${shown}.yaml:20:19 /useCases/0/dataFlows/0 ${message}`);
  });
});

describe('escapeXml', () => {
  it('escapes markup, keeps tab, LF and CR as character references, drops what XML 1.0 cannot hold', () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    expect(escapeXml('a\tb\nc\rd')).toBe('a&#9;b&#10;c&#13;d');
    expect(escapeXml('a\u0000b\u0008c\u000bd\u001fe\uFFFEf\uFFFFg')).toBe('abcdefg');
    expect(escapeXml('lone \uD800 high, lone \uDC00 low')).toBe('lone  high, lone  low');
    expect(escapeXml('😀 שלום \u202e \u0085')).toBe('😀 שלום \u202e \u0085');
  });
});
