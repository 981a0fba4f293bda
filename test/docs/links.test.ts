import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/examples.js';

// The repository stands alone: a user's clone has nothing beside it, so every relative link in
// the documentation must land on a file of the repo, and no file may read or link outside it.

/** Repo-relative paths (with `/`) of the files a clone has: tracked plus new, not ignored. */
function repoFiles(): string[] {
  try {
    const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot, encoding: 'utf8' });
    return out.split('\0').filter((f) => f !== '' && !f.startsWith('node_modules/'));
  } catch {
    // No git (an unpacked archive): walk the tree, leaving out what .gitignore names.
    const skip = new Set(['.git', 'node_modules', 'dist', 'coverage', '.bench']);
    const walk = (dir: string): string[] =>
      readdirSync(join(repoRoot, dir), { withFileTypes: true }).flatMap((e) => {
        const path = dir ? `${dir}/${e.name}` : e.name;
        if (e.isDirectory()) return skip.has(e.name) ? [] : walk(path);
        return e.name.endsWith('.tsbuildinfo') || e.name === '.vitest-results.json' ? [] : [path];
      });
    return walk('');
  }
}

const FILES = repoFiles();
const FILE_SET = new Set(FILES);
const DOCS = FILES.filter((f) => f === 'README.md' || /^docs\/[^/]+\.md$/.test(f)).sort();

/** The text outside fenced code blocks (``` or ~~~), lines kept so numbers still match. */
function outsideFences(markdown: string): string[] {
  let fence: string | undefined;
  return markdown.split('\n').map((line) => {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === undefined && marker) {
      fence = marker;
      return '';
    }
    if (fence !== undefined) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      return '';
    }
    return line;
  });
}

interface Link {
  line: number;
  target: string;
}

/** Inline Markdown links `[text](target)` and `[text](target "title")`; images too. */
function markdownLinks(markdown: string): Link[] {
  const links: Link[] = [];
  outsideFences(markdown).forEach((line, i) => {
    const text = line.replace(/(`+)[^`]*?\1/g, (code) => (code.includes('](') ? '' : code));
    for (const m of text.matchAll(/\[(?:[^\][]|\[[^\]]*\])*\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/g)) links.push({ line: i + 1, target: m[1]! });
  });
  return links;
}

/** GitHub's heading anchor: lower-case, punctuation dropped (not `-` or `_`), each space a `-`. */
function githubSlug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // a link reads as its text
    .replace(/`([^`]*)`/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/[*_]{1,3}([^*_]+)[*_]{1,3}/g, '$1')
    .trim();
  return text.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
}

/** The anchors a Markdown file's ATX headings make; a repeated slug gets `-1`, `-2`, … as on GitHub. */
function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of outsideFences(markdown)) {
    const m = /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (!m) continue;
    const slug = githubSlug(m[1]!);
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    anchors.add(n === 0 ? slug : `${slug}-${n}`);
  }
  for (const m of markdown.matchAll(/<a\s+(?:name|id)="([^"]+)"/g)) anchors.add(m[1]!);
  return anchors;
}

/** What is wrong with one link of `from` (a repo-relative Markdown file), or undefined. */
function brokenLink(from: string, target: string, files: ReadonlySet<string>, read: (file: string) => string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) return undefined; // a URL, not a repo path
  const hash = target.indexOf('#');
  const pathPart = decodeURI(hash === -1 ? target : target.slice(0, hash));
  const anchor = hash === -1 ? undefined : decodeURIComponent(target.slice(hash + 1));
  if (pathPart.startsWith('/')) return 'is absolute: link relative to the file instead';
  const resolved = pathPart === '' ? from : posix.normalize(posix.join(posix.dirname(from), pathPart)).replace(/\/$/, '');
  if (resolved === '..' || resolved.startsWith('../')) return `leads outside the repository (${resolved})`;
  const isFile = files.has(resolved);
  const isFolder = [...files].some((f) => f.startsWith(`${resolved}/`));
  if (!isFile && !isFolder) return `names ${resolved}, which is not a file of the repository`;
  if (anchor !== undefined && anchor !== '' && isFile && resolved.endsWith('.md')) {
    if (!headingAnchors(read(resolved)).has(anchor)) return `names the heading #${anchor}, which ${resolved} does not have`;
  }
  return undefined;
}

