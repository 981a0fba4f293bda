import type { FieldFormat } from '../model/schema.js';

/**
 * String formats a declared field may require; each test is deliberately plain, and linear in
 * the length of the text (the values come from test records anyone may write).
 */

/** No address is longer: 64 characters before the `@` and 255 after it (RFC 5321). */
export const MAX_EMAIL_LENGTH = 320;
const WHITESPACE = /\s/;

/**
 * `local@domain.tld`: one `@` with text before it, and a domain with a dot that has text on both
 * sides; no whitespace. (The regex /^[^\s@]+@[^\s@]+\.[^\s@]+$/ says the same, but backtracks
 * over every dot when the text ends badly: quadratic on a long value.)
 */
export function isEmail(text: string): boolean {
  if (text.length > MAX_EMAIL_LENGTH || WHITESPACE.test(text)) return false;
  const at = text.indexOf('@');
  if (at < 1 || text.indexOf('@', at + 1) >= 0) return false;
  const domain = text.slice(at + 1);
  const dot = domain.indexOf('.', 1);
  return dot > 0 && dot < domain.length - 1;
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(:(\d{2})(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?$/;
const PHONE = /^\+?[\d\s().-]{7,20}$/;

function validDate(y: string, m: string, d: string): boolean {
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
}

export function isDate(text: string): boolean {
  const m = DATE.exec(text);
  return m !== null && validDate(m[1]!, m[2]!, m[3]!);
}

export function isDatetime(text: string): boolean {
  const m = DATETIME.exec(text);
  return m !== null && validDate(m[1]!, m[2]!, m[3]!) && Number(m[4]) < 24 && Number(m[5]) < 60 && (m[7] === undefined || Number(m[7]) < 61);
}

export function matchesFormat(text: string, format: FieldFormat): boolean {
  switch (format) {
    case 'email':
      return isEmail(text);
    case 'uuid':
      return UUID.test(text);
    case 'date':
      return isDate(text);
    case 'datetime':
      return isDatetime(text);
    case 'phone': {
      if (!PHONE.test(text)) return false; // at most 21 characters from here on
      const digits = text.match(/\d/g)?.length ?? 0;
      return digits >= 7 && digits <= 15;
    }
    case 'uri':
      return /^[a-z][a-z0-9+.-]*:/i.test(text) && URL.canParse(text);
  }
}
