import { isJsonataName, unquotedNameUses } from '../expr/expressions.js';
import type { AnyElement, DataFlowElement } from '../model/spec-index.js';
import { isBlank } from './text.js';
import type { Rule, RuleFinding } from './rule.js';

export const transformSyntax: Rule = {
  id: 'transform-syntax',
  severity: 'error',
  layer: 'details',
  description:
    'Transforms, trigger filters and query criteria are JSONata expressions, and must parse. They are the executable part of the design: the test runner evaluates them and `export --to jsonata` hands them to engineers, so a syntax error found here is one an engineer never has to guess about. An entity name that is not a JSONata name (`simple-user`, as OpenAPI names often are) must be written in backticks: unquoted, `simple-user.name` parses, but as the subtraction `simple - user.name`, so it is reported too. An expression nested more than 500 brackets deep, or with more than 2,000 operators and path steps, is reported as too large to run: JSONata reads it by recursion, and past that it would run out of stack.',
  check({ index, expressions }) {
    const findings: RuleFinding[] = [];
    // Per data flow, its entity names; only those JSONata cannot read unquoted are ever searched for.
    const entityNames = new Map<DataFlowElement, string[]>();
    const namesOf = (flow: DataFlowElement) => {
      let names = entityNames.get(flow);
      if (!names) {
        const listed = [...(flow.value.source?.entities ?? []), ...(flow.value.target?.entities ?? [])];
        names = listed.filter((n): n is string => typeof n === 'string' && !isJsonataName(n));
        entityNames.set(flow, names);
      }
      return names;
    };
    const checkExpression = (element: AnyElement, flow: DataFlowElement, key: string, text: string | undefined) => {
      // Blank is missing, not invalid: mapping-kind and trigger-details report what must be there.
      if (text === undefined || isBlank(text)) return;
      const parsed = expressions.parse(text);
      const names = namesOf(flow);
      const [use] = names.length > 0 ? unquotedNameUses(text, names) : [];
      const advice = use ? `write ${quoteEntity(use.name, use.written)} instead` : undefined;
      if (parsed.ok) {
        if (use) {
          const reading = use.name.includes('-') ? `the subtraction ${use.name.replace(/-/g, ' - ')}${use.written.slice(use.name.length)}` : 'something else';
          findings.push({ element, message: `${key} has ${use.written}, which JSONata reads as ${reading}, not as the entity ${use.name}: ${advice}`, at: `${element.path}/${key}` });
        }
        return;
      }
      const where = parsed.position !== undefined ? ` at character ${parsed.position}` : '';
      // Valid JSONata, perhaps, but past what Specwright reads: say so, not "not valid".
      const problem = parsed.tooDeep ? `${key} is too large to run: it ${parsed.message}` : `${key} is not valid JSONata${where}: ${parsed.message}`;
      findings.push({ element, message: `${problem}${advice ? ` (${advice})` : ''}`, at: `${element.path}/${key}` });
    };
    for (const mapping of index.mappings) checkExpression(mapping, mapping.dataFlow, 'transform', mapping.value.transform);
    for (const trigger of index.triggers) {
      checkExpression(trigger, trigger.dataFlow, 'filter', trigger.value.filter);
      checkExpression(trigger, trigger.dataFlow, 'criteria', trigger.value.criteria);
    }
    return findings;
  },
};

/** `simple-user.name` as it should be written: `` `simple-user`.name ``. */
const quoteEntity = (name: string, written: string) => `\`${name}\`${written.slice(name.length)}`;
