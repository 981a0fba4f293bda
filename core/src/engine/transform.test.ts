import { describe, expect, it } from 'vitest';
import { compileTransform, describeTransformError, TRANSFORM_TIMEOUT_MS } from './transform.js';

async function outcome(expression: string, input: unknown = {}, bindings: Record<string, unknown> = {}) {
  const started = Date.now();
  try {
    const value = await compileTransform(expression).evaluate(input, bindings);
    return { ok: true as const, value, ms: Date.now() - started };
  } catch (error) {
    return { ok: false as const, message: describeTransformError(error), ms: Date.now() - started };
  }
}

describe('compileTransform', () => {
  it('evaluates against the source records with $inputs and $source bound', async () => {
    const result = await outcome('Order.total + $inputs.fee + $source', { Order: { total: 100 } }, { inputs: { fee: 5 }, source: 1 });
    expect(result).toMatchObject({ ok: true, value: 106 });
  });

  it('stops runaway recursion at the stack guardrail with a sentence, not a crash', async () => {
    const result = await outcome('($f := function($n) { $f($n + 1) }; $f(0))');
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toMatch(/deeper than \d+ levels|longer than/);
  });

  it('stops a long loop at the timeout guardrail', async () => {
    const result = await outcome('$sum($map([1..100000], function($v) { $sum($map([1..1000], function($w) { $w * $v })) }))');
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toContain(`longer than ${TRANSFORM_TIMEOUT_MS} ms`);
    expect(result.ms).toBeLessThan(TRANSFORM_TIMEOUT_MS * 10);
  });

  it('refuses a huge $pad instead of allocating it', async () => {
    const result = await outcome('$pad("x", 1000000000)');
    expect(result).toMatchObject({ ok: false });
    expect(result.ok ? '' : result.message).toContain('over the limit');
    expect(await outcome('$pad("7", -3, "0")')).toMatchObject({ ok: true, value: '007' });
    expect(await outcome('$pad("ab", 5, "xy")')).toMatchObject({ ok: true, value: 'abxyx' });
  });

  it('has no $eval', async () => {
    const result = await outcome('$eval("1 + 1")');
    expect(result).toMatchObject({ ok: false });
    expect(result.ok ? '' : result.message).toContain('$eval is not available');
  });

  it('treats __proto__ and constructor in records as data', async () => {
    const input = JSON.parse('{"Order": {"__proto__": {"x": 1}, "constructor": "c"}}');
    expect(await outcome('Order.constructor', input)).toMatchObject({ ok: true, value: 'c' });
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });

  it('records which branches of each conditional a run takes', async () => {
    const transform = compileTransform('Order.state != "Ohio" ? Order.total + Order.taxAmount : Order.total');
    expect(transform.branches.map((b) => b.key)).toStrictEqual(['23:then', '23:else']);
    const taken = new Set<string>();
    await transform.evaluate({ Order: { state: 'Ohio', total: 100, taxAmount: 8 } }, {}, taken);
    expect([...taken]).toStrictEqual(['23:else']);
    await transform.evaluate({ Order: { state: 'Texas', total: 100, taxAmount: 8 } }, {}, taken);
    expect([...taken].sort()).toStrictEqual(['23:else', '23:then']);
  });

  it('counts nested conditionals and the ?: and ?? operators', async () => {
    const transform = compileTransform('a ? (b ? 1 : 2) : (c ?: d)');
    expect(transform.branches.length).toBe(6);
    const taken = new Set<string>();
    await transform.evaluate({ a: true, b: false }, {}, taken);
    expect([...taken].sort()).toStrictEqual(['3:then', '8:else']);
  });
});

/** A result as JSON would carry it: jsonata's sequences are arrays with a flag. */
async function valueOf(expression: string, input: unknown = {}): Promise<unknown> {
  const value = await compileTransform(expression).evaluate(input, {});
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

describe('regular expressions in transforms', () => {
  it('matches in linear time: a catastrophic-backtracking pattern on 41 characters answers', async () => {
    const text = `${'a'.repeat(41)}!`;
    expect(await outcome(`$match($source, /(a+)+$/)`, {}, { source: text })).toMatchObject({ ok: true, value: undefined });
    expect(await outcome(`$contains($source, /(a|aa)+b/)`, {}, { source: 'a'.repeat(5000) })).toMatchObject({ ok: true, value: false });
    expect(await outcome(`$replace($source, /(x+x+)+y/, "-")`, {}, { source: 'x'.repeat(5000) })).toMatchObject({ ok: true, value: 'x'.repeat(5000) });
  });

  it('gives the results JavaScript regexes give for the everyday patterns', async () => {
    expect(await valueOf('$match("ab12cd345", /[0-9]+/).match')).toStrictEqual(['12', '345']);
    expect(await valueOf('$match("ab12cd345", /([a-z]+)([0-9]+)/)[1].groups')).toStrictEqual(['cd', '345']);
    expect(await valueOf('$match("x", /(a)|(x)/).groups')).toStrictEqual([null, 'x']);
    expect(await valueOf('$replace("John Smith", /(\\w+)\\s(\\w+)/, "$2, $1")')).toBe('Smith, John');
    expect(await valueOf('$split("a1b22c", /[0-9]+/)')).toStrictEqual(['a', 'b', 'c']);
    expect(await valueOf('$contains("Hello", /^h/i)')).toBe(true);
    expect(await valueOf('$match("a\\nb", /^b$/m).index')).toBe(2);
    expect(await valueOf('$match("a/b", /a\\/b/).match')).toBe('a/b');
    expect(await valueOf('$match("😀ab", /b/).index')).toBe(3);
    expect(await valueOf('$replace("aaa", /a/, "b", 2)')).toBe('bba');
    expect(await valueOf('Order.items[sku ~> /^A-/].sku', { Order: { items: [{ sku: 'A-1' }, { sku: 'B-2' }] } })).toBe('A-1');
  });

  it('runs a regex on the left of ?: (jsonata’s copy of it for the condition loses the pattern)', async () => {
    expect(await valueOf('$match(S.a, /((a))/).match ?: "none"', { S: { a: 'xa' } })).toBe('a');
    expect(await valueOf('$match(S.a, /((a))/) ?: true', { S: {} })).toBe(true);
  });

  it('keeps jsonata’s refusal of a regex that matches the empty string', async () => {
    const result = await outcome('$match("abc", /x*/)');
    expect(result).toMatchObject({ ok: false });
    expect(result.ok ? '' : result.message).toMatch(/zero length/);
  });

  it.each([
    ['a backreference', '$match("aa", /(a)\\1/)', /backreference \(\\1\)/],
    ['a named backreference', '$match("aa", /(?<x>a)\\k<x>/)', /named backreference/],
    ['a lookahead', '$match("ab", /a(?=b)/)', /lookahead \(\(\?=\)/],
    ['a negative lookbehind', '$replace("ab", /(?<!a)b/, "")', /lookbehind \(\(\?<!\)/],
  ])('refuses %s with a transform error that says why', async (_name, expression, reason) => {
    const result = await outcome(expression);
    expect(result.ok).toBe(false);
    const message = result.ok ? '' : result.message;
    expect(message).toMatch(reason);
    expect(message).toMatch(/^failed at character \d+: the regular expression \//);
    expect(message).toContain('linear time');
  });
});
