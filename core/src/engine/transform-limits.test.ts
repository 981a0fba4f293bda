import fc from 'fast-check';
import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { compileTransform, describeTransformError, MAX_SEQUENCE_LENGTH, MAX_STRING_LENGTH } from './transform.js';

async function outcome(expression: string, bindings: Record<string, unknown> = {}, input: unknown = {}) {
  try {
    const value = await compileTransform(expression).evaluate(input, bindings);
    return { ok: true as const, value: value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown) };
  } catch (error) {
    return { ok: false as const, message: describeTransformError(error) };
  }
}

const failure = async (expression: string, bindings?: Record<string, unknown>) => {
  const result = await outcome(expression, bindings);
  expect(result.ok, `${expression} should fail`).toBe(false);
  return result.ok ? '' : result.message;
};

describe('transform size limits', () => {
  it('caps ranges and sequences at MAX_SEQUENCE_LENGTH items, before allocating them', async () => {
    expect(MAX_SEQUENCE_LENGTH).toBe(100_000);
    expect(await outcome('$count([1..100000])')).toStrictEqual({ ok: true, value: 100_000 });
    expect(await failure('$sort([1..1000000])')).toBe('failed at character 10: the range would hold 1,000,000 items, over the limit of 100,000 items');
    expect(await failure('$string([1..10000000])')).toMatch(/^failed at character \d+: the range would hold 10,000,000 items, over the limit/);
    expect(await failure('$count([1..100000000])')).toMatch(/would hold 100,000,000 items/);
    expect(await failure('$split($pad("", 60000, "a") & $pad("", 60000, "a"), "")')).toMatch(/\$split would give more pieces, over the limit of 100,000 items$/);
    expect(await outcome('$count($match($pad("", 60000, "a") & $pad("", 60000, "a"), /a/, 5))')).toStrictEqual({ ok: true, value: 5 });
    expect(await outcome('[1..3, 5, [7..8]]')).toStrictEqual({ ok: true, value: [1, 2, 3, 5, [7, 8]] });
    expect(await outcome('[3..1]')).toStrictEqual({ ok: true, value: [] });
    expect(await failure('[1.5..3]')).toMatch(/left side of the range operator/);
    expect(await failure('$match($pad("", 60000, "a") & $pad("", 60000, "a"), /a/)')).toBe('failed at character 7: $match would give more matches, over the limit of 100,000 items');
  });

  it('sorts 100,000 values (jsonata’s own sort copies the list at every step and never ends)', async () => {
    const result = await outcome('$sort($reverse([1..100000]))[[0, 99999]]');
    expect(result).toStrictEqual({ ok: true, value: [1, 100_000] });
    const strings = await outcome('$sort(["b", "a", "c"])');
    expect(strings).toStrictEqual({ ok: true, value: ['a', 'b', 'c'] });
    expect(await failure('$sort([1, "a"])')).toMatch(/array of strings or an array of numbers/);
    const byComparator = await outcome('$sort([1..2000], function($a, $b) { $a % 7 > $b % 7 })');
    expect(byComparator.ok && (byComparator.value as number[]).slice(0, 3)).toStrictEqual([7, 14, 21]);
  });

  it('keeps distinct values of 100,000 without comparing every pair', async () => {
    expect(await outcome('$count($distinct([1..100000]))')).toStrictEqual({ ok: true, value: 100_000 });
    expect(await outcome('$distinct([1, "1", {"a": 1, "b": [2]}, {"b": [2], "a": 1}, [1, 2], [1, 2], null, null, true])')).toStrictEqual({
      ok: true,
      value: [1, '1', { a: 1, b: [2] }, [1, 2], null, true],
    });
  });

  it('refuses strings over MAX_STRING_LENGTH characters before building them', async () => {
    expect(MAX_STRING_LENGTH).toBe(1_000_000);
    const limit = 'over the limit of 1,000,000';
    // `&` on a string that doubles each step: 2^25 characters.
    expect(await failure('$reduce([1..25], function($acc, $v) { $acc & $acc }, "x")')).toMatch(new RegExp(`^failed at character \\d+: & would build a string of 1,048,576 characters, ${limit}$`));
    // $string of a value whose parts are shared: small to hold, 2^20 copies to write out.
    expect(await failure('$string($reduce([1..20], function($acc, $v) { {"l": $acc, "r": $acc} }, [1..50]))')).toContain(limit);
    expect(await failure('$reduce([1..20], function($acc, $v) { {"a": $acc, "b": $acc} }, "xxxxxxxxxx") & ""')).toContain(limit);
    expect(await failure('$join([1..100000].$pad("", 20, "y"))')).toMatch(/\$join would build a string of 2,000,000 characters/);
    expect(await failure('$replace($pad("", 100000, "a"), /a/, $pad("", 20, "b"))')).toMatch(/\$replace would build a string of 1,000,0\d\d characters/);
    expect(await failure('$replace($pad("", 100000, "a"), "a", $pad("", 20, "b"))')).toMatch(/\$replace would build a string of 2,000,000 characters/);
    expect(await failure('$base64encode($source)', { source: 'x'.repeat(100_000_000) })).toMatch(/\$base64encode would build a string of 133,333,336 characters/);
    expect(await failure('$fromMillis(0, "[Y,100000000]")')).toMatch(/picture's width 100000000 is over the limit of 1,000/);
    expect(await failure('$now("[Y,*-200000000]")')).toMatch(/picture's width 200000000/);
  });

  it('leaves everyday strings alone', async () => {
    expect(await outcome('"a" & 1 & true & null & [1, "b"] & {"c": 2.5} & $x', { x: undefined })).toStrictEqual({ ok: true, value: 'a1truenull[1,"b"]{"c":2.5}' });
    expect(await outcome('$string({"a": [1, 0.1 + 0.2]}, true)')).toStrictEqual({ ok: true, value: '{\n  "a": [\n    1,\n    0.3\n  ]\n}' });
    expect(await outcome('$join(["a", "b"], "-") & $replace("a-b", "-", "+") & $base64encode("hi")')).toStrictEqual({ ok: true, value: 'a-ba+baGk=' });
    expect(await outcome('$replace("John Smith", /(\\w+)\\s(\\w+)/, "$2, $1 $$ $0")')).toStrictEqual({ ok: true, value: 'Smith, John $ John Smith' });
    expect(await outcome('$replace("abc", /b/, function($m) { $uppercase($m.match) })')).toStrictEqual({ ok: true, value: 'aBc' });
    expect(await outcome('$fromMillis(0, "[Y0001]-[M01]")')).toStrictEqual({ ok: true, value: '1970-01' });
    const now = await outcome('$now() = $fromMillis($millis())');
    expect(now).toStrictEqual({ ok: true, value: true });
  });

  it('gives what jsonata gives for the functions it replaces, on small values', async () => {
    const plain = async (expression: string, bindings: Record<string, unknown>) => {
      try {
        const value = await jsonata(expression).evaluate({}, bindings);
        return { ok: true, value: value === undefined ? undefined : JSON.parse(JSON.stringify(value)) };
      } catch (error) {
        return { ok: false, code: (error as { code?: string }).code };
      }
    };
    const guarded = async (expression: string, bindings: Record<string, unknown>) => {
      try {
        const value = await compileTransform(expression).evaluate({}, bindings);
        return { ok: true, value: value === undefined ? undefined : JSON.parse(JSON.stringify(value)) };
      } catch (error) {
        return { ok: false, code: (error as { code?: string }).code };
      }
    };
    const scalar = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom('a', 'b', 'ab', '', '$1'), fc.boolean(), fc.constant(null));
    const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }), fc.dictionary(fc.constantFrom('a', 'b', 'c'), scalar, { maxKeys: 3 }));
    const expressions = fc.constantFrom(
      '$sort($x)',
      '$sort($x, function($a, $b) { $string($a) > $string($b) })',
      '$distinct($x)',
      '$string($x)',
      '$string($x, true)',
      '$x & $y',
      '"<" & $x & "|" & $y & ">"',
      '$join($x, $string($y))',
      '$replace($string($x), /[ab]/, "[$0$1]")',
      '$replace($string($x), "a", $string($y))',
      '$replace($string($x), /(a)(b)?/, "$2$1$$")',
      '[$count($x)..$count($y)]',
      '$match($string($x), /[a-z]+/)',
      '$split($string($x), /[,:]/, 3)',
      '$split($string($x), ",")',
    );
    await fc.assert(
      fc.asyncProperty(expressions, fc.oneof(value, fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 8 })), value, async (expression, x, y) => {
        expect(await guarded(expression, { x, y })).toStrictEqual(await plain(expression, { x, y }));
      }),
      { numRuns: 400 },
    );
  });
});

