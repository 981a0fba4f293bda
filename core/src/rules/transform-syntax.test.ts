import { describe, expect, it } from 'vitest';
import { DF1, cleanSpec, findingFor, findingsOf, firstFlow } from '../../../test/support/rules.js';
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
