import { describe, expect, it } from 'vitest';
import { DF1, checkSpec, cleanSpec, findingFor, findingsOf, firstFlow } from '../../../test/support/rules.js';
import { isJsonataName } from '../expr/expressions.js';
import { transformSyntax } from './transform-syntax.js';

const invalid = findingFor('transform-syntax', 'error');
const FM5 = `${DF1}/mappings/4`;

describe('transform-syntax', () => {
  it('finds nothing when every expression parses', () => {
    const spec = cleanSpec();
    expect(findingsOf(transformSyntax, spec)).toStrictEqual([]);
    delete firstFlow(spec).mappings[4].constant;
    firstFlow(spec).mappings[4].transform = 'Order.state != "Ohio" ? Order.total + Order.taxAmount : Order.total';
    expect(findingsOf(transformSyntax, spec)).toStrictEqual([]);
  });

  it('reports a transform that is not valid JSONata', () => {
    const spec = cleanSpec();
    delete firstFlow(spec).mappings[4].constant;
    firstFlow(spec).mappings[4].transform = '"Pro" & (';
    expect(findingsOf(transformSyntax, spec)).toStrictEqual([invalid('FM-5', FM5, `${FM5}/transform`)]);
  });

  it('reports a filter and criteria that are not valid JSONata, about the trigger', () => {
    const spec = cleanSpec();
    firstFlow(spec).triggers[0].filter = 'ConversionEvent.type = = "form"';
    firstFlow(spec).triggers[1].criteria = 'ConversionEvent.createdAt > $lastRun]';
    firstFlow(spec).triggers[1].filter = '"unclosed';
    expect(findingsOf(transformSyntax, spec)).toStrictEqual([
      invalid('TR-1', `${DF1}/triggers/0`, `${DF1}/triggers/0/filter`),
      invalid('TR-2', `${DF1}/triggers/1`, `${DF1}/triggers/1/filter`),
      invalid('TR-2', `${DF1}/triggers/1`, `${DF1}/triggers/1/criteria`),
    ]);
  });

  it('leaves blank expressions to the rules about missing values (mapping-kind, trigger-details)', () => {
    const spec = cleanSpec();
    firstFlow(spec).mappings[1].transform = ' ';
    firstFlow(spec).triggers[0].filter = '';
    firstFlow(spec).triggers[1].criteria = '';
    expect(findingsOf(transformSyntax, spec)).toStrictEqual([]);
  });

  it('does not read other text as JSONata', () => {
    const spec = cleanSpec();
    firstFlow(spec).triggers[0].description = 'Listen for ( the webhook';
    firstFlow(spec).mappings[4].description = 'Sets ((';
    expect(findingsOf(transformSyntax, spec)).toStrictEqual([]);
  });

  it('names the derived id of a mapping without one', () => {
    const spec = cleanSpec();
    delete firstFlow(spec).mappings[4].id;
    delete firstFlow(spec).mappings[4].constant;
    firstFlow(spec).mappings[4].transform = '$source +';
    expect(findingsOf(transformSyntax, spec)).toStrictEqual([invalid('DF-1.FM-5', FM5, `${FM5}/transform`)]);
  });
});

describe('transform-syntax, entity names JSONata cannot read unquoted', () => {
  /** The example with its source entity renamed `simple-user` (as OpenAPI names go) and one transform. */
  const withEntity = (transform: string, name = 'simple-user') => {
    const spec = cleanSpec();
    firstFlow(spec).source.entities = [name];
    delete firstFlow(spec).mappings[4].constant;
    firstFlow(spec).mappings[4].transform = transform;
    return spec;
  };
  const messages = (spec: unknown) => checkSpec(spec, { rules: [transformSyntax] }).map((f) => f.message);

  it('reports simple-user.name, which parses as a subtraction, and says to write `simple-user`.name', () => {
    const spec = withEntity('$uppercase(simple-user.name)');
    expect(findingsOf(transformSyntax, spec)).toStrictEqual([invalid('FM-5', FM5, `${FM5}/transform`)]);
    expect(messages(spec)).toStrictEqual(['transform has simple-user.name, which JSONata reads as the subtraction simple - user.name, not as the entity simple-user: write `simple-user`.name instead']);
  });

  it('reports target entity names, and filters and criteria, too', () => {
    const spec = cleanSpec();
    firstFlow(spec).source.entities = ['conversion-event'];
    firstFlow(spec).target.entities = ['crm-customer'];
    firstFlow(spec).triggers[0].filter = 'conversion-event.type = "form"';
    firstFlow(spec).triggers[1].criteria = '$exists(crm-customer)';
    expect(findingsOf(transformSyntax, spec)).toStrictEqual([
      invalid('TR-1', `${DF1}/triggers/0`, `${DF1}/triggers/0/filter`),
      invalid('TR-2', `${DF1}/triggers/1`, `${DF1}/triggers/1/criteria`),
    ]);
    expect(messages(spec)[1]).toContain('write `crm-customer` instead');
  });

  it('finds nothing where the name is quoted, inside a string or a comment, a field or a variable', () => {
    for (const transform of ['`simple-user`.name', '`simple-user`.name & " (simple-user)"', "'simple-user.name'", '/* simple-user.name */ `simple-user`.name', 'Order.simple-user', '$simple-user', 'simple-users.name', 'simple-user2']) {
      expect(findingsOf(transformSyntax, withEntity(transform)), transform).toStrictEqual([]);
    }
    // Names JSONata reads unquoted are never searched for.
    expect(findingsOf(transformSyntax, withEntity('Order - user', 'Order'))).toStrictEqual([]);
  });

  it('adds the advice to a syntax error the unquoted name causes', () => {
    const spec = withEntity('Sales Order.total * 2', 'Sales Order');
    expect(findingsOf(transformSyntax, spec)).toStrictEqual([invalid('FM-5', FM5, `${FM5}/transform`)]);
    expect(messages(spec)[0]).toMatch(/^transform is not valid JSONata at character \d+: .* \(write `Sales Order`\.total instead\)$/);
  });
});

describe('isJsonataName', () => {
  it('accepts what JSONata reads as one name, and nothing else', () => {
    expect(['Order', 'order_line', 'Ünïcode', 'a1', '_x'].filter(isJsonataName)).toStrictEqual(['Order', 'order_line', 'Ünïcode', 'a1', '_x']);
    expect(['simple-user', 'Sales Order', '1st', '$x', 'a.b', 'a[0]', 'in', 'null', '', '`a`', '"a"'].filter(isJsonataName)).toStrictEqual([]);
  });
});

describe('transform-syntax on expressions too large to run', () => {
  it('reports 5,000 path steps or nested blocks as too large, not as invalid, and never throws', () => {
    const spec = cleanSpec();
    delete firstFlow(spec).mappings[4].constant;
    firstFlow(spec).mappings[4].transform = 'Order' + '.a'.repeat(4_999);
    firstFlow(spec).triggers[0].filter = '('.repeat(5_000) + 'true;' + ')'.repeat(5_000);
    expect(checkSpec(spec, { rules: [transformSyntax] })).toMatchObject([
      { id: 'TR-1', valuePath: `${DF1}/triggers/0/filter`, message: 'filter is too large to run: it nests brackets 5,000 deep, more than the 500 Specwright reads' },
      { id: 'FM-5', valuePath: `${FM5}/transform`, message: expect.stringMatching(/^transform is too large to run: it has 4,999 operators and path steps, more than the 2,000 Specwright reads/) },
    ]);
  });
});
