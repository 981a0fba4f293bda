import { join } from 'node:path';
import { printable } from '@specwright/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  markdownCellText,
  markdownRowCells,
  parseGithubAnnotation,
  parseXml,
  validateSarif,
  xmlElements,
} from '../support/report-parsers.js';
import { CLEAN, HOSTILE, HOSTILE_DF_ID, HOSTILE_KEY, HOSTILE_UC_ID } from './fixtures.js';
import { ensureBuilt, specwrightMany, STACK_FRAME, tempDir, type Run } from './run.js';

// Every output format of the real command, over a spec full of hostile text and a clean one.
// The JSON report is the reference: every other format must say the same, escaped its own way.

const tmp = tempDir();
// A file name with GitHub's property separators, a percent sign, a pipe, a space and an emoji.
const hostile = tmp.write('ho,st:i%le |😀 spec.yaml', HOSTILE);
const clean = tmp.write('clean.yaml', CLEAN);
const missing = join(tmp.dir, 'gone, really: 100%.yaml');

interface JsonFinding {
  rule: string;
  severity: 'error' | 'warn' | 'info';
  message: string;
  id: string;
  path: string;
  valuePath?: string;
  file: string;
  line: number;
  column: number;
}
let runs: Record<string, Run>;
let findings: JsonFinding[];

beforeAll(async () => {
  ensureBuilt();
  runs = await specwrightMany({
    json: ['check', hostile, clean, '--format', 'json'],
    stylish: ['check', hostile, clean],
    sarif: ['check', hostile, clean, '--format', 'sarif'],
    junit: ['check', hostile, clean, '--format', 'junit'],
    markdown: ['check', hostile, clean, '--format', 'markdown'],
    github: ['check', hostile, clean, '--format', 'github'],
    sarifUnreadable: ['check', hostile, missing, '--format', 'sarif'],
    junitUnreadable: ['check', missing, hostile, '--format', 'junit', '--fail-on', 'info'],
    githubUnreadable: ['check', missing, '--format', 'github'],
  });
  findings = JSON.parse(runs['json']!.stdout).findings;
}, 120_000);
afterAll(() => tmp.cleanup());

/** 1-based line of the first line of HOSTILE that contains `text`. */
const lineOf = (text: string) => HOSTILE.split('\n').findIndex((l) => l.includes(text)) + 1;

describe('every format', () => {
  it.each(['json', 'stylish', 'sarif', 'junit', 'markdown', 'github'])('%s: exit 1 (errors), nothing on stderr, no crash', (format) => {
    const run = runs[format]!;
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toMatch(STACK_FRAME);
  });
});

describe('--format json', () => {
  it('prints {findings, completeness, summary}', () => {
    const report = JSON.parse(runs['json']!.stdout);
    expect(Object.keys(report)).toStrictEqual(['findings', 'completeness', 'summary']);
    expect(report.summary).toStrictEqual({ files: 2, errors: 4, warnings: 1, infos: 1, failOn: 'error', failing: 4, unreadable: 0 });
    expect(Object.keys(report.completeness.files)).toStrictEqual([hostile, clean]);
    expect(report.completeness).toMatchObject({ overall: expect.any(Number), stage: 'businessCase', layers: expect.any(Array) });
  });

  it('findings are {rule, severity, message, id, path, file, line, column} (+ valuePath where narrower)', () => {
    for (const f of findings) {
      const keys = Object.keys(f).filter((k) => k !== 'valuePath');
      expect(keys).toStrictEqual(['rule', 'severity', 'message', 'id', 'path', 'file', 'line', 'column']);
      expect(f.file).toBe(hostile);
      expect(Number.isInteger(f.line) && f.line >= 1 && Number.isInteger(f.column) && f.column >= 1).toBe(true);
    }
  });

  it('keeps hostile text exactly, with the right positions', () => {
    const about = findings.map((f) => [f.rule, f.severity, f.id, f.path, f.line, f.column]);
    expect(about).toStrictEqual([
      ['spec-schema', 'error', 'hostile-spec', '', lineOf('bad|key'), 3],
      ['use-case-data-flow', 'error', HOSTILE_UC_ID, '/useCases/0', lineOf('dataFlows: []'), 5],
      ['spec-schema', 'error', HOSTILE_DF_ID, '/useCases/1/dataFlows/0', lineOf('nö|pe'), 19],
      ['system-ref', 'error', HOSTILE_DF_ID, '/useCases/1/dataFlows/0', lineOf('nö|pe'), 19],
      ['trigger-backup', 'info', HOSTILE_DF_ID, '/useCases/1/dataFlows/0', lineOf('triggers:'), 9],
      ['outcome-action', 'warn', 'OC|2 %25', '/useCases/1/dataFlows/0/outcomes/1', lineOf('OC|2'), 49],
    ]);
    expect(findings[0]!.message.startsWith(`\`${HOSTILE_KEY}\` is not a key this format names`)).toBe(true);
    expect(findings[3]!.message).toContain('"nö|pe"');
  });
});

