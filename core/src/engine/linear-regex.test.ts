import { describe, expect, it } from 'vitest';
import { LinearRegExp, unsupportedFeature } from './linear-regex.js';

/** Every match of a global regex from `lastIndex` 0, as jsonata walks them. */
function matches(engine: { lastIndex: number; exec(text: string): RegExpExecArray | null }, text: string) {
  const found: { match: string; index: number; groups: (string | undefined)[] }[] = [];
  engine.lastIndex = 0;
  for (let m = engine.exec(text); m !== null && found.length < 50; m = engine.exec(text)) {
    found.push({ match: m[0], index: m.index, groups: [...m].slice(1) });
    if (m[0] === '') break; // jsonata stops a zero-length match itself
  }
  return { found, lastIndex: engine.lastIndex };
}

describe('LinearRegExp', () => {
  it.each([
    ['[0-9]+', 'g', 'ab12cd345'],
    ['(\\w+)@(\\w+)\\.com', 'g', 'a@b.com, c@d.com'],
    ['(a)|(b)', 'g', 'xbxa'],
    ['^b', 'gm', 'a\nb\nb'],
    ['HELLO', 'gi', 'hello Hello'],
    ['(?<year>\\d{4})-\\d{2}', 'g', '2024-05 and 2025-11'],
    ['\\u00e9+', 'g', 'caféé'],
    ['[^]', 'g', 'a\nb'],
    ['b', 'g', '😀ab😀b'],
    ['x*', 'g', 'abc'],
  ])('finds what RegExp finds: /%s/%s on %j', (source, flags, text) => {
    expect(matches(new LinearRegExp(new RegExp(source, flags)), text)).toStrictEqual(matches(new RegExp(source, flags), text));
  });

  it('starts at lastIndex and gives null (lastIndex 0) past the end', () => {
    const engine = new LinearRegExp(/a/g);
    engine.lastIndex = 2;
    expect(engine.exec('aaa')?.index).toBe(2);
    expect(engine.lastIndex).toBe(3);
    expect(engine.exec('aaa')).toBeNull();
    expect(engine.lastIndex).toBe(0);
    engine.lastIndex = 10;
    expect(engine.exec('aaa')).toBeNull();
  });

  it('names what RE2 lacks, outside character classes', () => {
    expect(unsupportedFeature('(a)\\1')).toBe('a backreference (\\1)');
    expect(unsupportedFeature('[\\1]')).toBeUndefined();
    expect(unsupportedFeature('\\\\1')).toBeUndefined();
    expect(unsupportedFeature('a(?!b)')).toBe('a lookahead ((?!)');
    expect(unsupportedFeature('(?<=a)b')).toBe('a lookbehind ((?<=)');
    expect(unsupportedFeature('(?<name>a)')).toBeUndefined();
    expect(unsupportedFeature('[(?=]')).toBeUndefined();
  });

  it('throws a jsonata-style error object, with the position the literal was tagged with', () => {
    const tagged = Object.assign(/(a)\1/g, { position: 12 });
    expect(() => new LinearRegExp(tagged)).toThrow();
    try {
      new LinearRegExp(tagged);
    } catch (error) {
      expect(error).toMatchObject({ code: 'SW003', position: 12, message: expect.stringMatching(/^the regular expression \/\(a\)\\1\/ uses a backreference/) });
    }
    expect(() => new LinearRegExp(/a{1001}/g)).toThrow(expect.objectContaining({ message: expect.stringMatching(/invalid repeat count/) }));
  });
});
