/** A mistake in how the command was called: told in one sentence, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function oneOf<T extends string>(flag: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got "${String(value)}")`);
}

/** A repeatable option's values (`--memory a --memory b`). */
export const strings = (value: string | boolean | (string | boolean)[] | undefined): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((m): m is string => typeof m === 'string');

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
  export <file> --to jsonata|fixtures [--out <dir>] [--force]
                  jsonata: one JSONata expression per data flow (source records and
                  $inputs in, target records out); fixtures: one JSON file per test case.
                  Refuses a spec the check finds errors in (exit 1, the findings on
                  stderr as file:line:column rule message, nothing written)
                  --force   export anyway; a mapping that cannot be exported (a broken
                            path or expression) is named on stderr and, for jsonata,
                            in a comment of the expression
  convert <file> --to yaml|json|adf|storage|markdown [--out <file>]
                  convert a spec to a Confluence page tree (a JSON array of pages
                  [{title, parent, body}], bodies in ADF or storage format), or to
                  one Markdown file, and back. The input is a spec (.yaml/.yml/.json),
                  a Markdown file (.md) or a page tree, told apart by its content. Exits 2 when the input is unusable, 1 when pages
                  depart from the template (findings on stderr, the rest converted)
                  --template   the blank template instead of a file, with guidance
                               (docs/confluence-template.md)
  automap --source <schema> --target <schema> [--format json|table|yaml] [--memory <spec|dir>]… [--allow-ref-root <dir>]…
                  suggest field mappings from a source entity to a target entity, each
                  with a score (0-1) and its reasons. A schema is a JSON Schema file, an
                  OpenAPI document (api.yaml#Customer), sample JSON records (an array, or
                  JSON Lines), an automap dataset case file, or <spec>#<system>/<Entity>
                  --format table (default) | json | yaml (ready-to-paste mappings: entries)
                  --memory   mappings accepted in earlier specs (files, or a folder of
                             .yaml/.json specs) are ranked first; repeatable
                  --allow-ref-root <dir>   $refs to other files read only regular files in
                             the schema's folder and below; this allows another folder
                             too (repeatable). URLs are never fetched
                  exits 0, or 2 when an input cannot be read or is not a usable schema
  import <schema> --into <spec> --system <id> [--entities A,B] [--as <Name>] [--replace] [--allow-ref-root <dir>]…
                  add entities and their fields (path, type, format, required, enum,
                  description) to a system of the spec, so field references are checked.
                  <schema> is an OpenAPI document (every component schema, or those named
                  by --entities or api.yaml#Name), a JSON Schema ($defs names with
                  --entities), sample JSON records, or <spec>#<system>/<Entity>.
                  --allow-ref-root <dir>  as for automap: another folder $refs may read
                  --as <Name>  the name the one imported entity takes in the spec; pick
                               a JSONata name (letters, digits, _: SimpleUser rather than
                               simple-user) so transforms can write SimpleUser.login
                  Only the imported entities are written: the rest of a YAML spec
                  (comments, anchors, aliases, << keys, layout) stays byte for byte; JSON
                  keeps its indent. Refuses (exit 2, nothing written) when the system is not
                  declared, an entity exists (unless --replace), --as is given for other
                  than one entity, or the input is unusable.
                  The spec is never half-written: locked (<spec>.lock; another import
                  waits for it), written to a temporary file, fsynced and renamed over it;
                  exit 2 with the reason when the write fails or someone else changed the
                  spec meanwhile

Files ending in .json are read as strict JSON, all others as YAML. Files must be
regular files (not a pipe or device) in UTF-8, or UTF-16 with a byte order mark.
Rules: docs/rules.md
`;
