import { describe, expect, it } from 'vitest';
import { cleanSpec, findingFor, findingsOf } from '../../../test/support/rules.js';
import { inputLabel } from './input-label.js';

const unlabelled = findingFor('input-label', 'warn');

describe('input-label', () => {
  it('finds nothing when every input has a label and help', () => {
    expect(findingsOf(inputLabel, cleanSpec())).toStrictEqual([]);
  });

  it('warns about a missing label, about the input', () => {
    const spec = cleanSpec();
    delete spec.inputs[0].label;
    expect(findingsOf(inputLabel, spec)).toStrictEqual([unlabelled('defaultOwner', '/inputs/0', '/inputs/0/label')]);
  });

  it('warns about missing or blank help', () => {
    const spec = cleanSpec();
    spec.inputs[0].help = ' ';
    expect(findingsOf(inputLabel, spec)).toStrictEqual([unlabelled('defaultOwner', '/inputs/0', '/inputs/0/help')]);
    delete spec.inputs[0].help;
    expect(findingsOf(inputLabel, spec)).toStrictEqual([unlabelled('defaultOwner', '/inputs/0', '/inputs/0/help')]);
  });

  it('warns once about an input with neither', () => {
    const spec = cleanSpec();
    spec.inputs.push({ id: 'region', type: 'enum', options: ['eu', 'us'] });
    expect(findingsOf(inputLabel, spec)).toStrictEqual([unlabelled('region', '/inputs/1', '/inputs/1/label')]);
  });
});
