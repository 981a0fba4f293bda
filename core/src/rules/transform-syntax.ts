import type { AnyElement } from '../model/spec-index.js';
import { isBlank } from './text.js';
import type { Rule, RuleFinding } from './rule.js';

export const transformSyntax: Rule = {
  id: 'transform-syntax',
  severity: 'error',
  layer: 'details',
  description:
    'Transforms, trigger filters and query criteria are JSONata expressions, and must parse. They are the executable part of the design: the test runner evaluates them and `export --to jsonata` hands them to engineers, so a syntax error found here is one an engineer never has to guess about.',
  check({ index, expressions }) {
    const findings: RuleFinding[] = [];
    const checkExpression = (element: AnyElement, key: string, text: string | undefined) => {
      // Blank is missing, not invalid: mapping-kind and trigger-details report what must be there.
      if (text === undefined || isBlank(text)) return;
      const parsed = expressions.parse(text);
      if (parsed.ok) return;
      const where = parsed.position !== undefined ? ` at character ${parsed.position}` : '';
      findings.push({ element, message: `${key} is not valid JSONata${where}: ${parsed.message}`, at: `${element.path}/${key}` });
    };
    for (const mapping of index.mappings) checkExpression(mapping, 'transform', mapping.value.transform);
    for (const trigger of index.triggers) {
      checkExpression(trigger, 'filter', trigger.value.filter);
      checkExpression(trigger, 'criteria', trigger.value.criteria);
    }
    return findings;
  },
};
