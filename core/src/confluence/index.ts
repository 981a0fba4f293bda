/** The spec as Confluence pages: the template's page tree in ADF and storage format, both ways. */
export * from './page-tree.js';
export type { AdfNode } from './adf.js';
export { renderSpecPages, renderTemplatePages, BLANK_SPEC, GUIDANCE, type RenderOptions } from './render-pages.js';
export { readSpecPages, emptyPagePlaces, type PagePlaces, type ReadPagesResult } from './read-pages.js';
export * from './codecs.js';
export { pageTreeToMarkdown, markdownToPageTree } from './markdown-document.js';
