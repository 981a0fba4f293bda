import { describe, expect, it } from 'vitest';
import { DF1, cleanSpec, findingFor, findingsOf, firstFlow } from '../../../test/support/rules.js';
import { outcomeAction } from './outcome-action.js';

const noAction = findingFor('outcome-action', 'warn');
const outcomeAt = (i: number) => `${DF1}/outcomes/${i}`;

describe('outcome-action', () => {
  it('finds nothing when every failure outcome has an action', () => {
    expect(findingsOf(outcomeAction, cleanSpec())).toStrictEqual([]);
  });

  it('warns about a failure outcome without an action', () => {
    const spec = cleanSpec();
    delete firstFlow(spec).outcomes[1].action;
    expect(findingsOf(outcomeAction, spec)).toStrictEqual([noAction('OC-2', outcomeAt(1), `${outcomeAt(1)}/action`)]);
  });

  it('does not ask a success outcome for an action', () => {
    const spec = cleanSpec();
    expect(firstFlow(spec).outcomes[0].action).toBeUndefined();
    firstFlow(spec).outcomes[0].type = 'success';
    expect(findingsOf(outcomeAction, spec)).toStrictEqual([]);
  });

  it('names derived ids like DF-1.OC-3', () => {
    const spec = cleanSpec();
    for (const outcome of firstFlow(spec).outcomes) {
      delete outcome.id;
      delete outcome.action;
    }
    expect(findingsOf(outcomeAction, spec)).toStrictEqual([
      noAction('DF-1.OC-2', outcomeAt(1), `${outcomeAt(1)}/action`),
      noAction('DF-1.OC-3', outcomeAt(2), `${outcomeAt(2)}/action`),
    ]);
  });
});
