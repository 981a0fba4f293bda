import { describe, expect, it } from 'vitest';
import { SAMPLE_COMPLETENESS } from '../../../test/support/reports.js';
import { parseXml, type XmlElement } from '../../../test/support/report-parsers.js';
import type { TestRun } from '../engine/run-tests.js';
import type { Finding } from '../model/finding.js';
import { buildCheckReport } from './check-report.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';
import { buildTestReport, formatTestJson, formatTestJunit, formatTestStylish } from './test-report.js';

// A spec can put any text in an id, a title or (through them) a message. Each human format must
// show it without letting it erase the line, print a line of its own, or reorder what is shown.
const FAKE_PASS = '\u001b[2K\r✔ 12 passed';
const OSC8 = '\u001b]8;;https://evil.example/\u0007docs\u001b]8;;\u0007';
const BIDI = 'ok \u202egnissap\u202c \u2066x\u2069';
const HOSTILE = `${FAKE_PASS}\n✔ 0 failed ${OSC8} ${BIDI}\u0085\u009b31m\u007f\u200b\u2028`;

/** Every control, format or separator character a terminal or a viewer could act on; LF is checked apart. */
const UNSAFE = /(?!\n)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const UNSAFE_OR_LF = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
/** A line that reads as the hostile text's fake result (after any indentation or command a format adds). */
const FAKE_LINE = /^\s*(::[a-z]+[^:]*::)?\s*✔ \d+ (passed|failed)/;

function assertHonest(output: string) {
  expect(output).not.toMatch(UNSAFE);
  for (const line of output.split('\n')) expect(line, `a line that fakes a result: ${JSON.stringify(line)}`).not.toMatch(FAKE_LINE);
}

const hostileFinding = (): Finding => ({
  rule: 'use-case-story',
  severity: 'error',
  message: `story is missing ${HOSTILE}`,
  id: `UC-1${HOSTILE}`,
  path: `/useCases/0${HOSTILE}`,
  file: `spec${BIDI}.yaml`,
  line: 3,
  column: 5,
});

const checkReport = () =>
  buildCheckReport([{ file: `spec${BIDI}.yaml`, findings: [hostileFinding()], completeness: SAMPLE_COMPLETENESS }], [{ file: `bad${FAKE_PASS}.json`, message: `is not valid JSON: ${HOSTILE}` }], 'error');

const testRun = (): TestRun => ({
  results: [
    {
      id: `TC-1${HOSTILE}`,
      dataFlow: `DF-1${FAKE_PASS}`,
      path: '/useCases/0/dataFlows/0/tests/0',
      title: `a title ${HOSTILE}`,
      status: 'fail',
      problems: [{ kind: 'mismatch', path: 'Customer.email', expected: 'a', actual: 'b', message: `Customer.email: expected "a", got "b" ${HOSTILE}` }],
      reported: [],
      records: {},
    },
  ],
  mappings: [{ mapping: `FM-1${FAKE_PASS}`, path: '/useCases/0/dataFlows/0/mappings/0', asserted: false }],
  branches: [{ mapping: `FM-1${FAKE_PASS}`, path: '/useCases/0/dataFlows/0/mappings/0', transform: 'a ? b : c', branches: [{ side: 'else', position: 4, taken: false }] as never }],
  summary: { tests: 1, passed: 0, failed: 1 },
});
const testReport = () => buildTestReport([{ file: `spec${BIDI}.yaml`, run: testRun() }], [{ file: `bad${FAKE_PASS}.yaml`, message: HOSTILE }]);

function texts(element: XmlElement): string[] {
  return [...Object.values(element.attributes), element.text, ...element.children.flatMap(texts)];
}

describe('hostile ids, titles and messages in the human formats', () => {
  it('check --format stylish', () => {
    const out = formatStylish(checkReport());
    assertHonest(out);
    expect(out).toContain('UC-1\\u001b[2K\\r✔ 12 passed\\n✔ 0 failed \\u001b]8;;https://evil.example/\\u0007docs');
  });

  it('test --format stylish: ids, titles, data flows, messages and mapping ids', () => {
    const out = formatTestStylish(testReport());
    assertHonest(out);
    expect(out).toContain('✖ TC-1\\u001b[2K\\r✔ 12 passed');
    expect(out).toContain('  DF-1\\u001b[2K\\r✔ 12 passed\n');
    expect(out).toContain('    FM-1\\u001b[2K\\r✔ 12 passed: the else branch');
    expect(out.trimEnd().split('\n').at(-1)).toBe('✖ 0 passed, 1 failed, 1 file(s) not readable');
  });

  it('check --format markdown', () => {
    const out = formatMarkdown(checkReport());
    assertHonest(out);
    // A line break (CR too) in a cell is a space; the rest is escaped, visibly.
    expect(out).toContain('story is missing \\\\u001b[2K ✔ 12 passed ✔ 0 failed \\\\u001b]8;;');
  });

  it('check --format github: one annotation a line, the message escaped visibly', () => {
    const out = formatGithub(checkReport());
    assertHonest(out);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(/^::error /);
    expect(lines[1]).toContain('::story is missing \\u001b[2K\\r✔ 12 passed\\n✔ 0 failed');
  });

  it.each([
    ['check --format junit', () => formatJunit(checkReport())],
    ['test --format junit', () => formatTestJunit(testReport())],
  ])('%s: well-formed, and the text a dashboard shows holds no control character', (_label, format) => {
    const out = format();
    assertHonest(out);
    expect(out).not.toMatch(/&#(13|9|x[0-9a-f]+);/i);
    for (const text of texts(parseXml(out))) {
      expect(text.trim()).not.toMatch(UNSAFE_OR_LF);
      expect(text).not.toMatch(FAKE_LINE);
    }
  });
});

describe('machine formats keep the exact text', () => {
  it('check --format json and sarif, test --format json', () => {
    expect(JSON.parse(formatJson(checkReport())).findings[0].id).toBe(`UC-1${HOSTILE}`);
    expect(JSON.parse(formatSarif(checkReport())).runs[0].results[0].message.text).toContain(HOSTILE);
    expect(JSON.parse(formatTestJson(testReport())).tests[0].title).toBe(`a title ${HOSTILE}`);
  });
});
