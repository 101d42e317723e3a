/**
 * Extension: bundle sizes, and static checks that activate() scans nothing and the webview bundle is
 * loaded lazily (its own file, referenced by a <script> in the webview HTML, not bundled into the host).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { type Ctx, type Row } from './row';

const ROOT = path.resolve(__dirname, '..');
const SCANNING = /\b(scanText|analyzeText|analyzeHar|analyzeToken|inspectToken|getText)\s*\(/;

/** The text of the body of the function or method `name` in `src` (brace matching; strings are not special-cased). */
export function bodyOf(src: string, name: RegExp): string | undefined {
  const m = name.exec(src);
  if (!m) return undefined;
  const open = src.indexOf('{', src.indexOf(')', m.index + m[0].length));
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    if (src[i] === '{') depth++;
    else if (src[i] === '}' && --depth === 0) return src.slice(open + 1, i);
  }
  return undefined;
}

/** Problems with activation: direct scanning calls, or document watcher calls that do not defer. */
function activationProblems(): string[] {
  const ext = readFileSync(path.join(ROOT, 'src/vscode/extension.ts'), 'utf8');
  const body = bodyOf(ext, /export async function activate\s*\(/) ?? bodyOf(ext, /export function activate\s*\(/);
  if (!body) return ['activate() not found in src/vscode/extension.ts'];
  const problems: string[] = [];
  const direct = SCANNING.exec(body);
  if (direct) problems.push(`activate() calls ${direct[1]}()`);
  const docs = readFileSync(path.join(ROOT, 'src/vscode/documents.ts'), 'utf8');
  for (const [, method] of body.matchAll(/\bdocuments\.(\w+)\s*\(/g)) {
    const m = bodyOf(docs, new RegExp(`\\n\\s*(?:async\\s+)?${method}\\s*\\(`));
    if (!m) { problems.push(`documents.${method}() not found`); continue; }
    if (SCANNING.test(m) || (!/\bschedule\s*\(/.test(m) && !/setTimeout\s*\(/.test(m))) problems.push(`documents.${method}() may scan during activation`);
  }
  const schedule = bodyOf(docs, /\n\s*schedule\s*\(/);
  if (schedule && !/setTimeout\s*\(/.test(schedule)) problems.push('documents.schedule() does not defer with setTimeout');
  return problems;
}

/** The extension row. */
export async function run(ctx: Ctx): Promise<Row[]> {
  const ext = path.join(ROOT, 'dist/extension.js'), web = path.join(ROOT, 'dist/webview/webview.js');
  if (!existsSync(ext) || !existsSync(web)) {
    ctx.log('extension: building dist/extension.js and dist/webview/webview.js');
    execFileSync('npx', ['webpack', '--mode', 'production', '--config-name', 'extension', '--config-name', 'webview'], { cwd: ROOT, stdio: 'ignore' });
  }
  const size = statSync(ext).size, webSize = statSync(web).size;
  const bundle = readFileSync(ext, 'utf8');
  const minified = bundle.split('\n').length < 50;
  const problems = activationProblems();
  const webviewTs = readFileSync(path.join(ROOT, 'src/vscode/webview.ts'), 'utf8');
  const lazy = /'dist',\s*'webview',\s*'webview\.js'/.test(webviewTs) && !bundle.includes('customElements.define');
  if (!lazy) problems.push('the webview bundle is not loaded separately');
  if (!minified) problems.push('dist/extension.js is not minified');
  const met = size <= 300 * 1024 && problems.length === 0;
  return [{
    row: 'extension', input: 'dist/extension.js, dist/webview/webview.js, src/vscode/extension.ts',
    figure: `${(size / 1024).toFixed(0)} KB${minified ? ' minified' : ''}; webview ${(webSize / 1024).toFixed(0)} KB, separate; activate(): ${problems.length ? problems.join('; ') : 'no scanning (static check)'}`,
    baseline: '—', ratio: size / (300 * 1024), target: '≤ 300 KB, no scan on activation, lazy webview', met,
    data: { extensionBytes: size, webviewBytes: webSize, minified, lazyWebview: lazy, activationProblems: problems.join('; ') },
  }];
}
