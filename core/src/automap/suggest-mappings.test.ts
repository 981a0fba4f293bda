import { describe, expect, it } from 'vitest';
import { fieldsFromJsonSchema } from './json-schema.js';
import type { ImportedEntity, SchemaField } from './schema-field.js';
import { suggestMappings } from './suggest-mappings.js';

const entity = (name: string, paths: (string | SchemaField)[]): ImportedEntity => ({
  name,
  fields: paths.map((p) => (typeof p === 'string' ? { path: p, type: 'string', required: false } : p)),
});
const pairs = (r: ReturnType<typeof suggestMappings>) => r.matches.map((m) => `${m.source} → ${m.target}`).sort();

describe('suggestMappings', () => {
  it('matches synonyms across naming styles and leaves distractors unmatched', () => {
    const r = suggestMappings(
      entity('Contact', ['FirstName', 'LastName', 'Email', 'MailingPostalCode', 'Phone', 'LeadSource']),
      entity('Profile', ['first_name', 'surname', 'email_address', 'mailing.zip', 'phone_number', 'favorite_color']),
    );
    expect(pairs(r)).toStrictEqual(['Email → email_address', 'FirstName → first_name', 'LastName → surname', 'MailingPostalCode → mailing.zip', 'Phone → phone_number'].sort());
    expect(r.unmatched.source).toStrictEqual(['LeadSource']);
    expect(r.unmatched.target).toStrictEqual(['favorite_color']);
  });
  it('holds 1:1 and gives scores in [0, 1] with reasons', () => {
    const r = suggestMappings(entity('A', ['email', 'emailAddress', 'e_mail', 'phone']), entity('B', ['email', 'mail', 'phone', 'tel']));
    expect(new Set(r.matches.map((m) => m.source)).size).toBe(r.matches.length);
    expect(new Set(r.matches.map((m) => m.target)).size).toBe(r.matches.length);
    for (const m of r.matches) {
      expect(m.score).toBeGreaterThanOrEqual(0);
      expect(m.score).toBeLessThanOrEqual(1);
      expect(m.reasons.length).toBeGreaterThan(0);
    }
  });
  it('keeps billing and shipping addresses apart', () => {
    const r = suggestMappings(
      entity('Account', ['BillingCity', 'BillingPostalCode', 'ShippingCity', 'ShippingPostalCode']),
      entity('Customer', ['shipping_address.city', 'shipping_address.zip', 'billing_address.city', 'billing_address.zip']),
    );
    expect(pairs(r)).toStrictEqual(
      ['BillingCity → billing_address.city', 'BillingPostalCode → billing_address.zip', 'ShippingCity → shipping_address.city', 'ShippingPostalCode → shipping_address.zip'].sort(),
    );
  });
  it('ranks pairs accepted in earlier specs first, even against a better-named pair', () => {
    const source = entity('S', ['email', 'login']);
    const target = entity('T', ['email', 'username']);
    expect(pairs(suggestMappings(source, target))).toContain('email → email');
    const r = suggestMappings(source, target, { memory: [{ source: 'login', target: 'email' }] });
    expect(r.matches[0]).toMatchObject({ source: 'login', target: 'email' });
    expect(r.matches[0]!.reasons[0]).toMatch(/earlier spec/);
    expect(pairs(r)).not.toContain('email → email');
  });
  it('proposes a full name from first + last as a transform, never as a direct match', () => {
    const r = suggestMappings(entity('Lead', ['first_name', 'last_name', 'email']), entity('Contact', ['fullName', 'email']));
    expect(r.matches.map((m) => m.target)).not.toContain('fullName');
    expect(r.transforms).toHaveLength(1);
    expect(r.transforms[0]).toMatchObject({ target: 'fullName', sources: ['first_name', 'last_name'] });
    expect(r.transforms[0]!.transform).toContain('Lead.first_name');
    expect(r.unmatched.target).toContain('fullName');
  });
  it('proposes no full-name transform when the source has a full name', () => {
    const r = suggestMappings(entity('Lead', ['first_name', 'last_name', 'display_name']), entity('Contact', ['full_name']));
    expect(pairs(r)).toStrictEqual(['display_name → full_name']);
    expect(r.transforms).toStrictEqual([]);
  });
  it('picks the first + last name pair whose qualifiers fit the target, and none when several fit', () => {
    const source = entity('Order', ['billing.first_name', 'billing.last_name', 'shipping.first_name', 'shipping.last_name']);
    const r = suggestMappings(source, entity('Invoice', ['billing_address.full_name', 'recipient.full_name']));
    expect(r.transforms.map((t) => [t.target, ...t.sources])).toStrictEqual([['billing_address.full_name', 'billing.first_name', 'billing.last_name']]);
  });
  it('proposes an address line from street + house number instead of the street alone', () => {
    const r = suggestMappings(entity('A', ['address.street', 'address.house_number', 'address.city']), entity('B', ['address_line_1', 'city']));
    expect(r.matches.map((m) => m.target)).not.toContain('address_line_1');
    expect(r.transforms[0]).toMatchObject({ target: 'address_line_1', sources: ['address.street', 'address.house_number'] });
  });
  it('matches only leaves, never containers', () => {
    const fields = fieldsFromJsonSchema({ type: 'object', properties: { address: { type: 'object', properties: { city: { type: 'string' } } } } });
    const r = suggestMappings({ name: 'A', fields }, { name: 'B', fields });
    expect(pairs(r)).toStrictEqual(['address.city → address.city']);
  });
  it('respects minScore', () => {
    const source = entity('S', ['revenue']);
    const target = entity('T', ['total']);
    expect(suggestMappings(source, target, { minScore: 0.5 }).matches).toHaveLength(1);
    expect(suggestMappings(source, target, { minScore: 0.95 }).matches).toHaveLength(0);
  });
});

