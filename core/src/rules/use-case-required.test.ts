import { describe, expect, it } from 'vitest';
import { SPEC, cleanSpec, findingFor, findingsOf } from '../../../test/support/rules.js';
import { useCaseRequired } from './use-case-required.js';

const noUseCase = findingFor('use-case-required', 'error')('x-marketing-to-y-crm', SPEC, '/useCases');

describe('use-case-required', () => {
  it('finds nothing when the spec has a use case', () => {
    expect(findingsOf(useCaseRequired, cleanSpec())).toStrictEqual([]);
  });

  it('reports an empty or missing list, about the spec', () => {
    const spec = cleanSpec();
    spec.useCases = [];
    expect(findingsOf(useCaseRequired, spec)).toStrictEqual([noUseCase]);
    delete spec.useCases;
    expect(findingsOf(useCaseRequired, spec)).toStrictEqual([noUseCase]);
  });
});
