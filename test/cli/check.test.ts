import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLEAN, INFO_ONLY, WARN_ONLY, WITH_ERROR } from './fixtures.js';
import { ensureBuilt, specwrightMany, STACK_FRAME, tempDir, type Run } from './run.js';

// The real command, as a process: argument parsing, file reading, stdout/stderr and exit codes.
// Every process starts in beforeAll, a few at a time; the tests then read what each one did.

const tmp = tempDir();
const file = (name: string, text: string | Buffer) => tmp.write(name, text);

/** Files that are not specs: [name, content, line, column, what the message says]. */
const NOT_SPECS: [string, string | Buffer, number | undefined, number | undefined, RegExp][] = [
  ['unclosed-flow.yaml', 'specwright: 1\nid: [a, b\ntitle: x\n', 3, 1, /: is not valid YAML: /],
  ['bad-indent.yaml', 'specwright: 1\nid: a\n  title: x\n', 3, 8, /: is not valid YAML: bad indentation/],
  ['unclosed-quote.yaml', 'specwright: 1\ntitle: "x\n', 3, 1, /: is not valid YAML: /],
  ['duplicate-key.yaml', 'specwright: 1\nid: a\nid: b\n', 3, 1, /: is not valid YAML: duplicated mapping key/],
  ['two-documents.yaml', 'specwright: 1\nid: a\n---\nid: b\n', 3, 1, /: holds 2 YAML documents; a spec is one document/],
  ['binary.yaml', Buffer.from([0x61, 0x3a, 0x20, 0x00, 0xff, 0xfe, 0x01]), 1, 5, /: is not valid UTF-8 \(byte 0xFF at byte offset 4\); save the file as UTF-8$/],
  ['trailing-comma.json', '{\n  "specwright": 1,\n  "id": "a",\n}\n', 3, 12, /: is not valid JSON: a trailing comma before `}`/],
  ['trailing-comma-list.json', '{"stakeholders": ["a",]}', 1, 22, /: is not valid JSON: a trailing comma before `]`/],
  ['comment.json', '{\n  // a note\n  "specwright": 1\n}\n', 2, 3, /: is not valid JSON: comments are not allowed in JSON/],
  ['block-comment.json', '{ "specwright": 1 /* no */ }', 1, 19, /: is not valid JSON: comments are not allowed in JSON/],
  ['single-quotes.json', "{'specwright': 1}", 1, 2, /: is not valid JSON: .*double quotes/],
  ['missing-value.json', '{\n  "specwright": 1,\n  "id": }\n', 3, 9, /: is not valid JSON: "}" where a value was expected/],
  ['unclosed.json', '{\n  "specwright": 1', 2, 18, /: is not valid JSON: the text ends where/],
  ['duplicate-key.json', '{\n  "id": "a",\n  "id": "b"\n}\n', 3, 3, /: is not valid JSON: the key "id" appears twice in one object/],
  ['two-values.json', '{"id": "a"}\n{"id": "b"}\n', 2, 1, /: is not valid JSON: more follows the first value/],
  ['yaml-in-json.json', 'specwright: 1\nid: a\n', 1, 1, /: is not valid JSON: /],
  ['bom.json', '\uFEFF{\n  "specwright": 1,\n}', 2, 18, /: is not valid JSON: a trailing comma/],
  ['empty.yaml', '', 1, 1, /: is empty; a spec starts with `specwright: 1`/],
  ['comments-only.yaml', '# nothing yet\n\n', 1, 1, /: is empty/],
  ['empty.json', '', 1, 1, /: is not valid JSON: the text ends where a value was expected/],
  ['null.json', 'null', 1, 1, /: is empty/],
  ['list.yaml', '- specwright: 1\n- id: a\n', 1, 1, /: is a list at the top level, not a spec/],
  ['list.json', '\n  [{"specwright": 1}]', 2, 3, /: is a list at the top level, not a spec/],
  ['scalar.yaml', 'just some words\n', 1, 1, /: is a single string value, not a spec/],
  ['number.json', '42', 1, 1, /: is a single number value, not a spec/],
  ['echo.json', `{"a": "${'x'.repeat(60)}SECRET-TEXT", "b": }`, 1, 87, /: is not valid JSON: "}" where a value was expected$/],
];
const notSpecFiles = NOT_SPECS.map(([name, text]) => file(name, text));
const missing = join(tmp.dir, 'no-such-spec.yaml');
const directory = join(tmp.dir, 'specs.yaml');
mkdirSync(directory);