describe('--format sarif', () => {
  const log = () => JSON.parse(runs['sarif']!.stdout);

  it('validates against the official SARIF 2.1.0 schema', () => {
    const { valid, errors } = validateSarif(log());
    expect(errors).toBeNull();
    expect(valid).toBe(true);
  });

  it('one result per finding: ruleId and ruleIndex agree, message and region as in the JSON report', () => {
    const run = log().runs[0];
    expect(run.tool.driver.name).toBe('Specwright');
    expect(run.results).toHaveLength(findings.length);
    const levels = { error: 'error', warn: 'warning', info: 'note' };
    run.results.forEach((result: any, i: number) => {
      const f = findings[i]!;
      expect(result.ruleId).toBe(f.rule);
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(f.rule);
      expect(result.level).toBe(levels[f.severity]);
      expect(result.message.text).toBe(f.message);
      const location = result.locations[0];
      expect(location.physicalLocation.region).toStrictEqual({ startLine: f.line, startColumn: f.column });
      expect(decodeURIComponent(location.physicalLocation.artifactLocation.uri)).toBe(hostile);
      expect(location.logicalLocations[0]).toMatchObject({ name: f.id, fullyQualifiedName: f.path || '/' });
    });
  });

  it('artifact URIs are percent-encoded references that resolve back to the file', () => {
    const uris: string[] = log().runs[0].artifacts.map((a: any) => a.location.uri);
    expect(uris.map((u) => decodeURIComponent(u))).toStrictEqual([hostile, clean]);
    for (const uri of uris) {
      expect(uri).not.toMatch(/[ :|%](?![0-9A-F]{2})/); // only %XX escapes; no raw space, colon or pipe
      expect(decodeURIComponent(new URL(uri, 'file:///').pathname)).toBe(hostile === decodeURIComponent(uri) ? hostile : clean);
    }
  });

  it('an unreadable file: still valid SARIF, executionSuccessful false, a notification naming it', () => {
    const run = runs['sarifUnreadable']!;
    expect(run.code).toBe(2);
    const sarif = JSON.parse(run.stdout);
    expect(validateSarif(sarif).errors).toBeNull();
    const invocation = sarif.runs[0].invocations[0];
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications).toHaveLength(1);
    expect(invocation.toolExecutionNotifications[0].message.text).toBe(`${missing} cannot be read: there is no such file (check the path)`);
    expect(decodeURIComponent(invocation.toolExecutionNotifications[0].locations[0].physicalLocation.artifactLocation.uri)).toBe(missing);
  });
});

