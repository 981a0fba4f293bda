/** A mistake in how the command was called: told in one sentence, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function oneOf<T extends string>(flag: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got "${String(value)}")`);
}

export const USAGE = `Usage: specwright <command> [options]

Commands:
  check <file>…   check specs for completeness and consistency
                  --format stylish|json|sarif|junit|markdown|github   (default stylish)
                  --fail-on error|warn|info                           (default error)
                  exits 0 when nothing reaches --fail-on, 1 when something does,
                  2 when a file cannot be read or is not a spec
                  --run-tests   also run the test cases (rules test-failed, test-coverage-branch)
  test <file>…    run the test cases against the mappings
                  --format stylish|json|junit                         (default stylish)
                  exits 1 when a test fails, 2 when a file is not a spec, else 0
  export <file> --to jsonata|fixtures [--out <dir>]
                  jsonata: one JSONata expression per data flow (source records and
                  $inputs in, target records out); fixtures: one JSON file per test case

Files ending in .json are read as strict JSON, all others as YAML.
Rules: docs/rules.md
`;
