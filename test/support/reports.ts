// Small hand-made check reports for the formatter tests: what a formatter gets, nothing more.
import type { CompletenessReport, Finding, LayerCompleteness } from '@specwright/core';

const TITLES = {
  businessCase: 'Business case',
  useCases: 'Use cases',
  dataFlows: 'Data flows',
  details: 'Triggers, outcomes and mappings',
  tests: 'Test cases',
} as const;

/** A completeness report from [complete, total] per layer; the stage is the first incomplete layer. */
export function completenessOf(counts: Partial<Record<keyof typeof TITLES, [number, number]>> = {}): CompletenessReport {
  let all = 0;
  let done = 0;
  let stage: CompletenessReport['stage'] = 'complete';
  const layers = (Object.keys(TITLES) as (keyof typeof TITLES)[]).map((layer): LayerCompleteness => {
    const [complete, total] = counts[layer] ?? [0, 0];
    all += total;
    done += complete;
    if (stage === 'complete' && complete < total) stage = layer;
    const incomplete = Array.from({ length: total - complete }, (_, i) => ({ id: `${layer}-${i}`, path: `/${layer}/${i}`, rules: ['some-rule'] }));
    return { layer, title: TITLES[layer], total, complete, ratio: total === 0 ? 1 : Math.round((complete / total) * 1000) / 1000, incomplete };
  });
  return { overall: all === 0 ? 1 : Math.round((done / all) * 1000) / 1000, stage, layers };
}

/** Three findings of spec.yaml, one per severity, in document order. */
export function sampleFindings(file = 'spec.yaml'): Finding[] {
  return [
    { rule: 'use-case-story', severity: 'warn', message: 'use case has no story', id: 'UC-2', path: '/useCases/1', file, line: 12, column: 5 },
    { rule: 'trigger-backup', severity: 'info', message: 'data flow is started only by events', id: 'DF-1', path: '/useCases/0/dataFlows/0', file, line: 18, column: 9 },
    {
      rule: 'system-ref',
      severity: 'error',
      message: 'target system "z" is not declared',
      id: 'DF-1',
      path: '/useCases/0/dataFlows/0',
      valuePath: '/useCases/0/dataFlows/0/target/system',
      file,
      line: 20,
      column: 19,
    },
  ];
}

export const SAMPLE_COMPLETENESS = completenessOf({ businessCase: [1, 1], useCases: [1, 2], dataFlows: [0, 1], details: [3, 3], tests: [2, 2] });
