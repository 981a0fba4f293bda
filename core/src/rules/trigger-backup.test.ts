import { describe, expect, it } from 'vitest';
import { DF1, cleanSpec, findingFor, findingsOf, firstFlow } from '../../../test/support/rules.js';
import { triggerBackup } from './trigger-backup.js';

const onlyEvents = findingFor('trigger-backup', 'info');

describe('trigger-backup', () => {
  it('finds nothing when a query backs up the event', () => {
    expect(findingsOf(triggerBackup, cleanSpec())).toStrictEqual([]);
  });

  it('notes a data flow started only by events', () => {
    const spec = cleanSpec();
    firstFlow(spec).triggers.pop();
    expect(findingsOf(triggerBackup, spec)).toStrictEqual([onlyEvents('DF-1', DF1, `${DF1}/triggers`)]);
    firstFlow(spec).triggers.push({ id: 'TR-3', type: 'event', event: 'conversion.updated' });
    expect(findingsOf(triggerBackup, spec)).toStrictEqual([onlyEvents('DF-1', DF1, `${DF1}/triggers`)]);
  });

  it('says nothing when a trigger is not an event, or there are none', () => {
    const spec = cleanSpec();
    firstFlow(spec).triggers[1] = { id: 'TR-2', type: 'file', location: 'sftp://host/in/*.csv' };
    expect(findingsOf(triggerBackup, spec)).toStrictEqual([]);
    firstFlow(spec).triggers[1] = { id: 'TR-2', type: 'manual', description: 'Someone re-sends it' };
    expect(findingsOf(triggerBackup, spec)).toStrictEqual([]);
    firstFlow(spec).triggers = [];
    expect(findingsOf(triggerBackup, spec)).toStrictEqual([]);
  });
});