const readRepoFile = (file: string) => readFileSync(join(repoRoot, file), 'utf8');

// Built from parts so this file does not name them itself.
const OUTSIDE = [['..', 'shared'].join('/'), ['', 'work', ''].join('/')];

/** Files whose text may name paths outside the repo: installed or generated, or CI's own set-up. */
const mayNameOutside = (file: string) => file.startsWith('node_modules/') || file.startsWith('.ci/') || file === 'package-lock.json';

describe('documentation links', () => {
  it('checks README.md and every docs/*.md', () => {
    expect(DOCS).toContain('README.md');
    expect(DOCS).toContain('docs/spec-format.md');
    expect(DOCS).toContain('docs/rules.md');
  });

  it.each(DOCS)('every relative link in %s resolves to a file of the repository, and its #anchor to a heading', (doc) => {
    const broken = markdownLinks(readRepoFile(doc)).flatMap(({ line, target }) => {
      const problem = brokenLink(doc, target, FILE_SET, readRepoFile);
      return problem ? [`${doc}:${line} (${target}) ${problem}`] : [];
    });
    expect(broken).toStrictEqual([]);
  });

  it('finds the links and reports what is wrong with a bad one', () => {
    const files = new Set(['README.md', 'docs/a.md', 'examples/x.yaml']);
    const read = (f: string) => (f === 'docs/a.md' ? '# The format, v1 (the contract)\n\n```\n# not a heading\n```\n## Speed\n## Speed\n' : '');
    expect(markdownLinks('[a](docs/a.md) `[no](code.md)` [`b`](examples/x.yaml "t")\n```\n[c](fenced.md)\n```\n').map((l) => l.target)).toStrictEqual(['docs/a.md', 'examples/x.yaml']);
    expect(brokenLink('README.md', 'docs/a.md#the-format-v1-the-contract', files, read)).toBeUndefined();
    expect(brokenLink('README.md', 'docs/a.md#speed-1', files, read)).toBeUndefined();
    expect(brokenLink('README.md', 'examples/', files, read)).toBeUndefined();
    expect(brokenLink('README.md', 'https://example.com/x', files, read)).toBeUndefined();
    expect(brokenLink('docs/a.md', '../README.md', files, read)).toBeUndefined();
    expect(brokenLink('README.md', 'docs/a.md#not-a-heading', files, read)).toBe('names the heading #not-a-heading, which docs/a.md does not have');
    expect(brokenLink('README.md', 'docs/b.md', files, read)).toBe('names docs/b.md, which is not a file of the repository');
    const outside = `${OUTSIDE[0]}/spec-format.md`;
    expect(brokenLink('README.md', outside, files, read)).toBe(`leads outside the repository (${outside})`);
    expect(brokenLink('README.md', '/etc/passwd', files, read)).toBe('is absolute: link relative to the file instead');
  });

  it('makes anchors the way GitHub does', () => {
    expect(githubSlug('What this implementation adds (optional keys)')).toBe('what-this-implementation-adds-optional-keys');
    expect(githubSlug('The check: rule ids and severities')).toBe('the-check-rule-ids-and-severities');
    expect(githubSlug('`spec-schema`')).toBe('spec-schema');
    expect(githubSlug('X Marketing → Y CRM')).toBe('x-marketing--y-crm');
  });
});

describe('the repository reads nothing outside itself', () => {
  it('no file names a path outside the repository', () => {
    const offenders = FILES.filter((f) => !mayNameOutside(f)).flatMap((file) => {
      const text = readRepoFile(file);
      return OUTSIDE.filter((outside) => text.includes(outside)).map((outside) => `${file} names ${outside}`);
    });
    expect(FILES.length).toBeGreaterThan(100);
    expect(offenders).toStrictEqual([]);
  });
});