describe('the characters one evaluation may build in all', () => {
  it('stops many small strings that add up, before the timeout would', async () => {
    // The first form passes the budget in 101 large steps, so a busy machine cannot let the 1 s
    // timeout win the race (100,000 small steps could).
    expect(await failure('$count([1..101].$pad("", 100000, "x"))')).toMatch(/built strings of more than 10,000,000 characters in all/);
    expect(await failure("($v := [1..1000]; $count([1..10000].($string($v))))")).toMatch(/more than 10,000,000 characters in all/);
  });

  it('stops ranges and splits that add up past a million items', async () => {
    expect(await failure('$count([1..100000].[1..100000])')).toMatch(/built lists of more than 1,000,000 items in all/);
    expect(await outcome('$sum([1..1000].($count([1..900])))')).toStrictEqual({ ok: true, value: 900_000 });
    expect(await failure('$count([1..20].$split($pad("", 99999, "ab"), ""))')).toMatch(/built lists of more than 1,000,000 items in all/);
  });

  it('counts per evaluation: the next one starts again', async () => {
    const transform = compileTransform('$length($pad("", 99999, "x") & $pad("", 99999, "y"))');
    for (let i = 0; i < 60; i++) expect(await transform.evaluate({}, {})).toBe(199_998);
  });
});
