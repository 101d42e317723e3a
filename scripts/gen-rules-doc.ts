/** `npm run docs:rules`: writes docs/rules.md from the rule catalog (a test keeps the two in step). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderRulesDoc } from '../src/core/rules/docs';

writeFileSync(join(__dirname, '..', 'docs', 'rules.md'), renderRulesDoc());
console.log('wrote docs/rules.md');