const withError = file('with-error.yaml', WITH_ERROR);
const clean = file('clean.yaml', CLEAN);
const warnOnly = file('warn-only.yaml', WARN_ONLY);
const infoOnly = file('info-only.yaml', INFO_ONLY);
const badJson = file('bad.json', '{"specwright": 1,}');

const EXAMPLE = 'examples/marketing-to-crm.yaml';
let runs: Record<string, Run>;

beforeAll(async () => {
  ensureBuilt();
  runs = await specwrightMany({
    example: ['check', EXAMPLE],
    withError: ['check', withError],
    cleanFailOnInfo: ['check', clean, '--fail-on', 'info', '--format', 'json'],
    warnDefault: ['check', warnOnly, '--format', 'json'],
    warnFailOnWarn: ['check', '--fail-on=warn', '--format=json', warnOnly],
    infoFailOnWarn: ['check', infoOnly, '--fail-on', 'warn', '--format', 'json'],
    infoFailOnInfo: ['check', infoOnly, '--format', 'json', '--fail-on', 'info'],
    errorFailOnInfo: ['check', withError, '--fail-on', 'info', '--format', 'json'],
    // One process for every file that is not a spec: each is told on its own stderr line.
    notSpecs: ['check', ...notSpecFiles, missing, directory],
    severalJson: ['check', withError, badJson, clean, missing, '--format', 'json'],
    severalStylish: ['check', withError, missing, clean],
    formatXml: ['check', EXAMPLE, '--format', 'xml'],
    failOnNope: ['check', EXAMPLE, '--fail-on', 'nope'],
    unknownOption: ['check', EXAMPLE, '--bogus'],
    noFiles: ['check', '--format', 'json'],
  });
}, 120_000);
afterAll(() => tmp.cleanup());

/** Nothing a person should never see: a stack frame, or the report of a crash. */
function expectNoCrash(run: Run): void {
  expect(run.stderr).not.toMatch(STACK_FRAME);
  expect(run.stdout).not.toMatch(STACK_FRAME);
  expect(run.stderr).not.toContain('unexpected failure');
}

interface JsonReport {
  findings: { rule: string; severity: string; file: string }[];
  completeness: { files: Record<string, unknown> };
  summary: Record<string, unknown>;
  unreadable?: unknown[];
}
const json = (run: Run): JsonReport => JSON.parse(run.stdout);
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('specwright check: exit codes', () => {
  it('exits 0 on the complete example, with nothing on stderr', () => {
    const run = runs['example']!;
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout.split('\n')[0]).toBe(EXAMPLE);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('✔ no problems in 1 file');
  });

  it('exits 1 when a finding is an error, and reports it on stdout', () => {
    const run = runs['withError']!;
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/ error +target system "z" is not declared.* system-ref$/m);
    expectNoCrash(run);
  });

  // [run, --fail-on given, exit code]: exit 1 exactly when a finding reaches --fail-on.
  it.each([
    ['cleanFailOnInfo', 'info', 0],
    ['warnDefault', 'error', 0],
    ['warnFailOnWarn', 'warn', 1],
    ['infoFailOnWarn', 'warn', 0],
    ['infoFailOnInfo', 'info', 1],
    ['errorFailOnInfo', 'info', 1],
  ] as const)('%s: --fail-on %s → exit %i', (name, failOn, code) => {
    const run = runs[name]!;
    expect(run.code).toBe(code);
    expect(run.stderr).toBe('');
    const report = json(run);
    expect(report.summary['failOn']).toBe(failOn);
    expect((report.summary['failing'] as number) > 0).toBe(code === 1);
  });

  it('the fixtures hold exactly the severities their names say', () => {
    expect(json(runs['cleanFailOnInfo']!).findings).toStrictEqual([]);
    expect(json(runs['warnDefault']!).findings.map((f) => [f.rule, f.severity])).toStrictEqual([['outcome-action', 'warn']]);
    expect(json(runs['infoFailOnInfo']!).findings.map((f) => [f.rule, f.severity])).toStrictEqual([['trigger-backup', 'info']]);
    expect(json(runs['errorFailOnInfo']!).findings.map((f) => [f.rule, f.severity])).toStrictEqual([['system-ref', 'error']]);
  });
});

