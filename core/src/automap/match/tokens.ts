/** Splitting field names and paths into lowercase words: the first step of every name signal. */

export interface PathSegment {
  name: string;
  /** The segment is an array (`items[]`). */
  array: boolean;
}

/** `properties.products[].sku` → properties, products (array), sku. */
export function splitPath(path: string): PathSegment[] {
  const out: PathSegment[] = [];
  for (const raw of path.split('.')) {
    if (raw === '') continue;
    const array = raw.endsWith('[]');
    out.push({ name: array ? raw.replace(/(\[\])+$/, '') : raw, array });
  }
  return out;
}

/**
 * Words of one name, lowercase: camelCase, PascalCase, ACRONYMCase, snake_case, kebab-case,
 * spaces and digits all split; vendor decorations dropped (`Foo__c`, `$email`, `@id`).
 */
export function wordsOf(name: string): string[] {
  const bare = name
    .replace(/__(c|r|pc|x|s|mdt|e)$/i, '') // Salesforce custom-field and relationship suffixes
    .replace(/[’']/g, '');
  const words: string[] = [];
  for (const chunk of bare.split(/[^A-Za-z0-9]+/)) {
    if (!chunk) continue;
    const parts = chunk
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
      .replace(/([A-Za-z])([0-9])/g, '$1 $2')
      .replace(/([0-9])([A-Za-z])/g, '$1 $2')
      .split(' ');
    for (const p of parts) if (p) words.push(p.toLowerCase());
  }
  return words;
}

const KEEP_S = /(ss|us|is|ous|ics|news|ies)$/;

/** A light plural stemmer: `items` → item, `categories` → category, `addresses` → address. */
export function stem(word: string): string {
  if (word.length <= 3 || /[0-9]/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(sses|xes|ches|shes|zes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !KEEP_S.test(word)) return word.slice(0, -1);
  return word;
}

const MAX_COMPOUND_LENGTH = 48;

/**
 * Splits a glued word into known words (`firstname` → first, name; `phonenumber` → phone,
 * number), or returns it whole when no split into known words exists.
 */
export function splitCompound(word: string, known: (w: string) => boolean): string[] {
  // Splitting tries every cut (quadratic): a word longer than any real glued name is kept whole.
  if (word.length < 6 || word.length > MAX_COMPOUND_LENGTH || known(word)) return [word];
  const memo = new Map<number, string[] | null>();
  const from = (i: number): string[] | null => {
    if (i === word.length) return [];
    const cached = memo.get(i);
    if (cached !== undefined) return cached;
    let best: string[] | null = null;
    for (let j = word.length; j >= i + 2; j--) {
      const part = word.slice(i, j);
      if (part.length < 3 && !(part === 'id' || part === 'ip' || part === 'os' || part === 'up' || part === 'in')) continue;
      if (!known(part) && !known(stem(part))) continue;
      const rest = from(j);
      if (rest !== null && (best === null || rest.length + 1 < best.length)) best = [part, ...rest];
    }
    memo.set(i, best);
    return best;
  };
  const split = from(0);
  return split && split.length > 1 && split.length <= 3 ? split : [word];
}
