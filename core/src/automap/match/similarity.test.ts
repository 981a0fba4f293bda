import { describe, expect, it } from 'vitest';
import { termsOfWords } from './lexicon.js';
import { bigramDice, jaroWinkler, termSetSimilarity } from './similarity.js';
import { wordsOf } from './tokens.js';

const terms = (name: string) => termsOfWords(wordsOf(name));

describe('string similarity', () => {
  it('is 1 for equal strings and low for unrelated ones', () => {
    expect(jaroWinkler('martha', 'martha')).toBe(1);
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 2);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(bigramDice('night', 'nacht')).toBeCloseTo(0.25, 5);
  });
});

describe('termSetSimilarity', () => {
  it('scores synonyms like equal names', () => {
    expect(termSetSimilarity(terms('zip'), terms('postalCode')).score).toBe(1);
    expect(termSetSimilarity(terms('org_name'), terms('company')).score).toBe(1);
  });
  it('scores related terms lower than synonyms, and unrelated names near 0', () => {
    const related = termSetSimilarity(terms('revenue'), terms('total')).score;
    expect(related).toBeGreaterThan(0.5);
    expect(related).toBeLessThan(1);
    expect(termSetSimilarity(terms('email'), terms('gender')).score).toBe(0);
  });
  it('makes address line 1 and address line 2 conflict', () => {
    expect(termSetSimilarity(terms('address1'), terms('address2')).score).toBeLessThan(0.5);
  });
});
