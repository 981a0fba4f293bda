import { describe, expect, it } from 'vitest';
import { termsOfWords } from './lexicon.js';
import { bigramDice, jaroWinkler, termIds, termSetScore, termSetSimilarity } from './similarity.js';
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

describe('names that disagree', () => {
  it('lowers names that share a subject but each have a word the other lacks', () => {
    const same = termSetSimilarity(terms('item_name'), terms('item_name')).score;
    const aspect = termSetSimilarity(terms('item_name'), terms('item_url')).score;
    const extraOnOneSide = termSetSimilarity(terms('item_name'), terms('item_display_label_name')).score;
    expect(aspect).toBeLessThan(0.6);
    expect(aspect).toBeLessThan(extraOnOneSide);
    expect(same).toBe(1);
    expect(termSetSimilarity(terms('device_brand'), terms('device_name')).score).toBeLessThan(0.6);
  });
});

describe('termSetScore (term ids, the fast path)', () => {
  it('gives the same score as termSetSimilarity', async () => {
    const fc = (await import('fast-check')).default;
    const words = ['first', 'name', 'email', 'zip', 'postal', 'code', 'order', 'id', 'item', 'url', 'total', 'price', 'qty', '1', '2', 'shipping', 'city', 'type', 'category', 'frobnicate', 'frobnicator'];
    const name = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 4 }).map((ws) => ws.join('_'));
    fc.assert(
      fc.property(name, name, (a, b) => {
        const x = terms(a);
        const y = terms(b);
        expect(termSetScore(termIds(x), termIds(y))).toBeCloseTo(termSetSimilarity(x, y).score, 12);
      }),
      { numRuns: 300 },
    );
  });
});