describe('--format junit', () => {
  it('is well-formed XML: a suite per file, a case per finding, failures at --fail-on', () => {
    const root = parseXml(runs['junit']!.stdout);
    expect(root.name).toBe('testsuites');
    expect(root.attributes).toMatchObject({ tests: String(findings.length + 1), failures: '4', errors: '0' });
    const suites = xmlElements(root, 'testsuite');
    expect(suites.map((s) => s.attributes['name'])).toStrictEqual([hostile, clean]);
    const [hostileSuite, cleanSuite] = suites;
    expect(hostileSuite!.attributes).toMatchObject({ tests: String(findings.length), failures: '4', errors: '0' });
    const cases = xmlElements(hostileSuite!, 'testcase');
    expect(cases).toHaveLength(findings.length);
    // A dashboard shows this text to people: it reads back as the text with controls escaped visibly.
    cases.forEach((testcase, i) => {
      const f = findings[i]!;
      expect(testcase.attributes).toStrictEqual({ classname: hostile, name: printable(`${f.rule} ${f.id}`) });
      const [failure] = xmlElements(testcase, 'failure');
      if (f.severity === 'error') {
        expect(failure!.attributes).toStrictEqual({ type: 'error', message: printable(f.message) });
        expect(failure!.text).toBe(printable(`${hostile}:${f.line}:${f.column} ${f.path} ${f.message}`));
      } else {
        expect(failure).toBeUndefined();
        expect(xmlElements(testcase, 'system-out')[0]!.text).toBe(printable(`${f.severity}: ${hostile}:${f.line}:${f.column} ${f.path} ${f.message}`));
      }
    });
    expect(xmlElements(cleanSuite!, 'testcase')).toStrictEqual([{ name: 'testcase', attributes: { classname: clean, name: 'specwright check' }, children: [], text: '' }]);
  });

  it('an unreadable file is an error case; --fail-on info makes every finding a failure', () => {
    const run = runs['junitUnreadable']!;
    expect(run.code).toBe(2);
    const root = parseXml(run.stdout);
    expect(root.attributes).toMatchObject({ tests: String(findings.length + 1), failures: String(findings.length), errors: '1' });
    const [gone, spec] = xmlElements(root, 'testsuite');
    expect(gone!.attributes).toStrictEqual({ name: missing, tests: '1', failures: '0', errors: '1' });
    expect(xmlElements(gone!, 'error')[0]!.attributes['message']).toBe('cannot be read: there is no such file (check the path)');
    expect(xmlElements(spec!, 'failure')).toHaveLength(findings.length);
  });
});

describe('--format github', () => {
  const lines = () => runs['github']!.stdout.split('\n').slice(0, -1);

  it('one workflow command per finding, every special character escaped', () => {
    expect(runs['github']!.stdout.endsWith('\n')).toBe(true);
    expect(lines()).toHaveLength(findings.length);
    const commands = { error: 'error', warn: 'warning', info: 'notice' };
    lines().forEach((line, i) => {
      const f = findings[i]!;
      expect(line).toMatch(/^::(error|warning|notice) file=[^,:\r\n]*,line=\d+,col=\d+,title=[^,:\r\n]*::[^\r\n]*$/);
      expect(parseGithubAnnotation(line)).toStrictEqual({
        command: commands[f.severity],
        properties: { file: hostile, line: String(f.line), col: String(f.column), title: printable(`${f.rule} (${f.id})`) },
        message: printable(f.message),
      });
    });
  });

  it('an id that spells a workflow command stays inside its title', () => {
    const line = lines()[2]!;
    expect(line).toContain(',title=spec-schema (DF|1 %250A %3A%3Aerror file=x%3A%3Apwned)::');
    expect(line.match(/::/g)).toHaveLength(2);
  });

  it('a file name with , : and % is escaped as a property', () => {
    expect(lines()[0]!.startsWith(`::error file=${hostile.replace(/%/g, '%25').replace(/:/g, '%3A').replace(/,/g, '%2C')},line=`)).toBe(true);
  });

  it('an unreadable file is an error annotation on the file', () => {
    const run = runs['githubUnreadable']!;
    expect(run.code).toBe(2);
    expect(run.stdout).toBe(`::error file=${missing.replace(/%/g, '%25').replace(/:/g, '%3A').replace(/,/g, '%2C')},title=specwright%3A not a readable spec::cannot be read: there is no such file (check the path)\n`);
  });
});