describe('suggestMappings tie-breaks and candidates', () => {
  it('among equal synonyms prefers the target spelled with the same words', () => {
    const r = suggestMappings(entity('A', ['country', 'app_version']), entity('B', ['country_code', 'location.country', 'app_build', 'app_version']));
    expect(pairs(r)).toStrictEqual(['app_version → app_version', 'country → location.country']);
  });
  it('considers a specific word against a related generic one (category ~ type) as a candidate', () => {
    const r = suggestMappings(entity('A', ['products[].category', 'products[].name']), entity('B', ['line_items[].type', 'line_items[].title']));
    expect(pairs(r)).toStrictEqual(['products[].category → line_items[].type', 'products[].name → line_items[].title']);
  });
  it('maps unqualified address fields to the billing address rather than the shipping one', () => {
    const r = suggestMappings(entity('A', ['ShippingCity', 'BillingCity']), entity('B', ['address.city']));
    expect(pairs(r)).toStrictEqual(['BillingCity → address.city']);
  });
  it('prefers the exact concept to a decoy with an extra word', () => {
    const r = suggestMappings(entity('A', [{ path: 'total', type: 'number', required: false }]), entity('B', ['current_total_price', 'total_price']));
    expect(pairs(r)).toStrictEqual(['total → total_price']);
  });
});

describe('names that are also Object.prototype members', () => {
  const NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

  it('match like any other name, on both sides, alone or as a word of a longer name', () => {
    const r = suggestMappings(entity('A', [...NAMES, 'email']), entity('B', [...NAMES.map((n) => `record.${n}`), 'email_address']));
    expect(pairs(r)).toStrictEqual([...NAMES.map((n) => `${n} → record.${n}`), 'email → email_address'].sort());
    const words = suggestMappings(entity('A', ['constructorName', 'toStringValue', 'valueOfOrder']), entity('B', ['constructor_name', 'to_string_value', 'value_of_order']));
    expect(pairs(words)).toStrictEqual(['constructorName → constructor_name', 'toStringValue → to_string_value', 'valueOfOrder → value_of_order']);
  });

  it('as a path segment, an abbreviation or a qualifier position, and in accepted pairs', () => {
    const source = entity('A', ['constructor.__proto__', 'hasOwnProperty.toString']);
    const target = entity('B', ['constructor.__proto__', 'has_own_property.to_string']);
    const r = suggestMappings(source, target, { memory: [{ source: 'hasOwnProperty.toString', target: 'has_own_property.to_string' }] });
    expect(pairs(r)).toStrictEqual(['constructor.__proto__ → constructor.__proto__', 'hasOwnProperty.toString → has_own_property.to_string']);
  });
});
