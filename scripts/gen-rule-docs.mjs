// `npm run docs`: writes docs/rules.md and the README's rule table from the rule modules.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { ruleDocsPage, withRuleCatalogue } from '../core/dist/index.js';

mkdirSync('docs', { recursive: true });
writeFileSync('docs/rules.md', ruleDocsPage());
writeFileSync('README.md', withRuleCatalogue(readFileSync('README.md', 'utf8')));
console.log('wrote docs/rules.md and the rule table in README.md');