describe('--format markdown', () => {
  const text = () => runs['markdown']!.stdout;
  const findingRows = () => text().split('\n').filter((l) => /^\| (🔴|🟡|🔵)/.test(l));

  it('has a heading, the summary, a completeness table and a findings table per file', () => {
    const out = text();
    expect(out.startsWith('# Specwright check\n\n**4** errors, **1** warnings, **1** infos in 2 file(s).\n')).toBe(true);
    expect(out).toContain('| Severity | Rule | Element | Where | Message |\n| --- | --- | --- | --- | --- |\n');
    expect(out).toContain('| Layer | Complete | Total |');
    expect(out).toContain(`## ${clean}\n\nCompleteness **100%**, stage: **complete**`);
    expect(out).toContain('No findings.');
    expect(out).not.toContain('\r');
  });

  it('one row per finding, five cells each, whatever pipes and line breaks the text holds', () => {
    const rows = findingRows();
    expect(rows).toHaveLength(findings.length);
    rows.forEach((row, i) => {
      const f = findings[i]!;
      const cells = markdownRowCells(row);
      expect(cells).toHaveLength(5);
      // A line break is a space in a cell; other controls (the bidi override) are escaped visibly.
      const flat = (s: string) => printable(s.replace(/\r\n?|\n/g, ' '));
      expect(markdownCellText(cells[1]!)).toBe(`[${f.rule}](https://github.com/specwright-dev/specwright/blob/main/docs/rules.md#${f.rule})`);
      expect(markdownCellText(cells[2]!)).toBe(flat(f.id));
      expect(cells[3]!.startsWith(`line ${f.line}:${f.column} `)).toBe(true);
      expect(markdownCellText(cells[3]!.slice(`line ${f.line}:${f.column} `.length))).toBe(f.path || '/');
      expect(markdownCellText(cells[4]!)).toBe(flat(f.message));
    });
  });

  it('no raw HTML outside code spans', () => {
    const outsideCode = text().replace(/(`+).*?\1/g, '');
    expect(outsideCode).not.toMatch(/<[a-z/!]/i);
  });

  it('the file name heading escapes the pipe', () => {
    expect(text()).toContain(`## ${hostile.replace(/\|/g, '\\|')}\n`);
  });
});

describe('--format stylish', () => {
  const lines = () => runs['stylish']!.stdout.split('\n');

  it('per file: findings grouped by layer, big to small, then completeness; a summary line last', () => {
    const out = lines();
    expect(out[0]).toBe(hostile);
    const layers = out.filter((l) => /^ {2}\S/.test(l) && !l.startsWith('  Completeness'));
    expect(layers).toStrictEqual(['  Business case', '  Data flows', '  Triggers, outcomes and mappings']);
    expect(out.filter((l) => /^ {2}Completeness \d+%, stage: Business case \(work here next\)$/.test(l))).toHaveLength(1);
    expect(out).toContain(clean);
    expect(out).toContain('  Completeness 100%, stage: complete');
    expect(out.at(-2)).toBe('✖ 6 problems (4 errors, 1 warning, 1 info)');
    expect(out.at(-1)).toBe('');
  });

  it('each finding is one line: position, severity, message, rule', () => {
    for (const f of findings) {
      const shown = lines().filter((l) => l.endsWith(`  ${f.rule}`) && l.includes(`${f.line}:${f.column}`));
      expect(shown.length).toBeGreaterThan(0);
    }
    expect(lines().filter((l) => /^ {6}\d+:\d+ +(error|warning|info) {2}/.test(l))).toHaveLength(findings.length);
  });

  it('control characters and bidi overrides are shown as escapes, never printed raw', () => {
    const out = runs['stylish']!.stdout;
    expect(out).not.toMatch(/[\r\u202e\u0000-\u0009\u000b-\u001f]/);
    expect(lines()).toContain(`    UC|1 <b>&"'%::,\\nnext\\r😀 עברית\\u202eevil\`tick  /useCases/0`);
    expect(out).toContain('`bad|key <b>&"\'%::,\\r\\n😀 עברית` is not a key');
  });
});
