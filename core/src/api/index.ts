/**
 * `@specwright/core/api`: the plain-data API the surfaces call — a spec's text or page tree in,
 * a JSON report out. It pulls in the loader, the checker, the engine and the page codecs, and
 * nothing of automap (a Forge bundle stays small).
 */
export { checkText, checkPageTree, testText, testPageTree, type RunTestsOption, type TestRunner } from './check.js';
export type { PageCodecChoice, PageTreeOptions, TextOptions, SourceLocation } from './spec-reading.js';
export type * from './report.js';
