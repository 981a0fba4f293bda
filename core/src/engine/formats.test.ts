import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_EMAIL_LENGTH, isEmail, matchesFormat } from './formats.js';

/** What the email check was: right, but quadratic on a long value that ends badly. */
const EMAIL_REGEX = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

describe('email', () => {
  it.each([
    ['a@b.co', true],
    ['first.last+tag@sub.example.org', true],
    ['a@b.c', true],
    ['a@.bc', false],
    ['a@bc.', false],
    ['a@bc', false],
    ['@b.co', false],
    ['a@@b.co', false],
    ['a@b@c.co', false],
    ['a b@c.co', false],
    ['a@b.co\n', false],
    ['a@b\u00a0.co', false],
    ['', false],
  ])('%j: %s', (text, valid) => {
    expect(isEmail(text)).toBe(valid);
    expect(matchesFormat(text, 'email')).toBe(valid);
  });

  it('says what the regex said, for every address of at most 320 characters', () => {
    const part = fc.string({ unit: fc.constantFrom('a', '.', '@', ' ', '\t', '\u2028', 'é'), maxLength: 12 });
    fc.assert(
      fc.property(part, (text) => {
        expect(isEmail(text)).toBe(EMAIL_REGEX.test(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('no address is longer than 320 characters (RFC 5321), so a longer value is not one', () => {
    const longest = `${'a'.repeat(64)}@${'b'.repeat(251)}.com`;
    expect(longest.length).toBe(MAX_EMAIL_LENGTH);
    expect(isEmail(longest)).toBe(true);
    expect(isEmail(`a${longest}`)).toBe(false);
    // The value that made the regex quadratic: ends badly after many dots.
    expect(isEmail(`a@${'a.'.repeat(50_000)} `)).toBe(false);
  });
});
