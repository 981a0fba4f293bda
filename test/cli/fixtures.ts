import { exampleText } from '../support/examples.js';

/** The example with one edit; throws when the edit no longer applies, so a fixture cannot go stale silently. */
function edited(from: string | RegExp, to: string): string {
  const text = exampleText('marketing-to-crm.yaml');
  const out = text.replace(from, to);
  if (out === text) throw new Error(`fixture edit did not apply: ${String(from)}`);
  return out;
}

/** Complete: no findings at all. */
export const CLEAN = exampleText('marketing-to-crm.yaml');

/** Only a warning: the failure outcome OC-2 loses its action (outcome-action). */
export const WARN_ONLY = edited(/^ {12}action: notify.*\n/m, '');

/** Only an info: without the query trigger TR-2, DF-1 is started by events alone (trigger-backup). */
export const INFO_ONLY = edited(/^ {10}- id: TR-2\n(?: {12}.*\n)+/m, '');

/** An error: DF-1's target names a system that is not declared (system-ref). */
export const WITH_ERROR = edited('target: { system: y, entities: [Customer] }', 'target: { system: z, entities: [Customer] }');

/**
 * Hostile text everywhere a person's words reach a report: pipes, line breaks (LF and a lone CR),
 * markup, quotes, `%`, `::` and `,` (GitHub's command syntax), backticks, emoji, right-to-left
 * text and a right-to-left override.
 */
export const HOSTILE_UC_ID = 'UC|1 <b>&"\'%::,\nnext\r😀 עברית\u202eevil`tick';
export const HOSTILE_DF_ID = 'DF|1 %0A ::error file=x::pwned';
export const HOSTILE_KEY = 'bad|key <b>&"\'%::,\r\n😀 עברית';
export const HOSTILE = `specwright: 1
id: hostile-spec
title: "Pipes | <b>bold</b> & \\"quotes\\" 'single' 100% :: , 😀 שלום"
businessCase:
  summary: "Sales | Marketing <script>alert(1)</script> & co 100% :: done"
  value: [{ stakeholder: Sales, benefit: Things }]
  stakeholders: [Sales]
  ${JSON.stringify(HOSTILE_KEY)}: 1
systems:
  - { id: x, name: X }
  - { id: y, name: Y }
useCases:
  - id: ${JSON.stringify(HOSTILE_UC_ID)}
    title: T
    story: "When a thing happens, I want a record, so that it works."
    dataFlows: []
  - id: UC-2
    title: T2
    story: "When a thing happens, I want a record, so that it works."
    dataFlows:
      - id: ${JSON.stringify(HOSTILE_DF_ID)}
        title: Flow
        source: { system: x, entities: [Event] }
        target: { system: "nö|pe", entities: [Customer] }
        triggers: [{ id: TR-1, type: event, event: e }]
        outcomes: [{ id: OC-1, type: success }, { id: "OC|2 %25", type: failure }]
        mappings: [{ id: FM-1, target: "Customer.a", source: "Event.b" }]
        tests: [{ id: TC-1, title: t, given: {}, expect: { Customer: { a: 1 } } }]
`;
