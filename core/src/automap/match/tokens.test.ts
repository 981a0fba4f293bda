import { describe, expect, it } from 'vitest';
import { termsOfWords } from './lexicon.js';
import { splitCompound, splitPath, stem, wordsOf } from './tokens.js';
import { isKnownWord } from './lexicon.js';

describe('wordsOf', () => {
  it('splits every naming style and drops vendor decorations', () => {
    expect(wordsOf('billingAddress')).toStrictEqual(['billing', 'address']);
    expect(wordsOf('MailingPostalCode')).toStrictEqual(['mailing', 'postal', 'code']);
    expect(wordsOf('user_ID')).toStrictEqual(['user', 'id']);
    expect(wordsOf('HTTPStatusCode')).toStrictEqual(['http', 'status', 'code']);
    expect(wordsOf('shipping-method name')).toStrictEqual(['shipping', 'method', 'name']);
    expect(wordsOf('address1')).toStrictEqual(['address', '1']);
    expect(wordsOf('Region__c')).toStrictEqual(['region']);
    expect(wordsOf('$email')).toStrictEqual(['email']);
  });
});

describe('splitPath, stem, splitCompound', () => {
  it('reads array segments', () => {
    expect(splitPath('properties.products[].sku')).toStrictEqual([
      { name: 'properties', array: false },
      { name: 'products', array: true },
      { name: 'sku', array: false },
    ]);
  });
  it('stems plurals only', () => {
    expect(stem('categories')).toBe('category');
    expect(stem('addresses')).toBe('address');
    expect(stem('status')).toBe('status');
    expect(stem('items')).toBe('item');
  });
  it('splits glued words into known words, and leaves unknown words whole', () => {
    expect(splitCompound('firstname', isKnownWord)).toStrictEqual(['first', 'name']);
    expect(splitCompound('phonenumber', isKnownWord)).toStrictEqual(['phone', 'number']);
    expect(splitCompound('xylophone', isKnownWord)).toStrictEqual(['xylophone']);
  });
});

describe('termsOfWords (dictionary)', () => {
  it('maps abbreviations and synonyms of one concept to one term', () => {
    const zip = termsOfWords(['zip']);
    expect(termsOfWords(['postal', 'code'])).toStrictEqual(zip);
    expect(termsOfWords(['postcode'])).toStrictEqual(zip);
    expect(termsOfWords(wordsOf('fname'))).toStrictEqual(termsOfWords(['given', 'name']));
    expect(termsOfWords(['qty'])).toStrictEqual(termsOfWords(['quantity']));
    expect(termsOfWords(['amt'])).toStrictEqual(['#amount']);
    expect(termsOfWords(['tel'])).toStrictEqual(termsOfWords(['phone']));
  });
  it('keeps different concepts apart', () => {
    expect(termsOfWords(['first', 'name'])).not.toStrictEqual(termsOfWords(['last', 'name']));
    expect(termsOfWords(['email'])).not.toStrictEqual(termsOfWords(['phone']));
  });
  it('drops vendor prefixes when something else remains', () => {
    expect(termsOfWords(wordsOf('hs_lead_status'))).toStrictEqual(termsOfWords(wordsOf('lead_status')));
    expect(termsOfWords(wordsOf('custom_industry'))).toStrictEqual(['#industry']);
  });
});
