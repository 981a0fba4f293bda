import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadSource } from '@specwright/core';

/** The repository root, for tests that read examples or run the built command. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export function exampleText(name: string): string {
  return readFileSync(`${repoRoot}examples/${name}`, 'utf8');
}

/** A fresh, mutable copy of an example spec as plain data. */
export function exampleSpec(name: string): Record<string, any> {
  const loaded = loadSource(exampleText(name), name.endsWith('.json') ? 'json' : 'yaml');
  if (!loaded.ok) throw new Error(`${name} ${loaded.message}`);
  return structuredClone(loaded.value) as Record<string, any>;
}
