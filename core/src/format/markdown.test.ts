import { describe, expect, it } from 'vitest';
import { completenessOf, SAMPLE_COMPLETENESS, sampleFindings } from '../../../test/support/reports.js';
import { markdownCellText, markdownRowCells } from '../../../test/support/report-parsers.js';
import { buildCheckReport } from './check-report.js';
import { cell, codeCell, formatMarkdown } from './markdown.js';

const DOCS = 'https://github.com/specwright-dev/specwright/blob/main/docs/rules.md';

describe('formatMarkdown', () => {
  it('a heading, the counts, unreadable files, then per file its completeness and findings tables', () => {
    const report = buildCheckReport(
      [
        { file: 'spec.yaml', findings: sampleFindings(), completeness: SAMPLE_COMPLETENESS },
        { file: 'ok.yaml', findings: [], completeness: completenessOf({ businessCase: [1, 1] }) },
      ],
      [{ file: 'bad.json', message: 'is not valid JSON', line: 2, column: 3 }],
      'error',
    );
    expect(formatMarkdown(report)).toBe(
      [
        '# Specwright check',
        '',
        '**1** errors, **1** warnings, **1** infos in 3 file(s).',
        '',
        '> **bad.json:2:3** is not valid JSON',
        '',
        '## spec.yaml',
        '',
        'Completeness **78%**, stage: **Use cases**',
        '',
        '| Layer | Complete | Total |',
        '| --- | ---: | ---: |',
        '| Business case | 1 | 1 |',
        '| Use cases | 1 | 2 |',
        '| Data flows | 0 | 1 |',
        '| Triggers, outcomes and mappings | 3 | 3 |',
        '| Test cases | 2 | 2 |',
        '',
        '| Severity | Rule | Element | Where | Message |',
        '| --- | --- | --- | --- | --- |',
        `| 🟡 warning | [use-case-story](${DOCS}#use-case-story) | \`UC-2\` | line 12:5 \`/useCases/1\` | use case has no story |`,
        `| 🔵 info | [trigger-backup](${DOCS}#trigger-backup) | \`DF-1\` | line 18:9 \`/useCases/0/dataFlows/0\` | data flow is started only by events |`,
        `| 🔴 error | [system-ref](${DOCS}#system-ref) | \`DF-1\` | line 20:19 \`/useCases/0/dataFlows/0\` | target system "z" is not declared |`,
        '',
        '## ok.yaml',
        '',
        'Completeness **100%**, stage: **complete**',
        '',
        '| Layer | Complete | Total |',
        '| --- | ---: | ---: |',
        '| Business case | 1 | 1 |',
        '| Use cases | 0 | 0 |',
        '| Data flows | 0 | 0 |',
        '| Triggers, outcomes and mappings | 0 | 0 |',
        '| Test cases | 0 | 0 |',
        '',
        'No findings.',
        '',
      ].join('\n'),
    );
  });

  it('hostile text stays inside its cell, and reads back as it was (line breaks as spaces)', () => {
    const id = 'UC|1 `x` <b>&amp; \\| end\r\nnext\rlast ';
    const message = 'a | b \\| c <script>x</script> &lt; `code|span`\r\nd\re';
    const path = '/use|Cases/0';
    const finding = { ...sampleFindings()[0]!, id, message, path };
    const out = formatMarkdown(buildCheckReport([{ file: 'a|b.yaml', findings: [finding], completeness: SAMPLE_COMPLETENESS }], [], 'error'));
    expect(out).not.toContain('\r');
    expect(out).toContain('## a\\|b.yaml\n');
    const row = out.split('\n').find((l) => l.startsWith('| 🟡'))!;
    const cells = markdownRowCells(row);
    expect(cells).toHaveLength(5);
    expect(markdownCellText(cells[2]!)).toBe('UC|1 `x` <b>&amp; \\| end next last ');
    expect(markdownCellText(cells[3]!.replace(/^line 12:5 /, ''))).toBe('/use|Cases/0');
    expect(markdownCellText(cells[4]!)).toBe('a | b \\| c <script>x</script> &lt; `code|span` d e');
    expect(cells[4]).not.toMatch(/<[a-z/]/i);
  });
});

describe('cell', () => {
  it('escapes pipes and backslashes, entities for & and <, and turns every line break into a space', () => {
    expect(cell('a|b')).toBe('a\\|b');
    expect(cell('a\\b')).toBe('a\\\\b');
    expect(cell('a\\|b')).toBe('a\\\\\\|b');
    expect(cell('<b>&amp;')).toBe('&lt;b>&amp;amp;');
    expect(cell('a\r\nb\nc\rd')).toBe('a b c d');
    expect(cell('😀 שלום')).toBe('😀 שלום');
  });
});

describe('codeCell', () => {
  it('fences text with one more backtick than it holds, escaping only the pipe', () => {
    expect(codeCell('UC-1')).toBe('`UC-1`');
    expect(codeCell('a|b')).toBe('`a\\|b`');
    expect(codeCell('<b>&amp;\\n')).toBe('`<b>&amp;\\n`');
    expect(codeCell('a`b')).toBe('``a`b``');
    expect(codeCell('a``b`c')).toBe('```a``b`c```');
    expect(codeCell('`edge`')).toBe('`` `edge` ``');
    expect(codeCell(' padded ')).toBe('`  padded  `');
    expect(codeCell('x\r\ny\rz')).toBe('`x y z`');
  });

  it('reads back as the text it was given', () => {
    for (const text of ['a|b', 'a`b', '``', '`edge`', ' padded ', 'a\\|b', '<b>&amp;', 'x y']) {
      expect(markdownCellText(codeCell(text)), text).toBe(text);
    }
  });
});
