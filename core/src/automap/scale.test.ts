import { describe, expect, it } from 'vitest';
import { candidateLimits, candidatePairs } from './match/candidates.js';
import { profileField } from './match/profile.js';
import type { ImportedEntity } from './schema-field.js';
import { suggestMappings } from './suggest-mappings.js';

// Automap's work is bounded however alike or many the fields are: the sources share a budget of
// scored pairs. Speed is measured by the bench (test/bench/automap.mjs, up to 20,000 × 20,000
// fields); these tests assert the bound and the outcome, never a time.

const entity = (name: string, paths: string[]): ImportedEntity => ({ name, fields: paths.map((path) => ({ path, type: 'string', required: false })) });
const profiles = (e: ImportedEntity) => e.fields.map((f, i) => profileField(f, i, e.fields.length));

describe('automap at scale', () => {
  it('3,000 × 3,000 fields that all share their words: scored pairs stay within the budget, every field finds its partner', () => {
    const n = 3000;
    const source = entity('S', Array.from({ length: n }, (_, i) => `customerField${i}`));
    const target = entity('T', Array.from({ length: n }, (_, i) => `customer_field_${n - 1 - i}`));
    const limits = candidateLimits(n);
    const candidates = candidatePairs(profiles(source), profiles(target), limits);
    const scored = candidates.reduce((sum, list) => sum + list.length, 0);
    // Every source shares "customer" (and its prefix) with every target: 9,000,000 pairs unbounded.
    expect(scored).toBeLessThanOrEqual(limits.perSource * n);
    expect(limits.perSource * n).toBeLessThanOrEqual(1_000_000);
    candidates.forEach((list, i) => expect(list).toContain(n - 1 - i));

    const result = suggestMappings(source, target);
    expect(result.matches).toHaveLength(n);
    for (const m of result.matches) expect(m.target).toBe(m.source.replace('customerField', 'customer_field_'));
  });

  it('the budget per source shrinks with the number of sources, so the total stays bounded (20,000 fields: at most 640,000 pairs)', () => {
    for (const n of [10, 2000, 3000, 20_000, 100_000]) {
      const { perSource, visitsPerSource } = candidateLimits(n);
      expect(perSource).toBeGreaterThanOrEqual(32);
      expect(perSource).toBeLessThanOrEqual(256);
      expect(perSource * n).toBeLessThanOrEqual(Math.max(600_000, 32 * n));
      expect(visitsPerSource).toBeGreaterThanOrEqual(perSource);
    }
  });

  it('a pair of fields under the same parent words is found among thousands sharing the leaf name (context keys)', () => {
    const n = 5000;
    const source = entity('S', Array.from({ length: n }, (_, i) => `account${i}.email`));
    const target = entity('T', Array.from({ length: n }, (_, i) => `account_${i}.email_address`));
    const result = suggestMappings(source, target);
    expect(result.matches).toHaveLength(n);
    for (const m of result.matches) expect(m.target).toBe(m.source.replace(/^account(\d+)\.email$/, 'account_$1.email_address'));
  });

  it('a name of 20,000 letters and a description of 20,000 words are read in bounded work, and the other fields still match', () => {
    const long = 'a'.repeat(20_000);
    const words = Array.from({ length: 20_000 }, (_, i) => `word${i % 5000}x`).join(' ');
    const source: ImportedEntity = { name: 'S', fields: [{ path: long, required: false, description: words }, { path: 'email', required: false, description: words }] };
    const target: ImportedEntity = { name: 'T', fields: [{ path: `${long}b`, required: false, description: words }, { path: 'email_address', required: false }] };
    const result = suggestMappings(source, target);
    expect(result.matches.map((m) => `${m.source} → ${m.target}`)).toContain('email → email_address');
  });
});
