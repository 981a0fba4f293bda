import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseSegments, type PathSegment } from '../model/field-path.js';
import { readPath, writePath } from './record-path.js';

const segs = (text: string): PathSegment[] => {
  const parsed = parseSegments(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.segments;
};

describe('readPath', () => {
  const record = { a: { b: 1 }, list: [{ k: 'x', v: 1 }, { k: 'y', v: 2 }, { k: 'z' }], tags: ['p', 'q'] };

  it('reads names, indexes and key selectors', () => {
    expect(readPath(record, segs('a.b'))).toStrictEqual({ found: true, value: 1 });
    expect(readPath(record, segs('list[1].v'))).toStrictEqual({ found: true, value: 2 });
    expect(readPath(record, segs('list[k=y].v'))).toStrictEqual({ found: true, value: 2 });
    expect(readPath(record, segs('tags[0]'))).toStrictEqual({ found: true, value: 'p' });
  });

  it('reads [] as a list with one entry per element, keeping positions', () => {
    expect(readPath(record, segs('list[].v'))).toStrictEqual({ found: true, value: [1, 2, undefined] });
    expect(readPath(record, segs('tags[]'))).toStrictEqual({ found: true, value: ['p', 'q'] });
  });

  it('says not found for a missing key, index, match or a non-list', () => {
    expect(readPath(record, segs('a.c'))).toStrictEqual({ found: false });
    expect(readPath(record, segs('list[7].v'))).toStrictEqual({ found: false });
    expect(readPath(record, segs('list[k=none].v'))).toStrictEqual({ found: false });
    expect(readPath(record, segs('a[].b'))).toStrictEqual({ found: false });
    expect(readPath(undefined, segs('a'))).toStrictEqual({ found: false });
  });

  it('never reads inherited properties such as __proto__ or constructor', () => {
    expect(readPath({}, segs('constructor'))).toStrictEqual({ found: false });
    expect(readPath({}, segs('__proto__'))).toStrictEqual({ found: false });
    expect(readPath({ a: {} }, segs('a.toString'))).toStrictEqual({ found: false });
  });
});

describe('writePath', () => {
  it('creates objects on the way and reports the concrete path written', () => {
    const record = {};
    expect(writePath(record, segs('a.b.c'), 1, 0, 'E')).toStrictEqual(['E.a.b.c']);
    expect(record).toStrictEqual({ a: { b: { c: 1 } } });
  });

  it('finds or appends [key=value] elements in the order of first write', () => {
    const record: Record<string, unknown> = {};
    writePath(record, segs('addresses[type=Shipping].line1'), 'S', 0);
    writePath(record, segs('addresses[type=Billing].line1'), 'B', 0);
    writePath(record, segs('addresses[type=Shipping].zip'), '1', 0);
    expect(record).toStrictEqual({ addresses: [{ type: 'Shipping', line1: 'S', zip: '1' }, { type: 'Billing', line1: 'B' }] });
  });

  it('maps element-wise when aligned, keeping positions of elements without a value', () => {
    const record: Record<string, unknown> = {};
    writePath(record, segs('lines[].code'), ['a', undefined, 'c'], 1);
    writePath(record, segs('lines[].qty'), [1, 2, 3], 1);
    expect(record).toStrictEqual({ lines: [{ code: 'a', qty: 1 }, { qty: 2 }, { code: 'c', qty: 3 }] });
  });

  it('writes a single value into every element when not aligned', () => {
    const record: Record<string, unknown> = { lines: [{}, {}] };
    writePath(record, segs('lines[].currency'), 'EUR', 0);
    expect(record).toStrictEqual({ lines: [{ currency: 'EUR' }, { currency: 'EUR' }] });
  });

  it('fills index gaps so records stay JSON', () => {
    const record: Record<string, unknown> = {};
    writePath(record, segs('tags[2]'), 'x', 0);
    writePath(record, segs('items[1].a'), 'y', 0);
    expect(record).toStrictEqual({ tags: [null, null, 'x'], items: [{}, { a: 'y' }] });
  });

  it('writes __proto__ as an own key, never as the prototype', () => {
    const record: Record<string, unknown> = {};
    writePath(record, segs('__proto__.polluted'), true, 0);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.keys(record)).toStrictEqual(['__proto__']);
  });
});

describe('paths, as properties', () => {
  const name = fc.stringMatching(/^[A-Za-z_$][A-Za-z0-9_$-]{0,8}$/);
  const segment = fc.record({ name, selector: fc.option(fc.oneof(fc.constant({ kind: 'index' as const, index: 0 }), fc.nat({ max: 4 }).map((index) => ({ kind: 'index' as const, index }))), { nil: undefined }) }).map((s) => (s.selector ? { name: s.name, selector: s.selector } : { name: s.name }));
  const json = fc.jsonValue().filter((v) => v !== null);

  it('reads back what it wrote, for any path of names and indexes', () => {
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), json, (segments, value) => {
        const record = {};
        writePath(record, segments, value, 0);
        expect(readPath(record, segments)).toStrictEqual({ found: true, value });
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the length of the source list in an element-wise write', () => {
    fc.assert(
      fc.property(fc.array(fc.option(json, { nil: undefined }), { maxLength: 20 }), (values) => {
        const record: Record<string, unknown> = {};
        writePath(record, segs('out[].v'), values, 1);
        expect((record['out'] as unknown[]).length).toBe(values.length);
        const back = readPath(record, segs('out[].v'));
        expect(back).toStrictEqual({ found: true, value: values });
      }),
      { numRuns: 300 },
    );
  });
});
