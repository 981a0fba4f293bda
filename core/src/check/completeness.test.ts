import { describe, expect, it } from 'vitest';
import { checkSpec, indexSpec, measureCompleteness, combineCompleteness } from '@specwright/core';
import { exampleSpec } from '../../../test/support/examples.js';

function completenessOf(spec: unknown) {
  const index = indexSpec(spec);
  return measureCompleteness(index, checkSpec(index));
}

const summary = (report: ReturnType<typeof completenessOf>) =>
  Object.fromEntries(report.layers.map((l) => [l.layer, `${l.complete}/${l.total}`]));

describe('measureCompleteness', () => {
  it('calls a clean spec complete at every layer', () => {
    const report = completenessOf(exampleSpec('marketing-to-crm.yaml'));
    expect(report.stage).toBe('complete');
    expect(report.overall).toBe(1);
    expect(summary(report)).toStrictEqual({ businessCase: '1/1', useCases: '1/1', dataFlows: '1/1', details: '11/11', tests: '4/4' });
  });

  it('puts the stage at the biggest incomplete layer, even when smaller layers are incomplete too', () => {
    const spec = exampleSpec('marketing-to-crm.yaml');
    spec.useCases[0].story = 'Customers appear in the CRM.'; // not a story: use-case-story (warn)
    spec.useCases[0].dataFlows[0].outcomes = spec.useCases[0].dataFlows[0].outcomes.filter((o: any) => o.type !== 'failure');
    const report = completenessOf(spec);
    expect(report.stage).toBe('useCases');
    const useCases = report.layers.find((l) => l.layer === 'useCases')!;
    expect(useCases.incomplete).toStrictEqual([{ id: 'UC-1', path: '/useCases/0', rules: ['use-case-story'] }]);
    const details = report.layers.find((l) => l.layer === 'details')!;
    // outcome-failure is about the data flow, measured in the details layer: one more item there.
    expect(details.incomplete).toStrictEqual([{ id: 'DF-1', path: '/useCases/0/dataFlows/0', rules: ['outcome-failure'] }]);
    expect(`${details.complete}/${details.total}`).toBe('9/10');
  });

  it('counts a missing lower layer as a gap of the element above it', () => {
    const spec = exampleSpec('marketing-to-crm.yaml');
    spec.useCases[0].dataFlows[0].tests = [];
    const report = completenessOf(spec);
    const tests = report.layers.find((l) => l.layer === 'tests')!;
    // No test element is left; what the tests layer lacks is named on the flow and on each mapping.
    expect(tests.incomplete.map((i) => `${i.id}: ${i.rules.join(' ')}`)).toStrictEqual([
      'DF-1: test-required test-invalid-input',
      'FM-1: test-coverage-mapping',
      'FM-2: test-coverage-mapping',
      'FM-3: test-coverage-mapping',
      'FM-4: test-coverage-mapping',
      'FM-5: test-coverage-mapping',
      'FM-6: test-coverage-mapping',
    ]);
    expect(`${tests.complete}/${tests.total}`).toBe('0/7');
    expect(report.stage).toBe('tests');
  });

  it('does not count infos against completeness', () => {
    const spec = exampleSpec('marketing-to-crm.yaml');
    spec.useCases[0].dataFlows[0].triggers = [spec.useCases[0].dataFlows[0].triggers[0]]; // events only: trigger-backup (info)
    const index = indexSpec(spec);
    const findings = checkSpec(index);
    expect(findings.map((f) => f.rule)).toStrictEqual(['trigger-backup']);
    expect(measureCompleteness(index, findings).stage).toBe('complete');
  });

  it('starts an empty document at the business case', () => {
    const report = completenessOf({ specwright: 1, id: 'x', title: 'X', systems: [{ id: 'a' }, { id: 'b' }] });
    expect(report.stage).toBe('businessCase');
    expect(report.overall).toBe(0);
  });

  it('adds up several files and keeps the earliest stage', () => {
    const clean = completenessOf(exampleSpec('marketing-to-crm.yaml'));
    const spec = exampleSpec('marketing-to-crm.yaml');
    spec.useCases[0].dataFlows[0].tests = [];
    const gap = completenessOf(spec);
    const combined = combineCompleteness([clean, gap]);
    expect(combined.stage).toBe('tests');
    const tests = combined.layers.find((l) => l.layer === 'tests')!;
    expect(`${tests.complete}/${tests.total}`).toBe('4/11');
  });
});
