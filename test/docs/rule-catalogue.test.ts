import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULE_CATALOGUE, RULES, ruleDocsPage, withRuleCatalogue } from '@specwright/core';
import { repoRoot } from '../support/examples.js';

/** The rule table of the contract, read from the format reference docs/spec-format.md: id → severity. */
function contractRules(): Map<string, string> {
  const text = readFileSync(`${repoRoot}docs/spec-format.md`, 'utf8');
  const rows = new Map<string, string>();
  for (const match of text.matchAll(/^\| ([a-z-]+) \| (error|warn|info) \|/gm)) rows.set(match[1]!, match[2]!);
  return rows;
}

describe('the rule catalogue', () => {
  it('has exactly the contract’s rule ids, with the contract’s severities', () => {
    const contract = contractRules();
    expect(contract.size).toBeGreaterThan(30);
    expect(new Map(RULE_CATALOGUE.map((r) => [r.id, r.severity]))).toStrictEqual(contract);
  });

  it('runs every contract rule statically except the two that need a test run', () => {
    const staticIds = new Set(RULES.map((r) => r.id));
    const missing = [...contractRules().keys()].filter((id) => !staticIds.has(id));
    expect(missing).toStrictEqual(['test-coverage-branch', 'test-failed']);
  });

  it('gives every rule a documentation paragraph', () => {
    for (const rule of RULE_CATALOGUE) expect(rule.description.length, rule.id).toBeGreaterThan(80);
  });

  it('docs/rules.md and the README table are generated from the rules (run `npm run docs` if this fails)', () => {
    expect(readFileSync(`${repoRoot}docs/rules.md`, 'utf8')).toBe(ruleDocsPage());
    const readme = readFileSync(`${repoRoot}README.md`, 'utf8');
    expect(withRuleCatalogue(readme)).toBe(readme);
    for (const rule of RULE_CATALOGUE) expect(readme).toContain(`docs/rules.md#${rule.id}`);
  });
});
