import type { Trigger } from '../model/types.js';
import { isBlank } from './text.js';
import type { Rule, RuleFinding } from './rule.js';

/** What each trigger type needs to be buildable. */
const NEEDS: Record<NonNullable<Trigger['type']>, readonly (keyof Trigger)[]> = {
  event: ['event'],
  query: ['schedule', 'criteria'],
  file: ['location'],
  manual: ['description'],
};

export const triggerDetails: Rule = {
  id: 'trigger-details',
  severity: 'error',
  layer: 'details',
  description:
    'A trigger has what its type needs: an event trigger its `event`; a query trigger its `schedule` and `criteria`; a file trigger its `location`; a manual trigger a `description` of who starts it and where. These are the facts an engineer needs to subscribe, poll or watch.',
  check({ index }) {
    const findings: RuleFinding[] = [];
    for (const trigger of index.triggers) {
      const type = trigger.value.type;
      if (!type) continue; // spec-schema reports a missing or unknown type
      const missing = NEEDS[type].filter((key) => isBlank(trigger.value[key] as string | undefined));
      if (missing.length > 0) {
        findings.push({ element: trigger, message: `${type} trigger has no ${missing.join(' and no ')}`, at: `${trigger.path}/${missing[0]}` });
      }
    }
    return findings;
  },
};
