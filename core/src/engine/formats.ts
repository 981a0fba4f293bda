import type { FieldFormat } from '../model/schema.js';

/** String formats a declared field may require; each test is deliberately plain. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
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
      return EMAIL.test(text);
    case 'uuid':
      return UUID.test(text);
    case 'date':
      return isDate(text);
    case 'datetime':
      return isDatetime(text);
    case 'phone':
      return PHONE.test(text) && (text.match(/\d/g)?.length ?? 0) >= 7 && (text.match(/\d/g)?.length ?? 0) <= 15;
    case 'uri':
      return /^[a-z][a-z0-9+.-]*:/i.test(text) && URL.canParse(text);
  }
}
