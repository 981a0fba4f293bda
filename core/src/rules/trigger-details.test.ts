import { describe, expect, it } from 'vitest';
import { DF1, cleanSpec, findingFor, findingsOf, firstFlow } from '../../../test/support/rules.js';
import { triggerDetails } from './trigger-details.js';

const lacks = findingFor('trigger-details', 'error');
const TR1 = `${DF1}/triggers/0`;

/** The example with its triggers replaced by one trigger with these keys, as TR-1. */
function withTrigger(trigger: Record<string, unknown>): Record<string, any> {
  const spec = cleanSpec();
  firstFlow(spec).triggers = [{ id: 'TR-1', ...trigger }];
  return spec;
}

describe('trigger-details', () => {
  it('finds nothing when every trigger has what its type needs', () => {
    expect(findingsOf(triggerDetails, cleanSpec())).toStrictEqual([]);
    expect(findingsOf(triggerDetails, withTrigger({ type: 'file', location: 'sftp://host/in/*.csv' }))).toStrictEqual([]);
    expect(findingsOf(triggerDetails, withTrigger({ type: 'manual', description: 'An admin runs it from the CRM' }))).toStrictEqual([]);
  });

  it('reports an event trigger without its event', () => {
    expect(findingsOf(triggerDetails, withTrigger({ type: 'event', description: 'The webhook' }))).toStrictEqual([lacks('TR-1', TR1, `${TR1}/event`)]);
    expect(findingsOf(triggerDetails, withTrigger({ type: 'event', event: '  ' }))).toStrictEqual([lacks('TR-1', TR1, `${TR1}/event`)]);
  });

  it('reports a query trigger without its schedule or its criteria, once', () => {
    expect(findingsOf(triggerDetails, withTrigger({ type: 'query', criteria: 'true' }))).toStrictEqual([lacks('TR-1', TR1, `${TR1}/schedule`)]);
    expect(findingsOf(triggerDetails, withTrigger({ type: 'query', schedule: 'every 1h' }))).toStrictEqual([lacks('TR-1', TR1, `${TR1}/criteria`)]);
    expect(findingsOf(triggerDetails, withTrigger({ type: 'query' }))).toStrictEqual([lacks('TR-1', TR1, `${TR1}/schedule`)]);
  });

  it('reports a file trigger without its location, even with a schedule', () => {
    expect(findingsOf(triggerDetails, withTrigger({ type: 'file', schedule: 'daily at 02:00' }))).toStrictEqual([lacks('TR-1', TR1, `${TR1}/location`)]);
  });

  it('reports a manual trigger without a description', () => {
    expect(findingsOf(triggerDetails, withTrigger({ type: 'manual' }))).toStrictEqual([lacks('TR-1', TR1, `${TR1}/description`)]);
    expect(findingsOf(triggerDetails, withTrigger({ type: 'manual', event: 'button' }))).toStrictEqual([lacks('TR-1', TR1, `${TR1}/description`)]);
  });

  it('leaves a missing or unknown type to spec-schema', () => {
    expect(findingsOf(triggerDetails, withTrigger({}))).toStrictEqual([]);
    expect(findingsOf(triggerDetails, withTrigger({ type: 'webhook' }))).toStrictEqual([]);
  });

  it('names derived ids like DF-1.TR-2 when ids are left out', () => {
    const spec = cleanSpec();
    for (const trigger of firstFlow(spec).triggers) delete trigger.id;
    delete firstFlow(spec).triggers[1].criteria;
    firstFlow(spec).triggers.push({ type: 'file' });
    expect(findingsOf(triggerDetails, spec)).toStrictEqual([
      lacks('DF-1.TR-2', `${DF1}/triggers/1`, `${DF1}/triggers/1/criteria`),
      lacks('DF-1.TR-3', `${DF1}/triggers/2`, `${DF1}/triggers/2/location`),
    ]);
  });
});
