import fc from 'fast-check';
import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { inputReferences, type JsonataNode } from './expressions.js';
import { recogniseSimpleExpression } from './simple-syntax.js';

/** What jsonata itself says: valid with these input references, or not valid. */
function jsonataSays(text: string): string[] | 'invalid' {
  try {
    return inputReferences(jsonata(text).ast() as JsonataNode);
  } catch {
    return 'invalid';
  }
}

describe('recogniseSimpleExpression', () => {
  it.each([
    ['Order.state != "Ohio" ? Order.total + Order.taxAmount : Order.total', []],
    ['$inputs.defaultOwner', ['defaultOwner']],
    ['$uppercase(Order.name) & "-" & $string($inputs.`region code`)', ['region code']],
    ['Order.items[qty > 1].sku', []],
    ['$inputs[0].a and $inputs.b or $exists(c)', ['a', 'b']],
    ["'it''s'", undefined],
    ['a ?: b', []],
    ['a ?? $inputs.x', ['x']],
    ['$sum(Order.items.(quantity * price)) + 20', []],
    ['$join([Order.a.line1, $inputs.sep], ", ")', ['sep']],
    ['[]', []],
  ])('%s', (text, refs) => {
    const result = recogniseSimpleExpression(text);
    if (refs === undefined) expect(result).toBeUndefined();
    else expect(result).toStrictEqual({ inputRefs: refs });
  });

  it.each(['-1', 'a.*', '$$.a', '{"a": 1}', 'a ~> $f', '$f := 1', '[1..3]', '/ab/', 'function($x){$x}', 'a[]', '"a".b', '1.a', '$f(?, 1)', 'a /* c */', '(a).b', '[1, 2].a', ''])(
    'leaves %s to jsonata',
    (text) => {
      expect(recogniseSimpleExpression(text)).toBeUndefined();
    },
  );

  it.each(['a +', '(a', 'a ? ', 'a b', '"unterminated', 'a..b', 'a[', 'Order.', '$', '$uppercase(a,)'])('never calls %s valid', (text) => {
    expect(recogniseSimpleExpression(text)).toBeUndefined();
  });

  /** Expressions built from the simple part, with some constructs outside it mixed in. */
  const expressionText = fc.letrec<{ expr: string; primary: string }>((tie) => ({
    primary: fc.oneof(
      { depthSize: 'small' },
      fc.constantFrom('a', 'Order', '`first name`', 'and', 'in', 'true', 'null', '1', '0.5', '2e3', '"x"', "'y'", '"a\\"b"', '"\\q"', '$inputs', '$x', '$', '$$', '*', '-1', 'function'),
      fc.tuple(tie('primary'), fc.constantFrom('.a', '.`b c`', '.b', '[0]', '[x > 1]', '[]', '.1', '."s"', '.$v', '.(a)')).map(([p, s]) => p + s),
      fc.tuple(fc.constantFrom('$string', '$uppercase', '$sum', '$'), fc.array(tie('expr'), { maxLength: 3 })).map(([f, args]) => `${f}(${args.join(', ')})`),
      tie('expr').map((e) => `(${e})`),
      fc.array(tie('expr'), { maxLength: 3 }).map((items) => `[${items.join(', ')}]`),
      fc.tuple(tie('primary'), tie('expr')).map(([p, e]) => `${p}.(${e})`),
    ),
    expr: fc.oneof(
      { depthSize: 'small' },
      tie('primary'),
      fc.tuple(tie('primary'), fc.constantFrom(' + ', '-', ' & ', ' = ', '!=', ' and ', ' or ', ' in ', '<=', '>', ' / ', '*', '..', ' ~> ', ':=', ' ? '), tie('expr')).map(([a, op, b]) => a + op + b),
      fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([a, b, c]) => `${a} ? ${b} : ${c}`),
      fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => `${a} ?: ${b}`),
    ),
  })).expr;

  const mutated = fc.tuple(expressionText, fc.nat(), fc.constantFrom('', ' ', '(', ')', '[', ']', '.', '"', '`', '?', ':', ',', '$', '-', '/')).map(
    ([text, at, insert]) => text.slice(0, at % (text.length + 1)) + insert + text.slice(at % (text.length + 1)),
  );

  it('agrees with jsonata on validity and input references whenever it answers', () => {
    let answered = 0;
    fc.assert(
      fc.property(fc.oneof(expressionText, mutated), (text) => {
        const simple = recogniseSimpleExpression(text);
        if (simple === undefined) return;
        answered++;
        expect(jsonataSays(text), text).toStrictEqual(simple.inputRefs);
      }),
      { numRuns: 4000 },
    );
    expect(answered).toBeGreaterThan(100); // the comparison is not vacuous
  });
});
