import { describe, expect, it } from 'vitest';
import { parseSegments, type PathSegment } from '../model/field-path.js';
import { readPath, writePath } from './record-path.js';
import { givesValueAt } from './gives-value.js';

const segs = (text: string): PathSegment[] => {
  const parsed = parseSegments(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.segments;
};

describe('selectors: one rule for reading a record and for what an expect asserts', () => {
  // The elements on which readPath (String(value) === text, first match) and givesValueAt
  // (scalars only, any match) used to disagree.
  const record = () => ({
    list: [
      { k: { a: 1 }, v: 'an object' },
      { k: null, v: 'null' },
      { v: 'no key' },
      { k: ['x'], v: 'a list' },
      { k: Object.create(null), v: 'an object without toString' },
      { k: 1, v: 'a number' },
      { k: true, v: 'a boolean' },
      { k: 'x', v: 'the first x' },
      { k: 'x', w: 'the second x' },
    ],
  });

  // What String() makes of an object; the path syntax cannot write it (`]` ends the selector).
  const objectText: PathSegment[] = [{ name: 'list', selector: { kind: 'match', key: 'k', value: '[object Object]' } }, { name: 'v' }];
  const cases: [string, ReturnType<typeof readPath>][] = [
    ['list[k=[object Object]].v', { found: false }],
    ['list[k=null].v', { found: false }],
    ['list[k=undefined].v', { found: false }],
    ['list[k=x].v', { found: true, value: 'the first x' }],
    ['list[k=x].w', { found: false }],
    ['list[k=1].v', { found: true, value: 'a number' }],
    ['list[k=true].v', { found: true, value: 'a boolean' }],
    ['list[k=a].v', { found: false }],
  ];

  it.each(cases)('%s: [key=value] selects the first element whose key is a scalar reading as value', (path, expected) => {
    const segments = path.includes('[object Object]') ? objectText : segs(path);
    expect(readPath(record(), segments)).toStrictEqual(expected);
    expect(givesValueAt(record(), segments)).toBe(expected.found);
  });

  it('agrees on [n] and [] too', () => {
    expect(readPath(record(), segs('list[2].v'))).toStrictEqual({ found: true, value: 'no key' });
    expect(givesValueAt(record(), segs('list[2].v'))).toBe(true);
    expect(readPath(record(), segs('list[9].v'))).toStrictEqual({ found: false });
    expect(givesValueAt(record(), segs('list[9].v'))).toBe(false);
    expect(givesValueAt(record(), segs('list[].w'))).toBe(true);
    expect(givesValueAt(record(), segs('list[].z'))).toBe(false);
    expect(givesValueAt({ list: [] }, segs('list[].v'))).toBe(false);
  });

  it('writes where it reads: [key=value] finds the element reading finds, or appends one', () => {
    const written = record();
    writePath(written, segs('list[k=1].z'), 'into the number', 0);
    writePath(written, segs('list[k=null].z'), 'appended', 0);
    expect(written.list[5]).toStrictEqual({ k: 1, v: 'a number', z: 'into the number' });
    expect(written.list[1]).toStrictEqual({ k: null, v: 'null' });
    expect(written.list[9]).toStrictEqual({ k: 'null', z: 'appended' });
    expect(readPath(written, segs('list[k=null].z'))).toStrictEqual({ found: true, value: 'appended' });
    expect(givesValueAt(written, segs('list[k=null].z'))).toBe(true);
  });
});
