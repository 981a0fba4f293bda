import { describe, expect, it } from 'vitest';
import { DF1, cleanSpec, findingFor, findingsOf, firstFlow } from '../../../test/support/rules.js';
import { systemRef } from './system-ref.js';

const undeclared = findingFor('system-ref', 'error');

describe('system-ref', () => {
  it('finds nothing when both systems are declared', () => {
    expect(findingsOf(systemRef, cleanSpec())).toStrictEqual([]);
  });

  it('reports a target system that is not declared', () => {
    const spec = cleanSpec();
    firstFlow(spec).target.system = 'z';
    expect(findingsOf(systemRef, spec)).toStrictEqual([undeclared('DF-1', DF1, `${DF1}/target/system`)]);
  });

  it('reports each side, source first', () => {
    const spec = cleanSpec();
    firstFlow(spec).source.system = 'crm';
    firstFlow(spec).target.system = 'erp';
    expect(findingsOf(systemRef, spec)).toStrictEqual([
      undeclared('DF-1', DF1, `${DF1}/source/system`),
      undeclared('DF-1', DF1, `${DF1}/target/system`),
    ]);
  });

  it('names the derived id of a data flow without one', () => {
    const spec = cleanSpec();
    delete firstFlow(spec).id;
    firstFlow(spec).source.system = 'crm';
    expect(findingsOf(systemRef, spec)).toStrictEqual([undeclared('DF-1', DF1, `${DF1}/source/system`)]);
  });

  it('leaves a missing system to spec-schema', () => {
    const spec = cleanSpec();
    delete firstFlow(spec).source.system;
    expect(findingsOf(systemRef, spec)).toStrictEqual([]);
  });
});
