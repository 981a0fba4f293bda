import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INDENTED_LEVELS, writeJson, writeJsonIteratively } from './json-writer.js';

/** `levels` objects, one inside the other, around `leaf`. */
function nested(levels: number, leaf: unknown = 1): unknown {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = i % 2 === 0 ? { a: value } : [value];
  return value;
}

describe('writeJson', () => {
  it('writes what JSON.stringify writes, with and without indentation', () => {
    const value = fc.letrec((tie) => ({
      any: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue({ maxDepth: 2 }),
        fc.constantFrom(undefined, Number.NaN, Infinity, -0, '\ud800', '\u2028'),
        fc.array(tie('any'), { maxLength: 4 }),
        fc.dictionary(fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('__proto__', 'constructor')), tie('any'), { maxKeys: 4 }),
      ),
    })).any;
    fc.assert(
      fc.property(value, fc.constantFrom(0, 2, 4), (json, indent) => {
        const native = JSON.stringify(json, null, indent);
        expect(writeJsonIteratively(json, indent)).toBe(native);
        expect(writeJson(json, indent)).toBe(native);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps own __proto__ keys as keys', () => {
    const value = JSON.parse('{"__proto__": {"polluted": 1}, "a": [1, {"__proto__": 2}]}') as unknown;
    expect(writeJsonIteratively(value, 2)).toBe(JSON.stringify(value, null, 2));
    expect(JSON.parse(writeJson(nested(20_000, value))!)).toBeTruthy();
  });

  it('writes values nested deeper than JSON.stringify can, and they read back equal', () => {
    const deep = nested(20_000, { leaf: 'x' });
    expect(() => JSON.stringify(deep)).toThrow(RangeError);
    const compact = writeJson({ deep })!;
    expect(compact).toBe(`{"deep":${'[{"a":'.repeat(10_000)}{"leaf":"x"}${'}]'.repeat(10_000)}}`);
    // Read back (JSON.parse has no depth limit) and written again: the same text.
    expect(writeJson(JSON.parse(writeJson({ deep }, 2)!))).toBe(compact);
  });

  it(`indents the first ${INDENTED_LEVELS} levels and writes deeper values on one line, so the text stays linear in the depth`, () => {
    const text = writeJson(nested(20_000), 2)!;
    // 20,000 levels of `{"a":` or `[` and their closings, plus the indentation of the first 100.
    expect(text.length).toBeLessThan(200_000);
    const lines = text.split('\n');
    expect(lines.length).toBe(2 * INDENTED_LEVELS + 1);
    expect(lines.slice(0, 4)).toStrictEqual(['[', '  {', '    "a": [', '      {']);
    // The value at level 100 is the last one on a line of its own, holding all the deeper ones.
    expect(lines[INDENTED_LEVELS]).toMatch(/^ {200}"a": \[\{"a":\[\{"a":\[/);
  });

  it('refuses a cycle and a BigInt as JSON.stringify does, and gives undefined for what JSON cannot hold', () => {
    const cycle: Record<string, unknown> = {};
    cycle['self'] = nested(5000, cycle);
    expect(() => writeJson(cycle)).toThrow(TypeError);
    expect(() => writeJson(nested(5000, 1n))).toThrow(TypeError);
    expect(writeJson(undefined)).toBeUndefined();
    expect(writeJson(() => 1)).toBeUndefined();
    expect(writeJsonIteratively([undefined, { a: undefined, b: () => 1 }, new Date(0)], 0)).toBe('[null,{},"1970-01-01T00:00:00.000Z"]');
  });
});
