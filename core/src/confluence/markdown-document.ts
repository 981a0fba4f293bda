import { trimSpacesAndTabs } from './markdown.js';
import type { PageTree } from './page-tree.js';

/**
 * A page tree as one Markdown file: each page is a level-1 heading (its title) followed by its
 * body; the first page is the root, the others its children (the template has two levels, and
 * page bodies never use level-1 headings).
 */
export function pageTreeToMarkdown(tree: PageTree<string>): string {
  return tree.map((page) => `# ${page.title.replace(/[\\`*_[\]<>&|~]/g, (c) => `\\${c}`)}\n\n${page.body}`).join('\n');
}

export function markdownToPageTree(text: string): PageTree<string> {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const tree: PageTree<string> = [];
  let body: string[] = [];
  const close = () => {
    const page = tree[tree.length - 1];
    if (page) page.body = body.join('\n').trim() + '\n';
    body = [];
  };
  for (const line of lines) {
    // The title's trailing spaces are trimmed by hand: a lazy `(.*?)[ \t]*$` is quadratic on a long line.
    const title = /^ {0,3}#[ \t]+(.*)$/.exec(line);
    if (title) {
      close();
      tree.push({ title: trimSpacesAndTabs(title[1]!).replace(/\\([!-/:-@[-`{-~])/g, '$1'), parent: tree.length === 0 ? null : tree[0]!.title, body: '' });
    } else body.push(line);
  }
  close();
  return tree;
}
