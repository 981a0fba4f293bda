import { describe, expect, it } from 'vitest';
import { expressionSize, MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_OPERATORS, parseExpression } from './expressions.js';

describe('expressionSize', () => {
  it('counts bracket depth and operators outside strings, backtick names and comments', () => {
    expect(expressionSize('a.b + (c[0] * {"k": d ? 1 : 2})')).toStrictEqual({ depth: 2, deepestAt: 9, operators: 4 });
    expect(expressionSize('"((.+))" & `a.b(` /* (( .. */ & \'[x]\'')).toStrictEqual({ depth: 0, deepestAt: 0, operators: 2 });
    // `:` and `,` between an object's pairs separate; a lookup table of many entries is not a long chain.
    const table = `{${Array.from({ length: 3000 }, (_, i) => `"k${i}": ${i}`).join(', ')}}[$source]`;
    expect(expressionSize(table).operators).toBe(0);
    expect(parseExpression(table)).toMatchObject({ ok: true });
  });
});

describe('parseExpression on expressions too large to read by recursion', () => {
  it('refuses them with a reason and tooDeep, without a stack overflow', () => {
    expect(parseExpression('a' + '.a'.repeat(4_999))).toStrictEqual({
      ok: false,
      tooDeep: true,
      message: 'has 4,999 operators and path steps, more than the 2,000 Specwright reads in one expression (split it into several mappings, or name parts with variables)',
    });
    expect(parseExpression('('.repeat(5_000) + '1' + ')'.repeat(5_000))).toStrictEqual({ ok: false, tooDeep: true, position: 5_000, message: 'nests brackets 5,000 deep, more than the 500 Specwright reads' });
    for (const deep of ['['.repeat(3_000) + ']'.repeat(3_000), '$string('.repeat(3_000) + '1' + ')'.repeat(3_000), '-'.repeat(5_000) + '1', '{"a":'.repeat(3_000) + '1' + '}'.repeat(3_000)]) {
      expect(parseExpression(deep)).toMatchObject({ ok: false, tooDeep: true });
    }
  });

  it('reads what is within the limits, as jsonata does', () => {
    expect(parseExpression('('.repeat(MAX_EXPRESSION_DEPTH) + '$inputs.x' + ')'.repeat(MAX_EXPRESSION_DEPTH))).toStrictEqual({ ok: true, inputRefs: ['x'] });
    expect(parseExpression('a' + '.a'.repeat(MAX_EXPRESSION_OPERATORS - 1))).toStrictEqual({ ok: true, inputRefs: [] });
    expect(parseExpression('1' + ' + 1'.repeat(MAX_EXPRESSION_OPERATORS))).toStrictEqual({ ok: true, inputRefs: [] });
    expect(parseExpression('(' + '(1;'.repeat(400) + ')'.repeat(401))).toMatchObject({ ok: true });
    expect(parseExpression('(((')).toMatchObject({ ok: false });
    expect(parseExpression('(((')).not.toHaveProperty('tooDeep');
  });
});
