import { describe, expect, it } from 'vitest';
import { exampleText } from '../../../test/support/examples.js';
import { formatForFile, loadSource, type LoadedSource, type LoadResult } from './load-source.js';

function loaded(result: LoadResult): LoadedSource {
  if (!result.ok) throw new Error(`expected a document, got: ${result.message} (${result.line}:${result.column})`);
  return result;
}

/** The 1-based line and column of the first occurrence of `needle` (after `after`, if given). */
function positionOf(text: string, needle: string, after = ''): { line: number; column: number } {
  const offset = text.indexOf(needle, after ? text.indexOf(after) + after.length : 0);
  if (offset < 0) throw new Error(`${needle} not in the text`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

describe('formatForFile', () => {
  it('reads .json as strict JSON and everything else as YAML', () => {
    expect(formatForFile('a.json')).toBe('json');
    expect(formatForFile('dir/A.JSON')).toBe('json');
    expect(formatForFile('a.yaml')).toBe('yaml');
    expect(formatForFile('a.yml')).toBe('yaml');
    expect(formatForFile('a.json.txt')).toBe('yaml');
    expect(formatForFile('json')).toBe('yaml');
  });
});

describe('loadSource: YAML positions (locate)', () => {
  const text = [
    'specwright: 1', //                                       1
    'list:', //                                               2
    '  - first', //                                           3
    '  - { b: 2, "q k": 3, \'d/e~f\': 4 }', //                4
    '  - - nested', //                                        5
    '    - item: &anchor { z: 1 }', //                        6
    '  - *anchor', //                                         7
    '"quoted key": "value"', //                               8
    'flow: { a: 1 }', //                                      9
    'empty:', //                                             10
    'block:', //                                             11
    '  deep:', //                                            12
    '    - name: x', //                                      13
    '      tags: [t1, t2]', //                               14
    '? complex', //                                          15
    ': value', //                                            16
    'tagged: !!str 12', //                                   17
    '',
  ].join('\n');
  const source = loaded(loadSource(text, 'yaml'));

  it.each([
    ['', 1, 1],
    ['/specwright', 1, 1],
    ['/list', 2, 1],
    ['/list/0', 3, 5],
    ['/list/1', 4, 5],
    ['/list/1/b', 4, 7],
    ['/list/1/q k', 4, 13],
    ['/list/1/d~1e~0f', 4, 23],
    ['/list/2', 5, 5],
    ['/list/2/0', 5, 7],
    ['/list/2/1', 6, 7],
    ['/list/2/1/item', 6, 7],
    ['/list/2/1/item/z', 6, 23],
    ['/list/3', 7, 5],
    ['/quoted key', 8, 1],
    ['/flow', 9, 1],
    ['/flow/a', 9, 9],
    ['/empty', 10, 1],
    ['/block/deep', 12, 3],
    ['/block/deep/0', 13, 7],
    ['/block/deep/0/name', 13, 7],
    ['/block/deep/0/tags', 14, 7],
    ['/block/deep/0/tags/1', 14, 18],
    ['/complex', 15, 3],
    ['/tagged', 17, 1],
  ])('%s is at %i:%i', (pointer, line, column) => {
    expect(source.locate(pointer)).toStrictEqual({ line, column });
  });

  it('points at the `&` of an anchored node and the `*` of an alias', () => {
    const anchored = loaded(loadSource('items:\n  - &a { z: 1 }\n  - &b [1]\n  - &c value\n  - *a\n', 'yaml'));
    expect(anchored.locate('/items/0')).toStrictEqual({ line: 2, column: 5 });
    expect(anchored.locate('/items/1')).toStrictEqual({ line: 3, column: 5 });
    expect(anchored.locate('/items/2')).toStrictEqual({ line: 4, column: 5 });
    expect(anchored.locate('/items/3')).toStrictEqual({ line: 5, column: 5 });
    expect(anchored.value).toStrictEqual({ items: [{ z: 1 }, [1], 'value', { z: 1 }] });
  });

  it('a pointer that does not exist falls back to its nearest ancestor', () => {
    expect(source.locate('/list/1/missing')).toStrictEqual({ line: 4, column: 5 });
    expect(source.locate('/list/9')).toStrictEqual({ line: 2, column: 1 });
    expect(source.locate('/block/deep/0/tags/7/x')).toStrictEqual({ line: 14, column: 7 });
    expect(source.locate('/nothing/here')).toStrictEqual({ line: 1, column: 1 });
    // An alias's insides have no text of their own: the alias is where they are.
    expect(source.locate('/list/3/z')).toStrictEqual({ line: 7, column: 5 });
  });

  it('a key whose value is empty still has a position, and so do items past an empty one', () => {
    const s = loaded(loadSource('a:\n  -\n  - x\nb:\n', 'yaml'));
    expect(s.value).toStrictEqual({ a: [null, 'x'], b: null });
    expect(s.locate('/a/1')).toStrictEqual({ line: 3, column: 5 });
    expect(s.locate('/b')).toStrictEqual({ line: 4, column: 1 });
    expect(s.locate('/a/0')).toStrictEqual({ line: 1, column: 1 }); // no text of its own: its key
  });

  it('finds the elements of the example where a person would look', () => {
    const example = exampleText('marketing-to-crm.yaml');
    const s = loaded(loadSource(example, 'yaml'));
    expect(s.locate('/useCases/0')).toStrictEqual(positionOf(example, 'id: UC-1'));
    expect(s.locate('/useCases/0/dataFlows/0/mappings/2')).toStrictEqual(positionOf(example, 'id: FM-3'));
    expect(s.locate('/useCases/0/dataFlows/0/mappings/2/target')).toStrictEqual(positionOf(example, 'target: Customer.addresses'));
    expect(s.locate('/useCases/0/dataFlows/0/target/system')).toStrictEqual(positionOf(example, 'system: y'));
    expect(s.locate('/useCases/0/dataFlows/0/tests/1/given/ConversionEvent/type')).toStrictEqual(positionOf(example, 'type: webinar'));
    expect(s.locate('/systems/0/entities/0/fields/3/format')).toStrictEqual(positionOf(example, 'format: email'));
  });
});

describe('loadSource: YAML that is not one spec', () => {
  it.each([
    ['an unclosed flow sequence', 'a: [1, 2\nb: 3\n', 2, 1, /^is not valid YAML: /],
    ['bad indentation', 'a: 1\n  b: 2\n', 2, 4, /^is not valid YAML: bad indentation of a mapping entry$/],
    ['an unclosed quote', 'a: "x\n', 2, 1, /^is not valid YAML: /],
    ['a tab as indentation', 'a:\n\tb: 1\n', 2, 1, /^is not valid YAML: /],
    ['an unknown alias', 'a: *nope\n', 1, 5, /^is not valid YAML: unidentified alias "nope"$/],
    ['a JavaScript tag', 'a: !!js/function "x"\n', 1, 4, /^is not valid YAML: unknown scalar tag/],
    ['a duplicate key', 'a: 1\nb:\n  c: 1\n  c: 2\n', 4, 3, /^is not valid YAML: duplicated mapping key$/],
    ['a duplicate key in a flow mapping', 'a: { x: 1, x: 2 }\n', 1, 12, /^is not valid YAML: duplicated mapping key$/],
  ])('%s: fails with the line and column', (_name, text, line, column, message) => {
    const result = loadSource(text, 'yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect({ line: result.line, column: result.column }).toStrictEqual({ line, column });
    expect(result.message).toMatch(message);
  });

  it('several documents: fails at the start of the second', () => {
    expect(loadSource('a: 1\n---\nb: 2\n', 'yaml')).toStrictEqual({
      ok: false,
      message: "holds 2 YAML documents; a spec is one document (remove the extra '---' separators)",
      line: 2,
      column: 1,
    });
    expect(loadSource('--- # the spec\na: 1\n--- \nb: 2\n---\nc: 3\n', 'yaml')).toMatchObject({ ok: false, message: expect.stringMatching(/^holds 3 YAML documents/), line: 3, column: 1 });
    expect(loadSource('a: |\n  text\n  ---\n---\nb: 2\n', 'yaml')).toMatchObject({ ok: false, line: 4, column: 1 });
    expect(loadSource('a: 1\n...\nb: 2\n', 'yaml')).toMatchObject({ ok: false, line: 3, column: 1 });
  });

  it('one document between markers is fine', () => {
    expect(loaded(loadSource('---\na: 1\n...\n', 'yaml')).value).toStrictEqual({ a: 1 });
  });

  it.each([
    ['empty', '', 1, 1, /^is empty/],
    ['only comments', '# later\n\n  # more\n', 1, 1, /^is empty/],
    ['only a document marker', '---\n', 1, 1, /^is empty/],
    ['null', '~\n', 1, 1, /^is empty/],
    ['a list', '\n- a\n- b\n', 2, 1, /^is a list at the top level, not a spec/],
    ['a string', 'hello\n', 1, 1, /^is a single string value, not a spec/],
    ['a number', '42', 1, 1, /^is a single number value, not a spec/],
    ['a boolean', 'true', 1, 1, /^is a single boolean value, not a spec/],
  ])('%s: not a spec', (_name, text, line, column, message) => {
    const result = loadSource(text, 'yaml');
    expect(result).toMatchObject({ ok: false, line, column });
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe('loadSource: YAML values', () => {
  it('resolves anchors and aliases, and merge keys are not special', () => {
    const s = loaded(loadSource('base: &b { x: 1 }\ncopy: *b\nlist: [&i 1, *i]\n', 'yaml'));
    expect(s.value).toStrictEqual({ base: { x: 1 }, copy: { x: 1 }, list: [1, 1] });
    expect(s.locate('/copy')).toStrictEqual({ line: 2, column: 1 });
    expect(s.locate('/list/1')).toStrictEqual({ line: 3, column: 14 });
    // YAML 1.2 has no merge key: `<<` is an ordinary key (which the spec schema then rejects).
    expect(loaded(loadSource('base: &b { x: 1 }\ncopy:\n  <<: *b\n  y: 2\n', 'yaml')).value).toStrictEqual({
      base: { x: 1 },
      copy: { '<<': { x: 1 }, y: 2 },
    });
  });

  it('reads YAML 1.2 scalars: yes/no and 0o are not booleans and octal surprises', () => {
    expect(loaded(loadSource('a: yes\nb: no\nc: on\nd: 010\ne: "1"\n', 'yaml')).value).toStrictEqual({ a: 'yes', b: 'no', c: 'on', d: 10, e: '1' });
  });

  it('ignores a byte order mark: positions count from after it', () => {
    const s = loaded(loadSource('\uFEFFa: 1\nb: [x, y]\n', 'yaml'));
    expect(s.value).toStrictEqual({ a: 1, b: ['x', 'y'] });
    expect(s.locate('/a')).toStrictEqual({ line: 1, column: 1 });
    expect(s.locate('/b/1')).toStrictEqual({ line: 2, column: 8 });
    expect(loadSource('\uFEFFa: [', 'yaml')).toMatchObject({ ok: false, line: 1, column: 5 });
  });

  it('counts columns in UTF-16 code units, as editors and SARIF do', () => {
    const s = loaded(loadSource('"😀": { k: v }\n', 'yaml'));
    expect(s.locate('/😀/k')).toStrictEqual({ line: 1, column: 9 });
  });

  it('handles Windows line endings', () => {
    const s = loaded(loadSource('a: 1\r\nb:\r\n  - x\r\n', 'yaml'));
    expect(s.locate('/b/0')).toStrictEqual({ line: 3, column: 5 });
  });
});

describe('loadSource: strict JSON', () => {
  const text = '{\n  "a": 1,\n  "l": [10, {"k": "v"}],\n  "s~/x": {"n": null},\n  "q\\"k": "\\u00e9"\n}\n';
  const source = loaded(loadSource(text, 'json'));

  it('parses and locates keys, items and nested values', () => {
    expect(source.value).toStrictEqual({ a: 1, l: [10, { k: 'v' }], 's~/x': { n: null }, 'q"k': 'é' });
    expect(source.locate('')).toStrictEqual({ line: 1, column: 1 });
    expect(source.locate('/a')).toStrictEqual({ line: 2, column: 3 });
    expect(source.locate('/l')).toStrictEqual({ line: 3, column: 3 });
    expect(source.locate('/l/0')).toStrictEqual({ line: 3, column: 9 });
    expect(source.locate('/l/1')).toStrictEqual({ line: 3, column: 13 });
    expect(source.locate('/l/1/k')).toStrictEqual({ line: 3, column: 14 });
    expect(source.locate('/s~0~1x')).toStrictEqual({ line: 4, column: 3 });
    expect(source.locate('/s~0~1x/n')).toStrictEqual({ line: 4, column: 12 });
    expect(source.locate('/q"k')).toStrictEqual({ line: 5, column: 3 });
    expect(source.locate('/l/1/zz')).toStrictEqual({ line: 3, column: 13 });
  });

  it('a minified document still has columns', () => {
    const s = loaded(loadSource('{"a":{"b":[1,{"c":2}]}}', 'json'));
    expect(s.locate('/a/b/1/c')).toStrictEqual({ line: 1, column: 15 });
  });

  it.each([
    ['a trailing comma in an object', '{\n  "a": 1,\n}', 2, 9, 'a trailing comma before `}` is not allowed in JSON; remove it'],
    ['a trailing comma in a list', '{"a": [1, 2,]}', 1, 12, 'a trailing comma before `]` is not allowed in JSON; remove it'],
    ['a line comment', '{\n  // note\n  "a": 1\n}', 2, 3, 'comments are not allowed in JSON'],
    ['a block comment', '{"a": 1 /* note */}', 1, 9, 'comments are not allowed in JSON'],
    ['single quotes', "{'a': 1}", 1, 2, 'strings and keys take double quotes in JSON, not single quotes'],
    ['an unquoted key', '{a: 1}', 1, 2, '"a" where a key in double quotes was expected'],
    ['a missing value', '{"a": }', 1, 7, '"}" where a value was expected'],
    ['a missing colon', '{"a" 1}', 1, 6, '"1" where `:` after the key was expected'],
    ['a missing comma', '{"a": 1 "b": 2}', 1, 9, '"\\"" where `,` or `}` was expected'],
    ['a missing comma in a list', '[1 2]', 1, 4, '"2" where `,` or `]` was expected'],
    ['NaN', '{"a": NaN}', 1, 7, '"N" where a value was expected'],
    ['a leading zero', '{"a": 01}', 1, 8, '"1" where `,` or `}` was expected'],
    ['an unclosed object', '{"a": 1', 1, 8, 'the text ends where `,` or `}` was expected'],
    ['an unclosed string', '{"a": "x', 1, 7, 'a string is not closed (a `"` is missing)'],
    ['a raw line break in a string', '{"a": "x\ny"}', 1, 9, 'a string holds a raw line break or control character; write it as \\n, \\t or \\u00XX'],
    ['a bad escape', '{"a": "\\x"}', 1, 8, '`\\x` is not an escape JSON knows (use \\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX)'],
    ['a short \\u escape', '{"a": "\\u12"}', 1, 8, '`\\u` must be followed by four hex digits'],
    ['two values', '{}\n{}', 2, 1, 'more follows the first value; a JSON file holds one value'],
    ['empty', '', 1, 1, 'the text ends where a value was expected'],
    ['only spaces', '  \n ', 2, 2, 'the text ends where a value was expected'],
    ['YAML', 'a: 1', 1, 1, '"a" where a value was expected'],
    ['a duplicate key', '{\n  "a": 1,\n  "b": {"x": 1, "x": 2}\n}', 3, 17, 'the key "x" appears twice in one object; keep one (readers disagree on which one wins)'],
    ['a duplicate key written differently', '{"é": 1, "\\u00e9": 2}', 1, 10, 'the key "é" appears twice in one object; keep one (readers disagree on which one wins)'],
  ])('%s: fails with the line and column', (_name, input, line, column, reason) => {
    expect(loadSource(input, 'json')).toStrictEqual({ ok: false, message: `is not valid JSON: ${reason}`, line, column });
  });

  it('equal keys in different objects are fine', () => {
    expect(loaded(loadSource('{"a": {"id": 1}, "b": {"id": 2}, "id": 3}', 'json')).value).toStrictEqual({ a: { id: 1 }, b: { id: 2 }, id: 3 });
  });

  it('accepts everything strict JSON allows', () => {
    const all = '{"s": "\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041😀", "n": [-0, 1.5e+3, 2E-2, 0.25], "t": true, "f": false, "z": null, "e": {}, "l": []}';
    expect(loaded(loadSource(all, 'json')).value).toStrictEqual(JSON.parse(all));
  });

  it('deep nesting: positions at a depth a person might write; at an absurd depth none, but no crash', () => {
    const nested = (depth: number) => `{"a": ${'['.repeat(depth)}${']'.repeat(depth)}, "b": 1}`;
    expect(loaded(loadSource(nested(500), 'json')).locate('/b')).toStrictEqual({ line: 1, column: 500 * 2 + 9 });
    const deeper = loaded(loadSource(nested(20_000), 'json'));
    expect(deeper.value['b']).toBe(1);
    expect(deeper.locate('/b')).toBeUndefined();
    expect(loadSource(`{"a": ${'['.repeat(20_000)}}`, 'json')).toMatchObject({ ok: false, line: 1, column: 20_007 });
  });

  it.each([
    ['null', 'null', /^is empty/],
    ['a list', '[{"specwright": 1}]', /^is a list at the top level, not a spec/],
    ['a string', '"spec"', /^is a single string value, not a spec/],
    ['a number', '1', /^is a single number value, not a spec/],
  ])('%s: not a spec', (_name, input, message) => {
    const result = loadSource(input, 'json');
    expect(result).toMatchObject({ ok: false, line: 1, column: 1 });
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('ignores a byte order mark: positions count from after it', () => {
    const s = loaded(loadSource('\uFEFF{\n  "a": [1]\n}', 'json'));
    expect(s.locate('/a/0')).toStrictEqual({ line: 2, column: 9 });
    expect(loadSource('\uFEFF{"a": 1,}', 'json')).toMatchObject({ ok: false, line: 1, column: 8 });
  });
});
