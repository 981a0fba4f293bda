import type { Rule, RuleFinding } from './rule.js';

export const triggerBackup: Rule = {
  id: 'trigger-backup',
  severity: 'info',
  layer: 'details',
  description:
    'A data flow started only by events has no query trigger to catch what the events miss. Webhooks get lost, arrive while a system is down, or are never sent for records changed in bulk; a scheduled query (`backupFor`) picks those up.',
  check({ index }) {
    const findings: RuleFinding[] = [];
    for (const flow of index.dataFlows) {
      const types = flow.value.triggers.map((t) => t.type);
      if (types.length > 0 && types.every((t) => t === 'event')) {
        findings.push({ element: flow, message: 'data flow is started only by events; consider a query trigger on a schedule as a backup for missed events', at: `${flow.path}/triggers` });
      }
    }
    return findings;
  },
};
