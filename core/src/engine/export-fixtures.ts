import type { SpecIndex } from '../model/spec-index.js';

/** A test case as a JSON fixture an engineer's own test suite can load. */
export interface TestFixture {
  id: string;
  dataFlow: string;
  title?: string;
  given: Record<string, unknown>;
  inputs: Record<string, unknown>;
  expect?: Record<string, unknown>;
  expectErrors?: unknown[];
}

/** `specwright export --to fixtures`: every test case, as the spec states it. */
export function testFixtures(index: SpecIndex): TestFixture[] {
  return index.tests.map(({ id, dataFlow, value }) => {
    const fixture: TestFixture = { id, dataFlow: dataFlow.id, given: value.given, inputs: value.inputs };
    if (value.title !== undefined) fixture.title = value.title;
    if (value.expect !== undefined) fixture.expect = value.expect;
    if (value.expectErrors !== undefined) fixture.expectErrors = value.expectErrors;
    return fixture;
  });
}
