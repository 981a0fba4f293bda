import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../support/examples.js';

/** What one run of the real `specwright` process did. */
export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const BIN = join(repoRoot, 'cli', 'bin', 'specwright.js');

/**
 * The bin runs the compiled cli/dist (and core/dist). `npm test` builds first; a bare
 * `vitest run` after a clean checkout builds here, once.
 */
export function ensureBuilt(): void {
  if (existsSync(join(repoRoot, 'cli', 'dist', 'main.js')) && existsSync(join(repoRoot, 'core', 'dist', 'index.js'))) return;
  const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  // cli's tsconfig references core, so this builds both.
  const built = spawnSync(process.execPath, [tsc, '-b', 'cli'], { cwd: repoRoot, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`building (tsc -b cli) failed:\n${built.stdout}${built.stderr}`);
}

/** Runs `node cli/bin/specwright.js <args>` from the repository root; tests start several together. */
export function specwright(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, timeout: 20_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (error as { code?: unknown }).code : 0;
        if (typeof code !== 'number') return reject(error);
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Runs several commands, a few at a time (each process costs a Node start-up). */
export async function specwrightMany<K extends string>(jobs: Record<K, string[]>, concurrency = 4): Promise<Record<K, Run>> {
  const entries = Object.entries(jobs) as [K, string[]][];
  const out = {} as Record<K, Run>;
  let next = 0;
  const worker = async () => {
    while (next < entries.length) {
      const [name, args] = entries[next++]!;
      out[name] = await specwright(...args);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, entries.length) }, worker));
  return out;
}

/** A temporary directory to write spec files into; `cleanup` removes it. */
export function tempDir(prefix = 'specwright-cli-'): { dir: string; write(name: string, text: string | Buffer): string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    write(name, text) {
      const file = join(dir, name);
      writeFileSync(file, text);
      return file;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A stack trace frame ("    at fn (file:1:2)"): never shown to a person. */
export const STACK_FRAME = /^\s+at .+/m;