describe('specwright check: exit 2 when a file is not a spec', () => {
  const stderrLines = () => runs['notSpecs']!.stderr.trimEnd().split('\n');

  it('exits 2, one stderr line per file, in the order given, no stack trace', () => {
    const run = runs['notSpecs']!;
    expect(run.code).toBe(2);
    expectNoCrash(run);
    expect(stderrLines()).toHaveLength(NOT_SPECS.length + 2);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(`✖ 0 problems (0 errors, 0 warnings, 0 infos), ${NOT_SPECS.length + 2} files not readable`);
  });

  it.each(NOT_SPECS.map(([name, , line, column, message], i) => [name, line, column, message, i] as const))(
    '%s: named with line %i, column %i',
    (_name, line, column, message, i) => {
      const text = stderrLines()[i]!;
      expect(text.startsWith(`${notSpecFiles[i]}:${line}:${column}: `), text).toBe(true);
      expect(text).toMatch(message);
    },
  );

  it('never echoes the file back (V8 quotes the whole text in its JSON errors)', () => {
    expect(runs['notSpecs']!.stderr).not.toContain('SECRET-TEXT');
  });

  it('a missing file: named, with what to do', () => {
    expect(stderrLines().at(-2)).toBe(`${missing}: cannot be read: there is no such file (check the path)`);
  });

  it('a directory: named, with what to do', () => {
    expect(stderrLines().at(-1)).toBe(`${directory}: is a directory; name the spec files in it (for example dir/*.yaml)`);
  });

  it('several files: one unreadable gives exit 2, the others are still reported', () => {
    const run = runs['severalJson']!;
    expect(run.code).toBe(2);
    expectNoCrash(run);
    expect(run.stderr.trimEnd().split('\n')).toStrictEqual([
      `${badJson}:1:17: is not valid JSON: a trailing comma before \`}\` is not allowed in JSON; remove it`,
      `${missing}: cannot be read: there is no such file (check the path)`,
    ]);
    const report = json(run);
    expect(Object.keys(report)).toStrictEqual(['findings', 'completeness', 'summary', 'unreadable']);
    expect(report.findings.map((f) => [f.rule, f.file])).toStrictEqual([['system-ref', withError]]);
    expect(Object.keys(report.completeness.files)).toStrictEqual([withError, clean]);
    expect(report.summary).toStrictEqual({ files: 4, errors: 1, warnings: 0, infos: 0, failOn: 'error', failing: 1, unreadable: 2 });
    expect(report.unreadable).toStrictEqual([
      { file: badJson, message: 'is not valid JSON: a trailing comma before `}` is not allowed in JSON; remove it', line: 1, column: 17 },
      { file: missing, message: 'cannot be read: there is no such file (check the path)' },
    ]);
  });

  it('several files in stylish: both readable files shown, the summary counts the unreadable one', () => {
    const run = runs['severalStylish']!;
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`${missing}: cannot be read: there is no such file (check the path)\n`);
    expect(run.stdout).toMatch(new RegExp(`^${escapeRegExp(withError)}$`, 'm'));
    expect(run.stdout).toMatch(new RegExp(`^${escapeRegExp(clean)}$`, 'm'));
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('✖ 1 problem (1 error, 0 warnings, 0 infos), 1 file not readable');
  });
});

describe('specwright check: bad flags exit 2 with a one-line reason', () => {
  it.each([
    ['formatXml', /^specwright: --format must be one of stylish, json, sarif, junit, markdown, github \(got "xml"\)$/],
    ['failOnNope', /^specwright: --fail-on must be one of error, warn, info \(got "nope"\)$/],
    ['unknownOption', /^specwright: Unknown option '--bogus'/],
    ['noFiles', /^specwright: check needs at least one spec file, as in: specwright check spec\.yaml$/],
  ] as const)('%s', (name, reason) => {
    const run = runs[name]!;
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expectNoCrash(run);
    const [first, second] = run.stderr.split('\n');
    expect(first).toMatch(reason);
    expect(second).toBe(''); // the reason is one line; the usage follows after a blank line
  });
});
