import { describe, expect, it } from 'vitest';
import type { SchemaField } from '../schema-field.js';
import { profileField } from './profile.js';
import { scorePair, typeCompatibility } from './score.js';

const p = (path: string, extra: Partial<SchemaField> = {}) => profileField({ path, required: false, ...extra }, 0, 1);
const score = (a: SchemaField | string, b: SchemaField | string) =>
  scorePair(typeof a === 'string' ? p(a) : profileField(a, 0, 1), typeof b === 'string' ? p(b) : profileField(b, 0, 1));

describe('scorePair signals', () => {
  it('synonyms and abbreviations score high, with reasons', () => {
    const r = score('PostalCode', 'zip');
    expect(r.score).toBeGreaterThan(0.9);
    expect(r.reasons.join(' ')).toMatch(/postal code/);
    expect(score('qty', 'quantity').score).toBeGreaterThan(0.9);
  });
  it('keeps billing and shipping apart (the parent path is context)', () => {
    const same = score('billingAddress.city', 'billing_address.city').score;
    const crossed = score('billingAddress.city', 'shipping_address.city');
    expect(same).toBeGreaterThan(0.9);
    expect(crossed.score).toBeLessThan(0.4);
    expect(crossed.reasons.join(' ')).toMatch(/billing vs shipping/);
    expect(score('BillingCity', 'shipping.city').score).toBeLessThan(0.4);
  });
  it('reads a generic leaf with its parent (products[].id is a product id)', () => {
    expect(score('products[].product_id', 'line_items[].id').score).toBeGreaterThan(0.8);
    expect(score('products[].price', 'price').score).toBeLessThan(score('products[].price', 'items[].price').score);
  });
  it('lowers the score for incompatible types and formats', () => {
    const ok = score({ path: 'mobile', type: 'string', required: false }, { path: 'mobile', type: 'string', required: false }).score;
    const bad = score({ path: 'mobile', type: 'boolean', required: false }, { path: 'mobile', type: 'string', required: false });
    expect(bad.score).toBeLessThan(ok * 0.7);
    expect(bad.reasons.join(' ')).toMatch(/boolean → string/);
    expect(typeCompatibility('integer', 'number')).toBeGreaterThan(typeCompatibility('string', 'boolean'));
    expect(score({ path: 'contact', format: 'email', required: false }, { path: 'contact', format: 'phone', required: false }).score).toBeLessThan(0.5);
  });
  it('uses descriptions where present', () => {
    const bare = score('fld_a1', 'attr_b2').score;
    const described = score({ path: 'fld_a1', description: 'Customer loyalty tier', required: false }, { path: 'attr_b2', description: 'The loyalty tier of the customer', required: false });
    expect(described.score).toBeGreaterThan(bare);
    expect(described.reasons.join(' ')).toMatch(/descriptions agree/);
  });
  it('uses sample value overlap', () => {
    const without = score('tier', 'level').score;
    const withValues = score({ path: 'tier', examples: ['gold', 'silver', 'bronze'], required: false }, { path: 'level', examples: ['Gold', 'Silver'], required: false });
    expect(withValues.score).toBeGreaterThan(without + 0.3);
    expect(withValues.reasons.join(' ')).toMatch(/sample values overlap 100%/);
  });
  it('always gives a score in [0, 1] and at least one reason', () => {
    for (const [a, b] of [['a', 'b'], ['email', 'email'], ['x.y.z', 'q'], ['firstName', 'first_name']] as const) {
      const r = score(a, b);
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(1);
      expect(r.reasons.length).toBeGreaterThan(0);
    }
  });
});

describe('scorePair tie-breaking context', () => {
  it('prefers the plain field to an emphasized variant (current_, primary_) for a plain source', () => {
    expect(score('total', 'total_price').score).toBeGreaterThan(score('total', 'current_total_price').score);
    expect(score('primary_email', 'primaryEmail').score).toBeGreaterThan(score('primary_email', 'email').score);
    expect(score('email', 'primary_email').score).toBeGreaterThan(0.9);
  });
  it('reads an unqualified address as the address of record (billing/mailing) before other qualified ones', () => {
    const billing = score('address.city', 'billing_address.city').score;
    expect(billing).toBeGreaterThan(score('address.city', 'shipping_address.city').score);
    expect(score('MailingCity', 'city').score).toBeGreaterThan(score('OtherCity', 'city').score);
    expect(billing).toBeLessThan(score('address.city', 'address.city').score);
  });
  it('scores the same with and without reasons (the fast path skips only comparisons that cannot matter)', () => {
    const names = ['billingAddress.city', 'city', 'products[].id', 'line_items[].product_id', 'order.total', 'total_price', 'device.token', 'deviceToken', 'items[].item_name', 'items[].url'];
    for (const a of names) for (const b of names) expect(scorePair(p(a), p(b), false).score).toBeCloseTo(scorePair(p(a), p(b), true).score, 12);
  });
});
