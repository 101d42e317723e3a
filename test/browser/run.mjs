#!/usr/bin/env node
// Browser test layer: serves each dist/test/<name>.js suite bundle (built by `webpack --config-name test-browser`)
// on 127.0.0.1 with mocha's browser build and media/inspector.css, runs it in headless Debian Chromium via
// playwright-core, prints every test with ✔/✖, writes {passed, failed, skipped} to $FTN_TEST_RESULTS and
// exits 1 on any failure, missing bundle or page error. The UI suite also exposes window.__ftnDemo(view),
// which this runner uses to save test-output/ui-<view>-<scheme>.png screenshots in light and dark.
import { createServer } from 'node:http';
import { readFile, readdir, mkdir, writeFile } from 'node:fs/promises';
import { existsSync, readdirSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { chromium } from 'playwright-core';

const root = new URL('../..', import.meta.url).pathname;
// Every test/browser/*.suite.ts is bundled by the test-browser webpack target into dist/test/<name>.js.
const SUITES = readdirSync(join(root, 'test/browser')).filter((f) => f.endsWith('.suite.ts')).map((f) => f.slice(0, -'.suite.ts'.length)).sort();
const STATIC = {
  '/mocha.js': 'node_modules/mocha/mocha.js',
  '/mocha.css': 'node_modules/mocha/mocha.css',
  '/media/inspector.css': 'media/inspector.css',
  '/dist/webview/webview.js': 'dist/webview/webview.js',
};

// The VS Code webview entry, as the extension host would serve it (acquireVsCodeApi stubbed).
const WEBVIEW_PAGE = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/media/inspector.css"></head>
<body><div id="app" data-capabilities='{"copy":true,"reveal":false,"importKey":true,"bogus":1}'></div>
<script>
  window.__posted = []; window.__state = { v: 1, token: null, entry: 2, tab: 'entries', onlyTokens: true, onlyErrors: false, host: '', search: '', rawJson: false, scrollTop: 0 };
  window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), getState: () => window.__state, setState: (s) => { window.__state = s; } });
</script>
<script src="/dist/webview/webview.js"></script></body></html>`;
const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html', '.map': 'application/json' };

const page = (name) => `<!doctype html><html><head><meta charset="utf-8"><title>${name} suite</title>
<link rel="stylesheet" href="/mocha.css"><link rel="stylesheet" href="/media/inspector.css"></head>
<body><div id="mocha"></div><div id="fixture"></div>
<script src="/mocha.js"></script>
<script>mocha.setup({ ui: 'tdd', timeout: 20000, reporter: 'html' }); window.__ftn = { tests: [], done: false };</script>
<script src="/dist/test/${name}.js"></script>
<script>
  const r = mocha.run();
  const add = (state) => (t, err) => window.__ftn.tests.push({ title: t.fullTitle(), state, error: err ? String(err && err.stack || err) : undefined });
  r.on('pass', add('passed')); r.on('fail', add('failed')); r.on('pending', add('skipped'));
  r.on('end', () => { window.__ftn.done = true; });
</script></body></html>`;

/** Static server for the suite pages, bundles and styles; nothing outside the allow-list is served. */
function serve() {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let file = STATIC[url.pathname];
    const m = /^\/suite\/([a-z.-]+)$/.exec(url.pathname);
    if (m) { res.writeHead(200, { 'content-type': 'text/html' }); res.end(m[1] === 'webview' ? WEBVIEW_PAGE : page(m[1])); return; }
    if (!file && /^\/dist\/test\/[a-z][a-z.-]*\.js(\.map)?$/.test(url.pathname)) file = normalize(url.pathname.slice(1));
    if (!file) { res.writeHead(404); res.end(); return; }
    try {
      const body = await readFile(join(root, file));
      res.writeHead(200, { 'content-type': TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream' });
      res.end(body);
    } catch { res.writeHead(404); res.end(); }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

async function runSuite(browser, base, name) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const p = await ctx.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(String(e)));
  p.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  p.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`); });
  await p.goto(`${base}/suite/${name}`);
  try {
    await p.waitForFunction(() => window.__ftn && window.__ftn.done, null, { timeout: 120_000 });
  } catch { errors.push(`suite "${name}" did not finish in 120 s`); }
  const tests = await p.evaluate(() => window.__ftn ? window.__ftn.tests : []);
  console.log(`  ${name}`);
  for (const t of tests) {
    counts[t.state]++;
    const mark = t.state === 'passed' ? '✔' : t.state === 'failed' ? '✖' : '-';
    console.log(`    ${mark} ${t.title}`);
    if (t.error) console.log('      ' + t.error.split('\n').slice(0, 6).join('\n      '));
  }
  if (tests.length === 0) errors.push(`suite "${name}" ran no tests`);
  for (const e of errors) { console.log(`    ✖ page error: ${e}`); counts.failed++; }
  if (await p.evaluate(() => typeof window.__ftnDemo === 'function')) await screenshots(p);
  await ctx.close();
  return counts;
}

/** Renders the demo report full-page and saves light and dark screenshots of each view. */
async function screenshots(p) {
  const out = join(root, 'test-output');
  await mkdir(out, { recursive: true });
  for (const scheme of ['light', 'dark']) {
    await p.emulateMedia({ colorScheme: scheme });
    for (const view of ['inspector', 'trace', 'flows', 'real']) {
      await p.evaluate((v) => window.__ftnDemo(v), view);
      await p.waitForTimeout(50);
      const file = join(out, `ui-${view}-${scheme}.png`);
      await p.screenshot({ path: file, fullPage: view === 'inspector' });
      console.log(`    saved ${file.slice(root.length)}`);
    }
  }
}

/** Static guards on the renderer sources: no HTML-parsing sinks, no platform checks outside the entry file. */
async function guards() {
  const dir = join(root, 'src/ui');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.ts'));
  const src = Object.fromEntries(await Promise.all(files.map(async (f) => [f, await readFile(join(dir, f), 'utf8')])));
  const checks = [
    ['src/ui has no innerHTML/outerHTML/insertAdjacentHTML/document.write/DOMParser/createContextualFragment',
      /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write|DOMParser|createContextualFragment|srcdoc)\b/, []],
    ['src/ui has no eval or new Function', /\beval\s*\(|new\s+Function\s*\(/, []],
    ['src/ui references acquireVsCodeApi/chrome/browser APIs only in the entry file', /\bacquireVsCodeApi\b|\bchrome\.|\bbrowser\.(runtime|devtools|tabs)\b/, ['webview.main.ts']],
  ];
  const counts = { passed: 0, failed: 0, skipped: 0 };
  console.log('  static');
  for (const [title, re, allowed] of checks) {
    const bad = files.filter((f) => !allowed.includes(f) && re.test(src[f]));
    const pass = files.length > 0 && bad.length === 0;
    counts[pass ? 'passed' : 'failed']++;
    console.log(`    ${pass ? '✔' : '✖'} ${title}${bad.length ? ` (found in ${bad.join(', ')})` : ''}`);
  }
  return counts;
}

/** The webview bundle end to end: messages in through window 'message' events, out through acquireVsCodeApi. */
async function webviewSuite(browser, base) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  console.log('  webview');
  if (!existsSync(join(root, 'dist/webview/webview.js'))) {
    console.log('    ✖ bundle dist/webview/webview.js is missing (run webpack --config-name webview)');
    return { passed: 0, failed: 1, skipped: 0 };
  }
  const report = JSON.parse(await readFile(join(root, 'test/fixtures/ui/report.sample.json'), 'utf8'));
  const ctx = await browser.newContext({ viewport: { width: 1200, height: 800 } });
  const p = await ctx.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(String(e)));
  await p.goto(`${base}/suite/webview`);
  const check = async (title, fn) => {
    try {
      await fn();
      counts.passed++;
      console.log(`    ✔ ${title}`);
    } catch (e) {
      counts.failed++;
      console.log(`    ✖ ${title}\n      ${String(e).split('\n')[0]}`);
    }
  };
  const expect = (cond, what) => { if (!cond) throw new Error(what); };
  await check('posts "ready" through acquireVsCodeApi on load', async () => {
    expect(JSON.stringify(await p.evaluate(() => window.__posted)) === '[{"type":"ready"}]', 'ready message');
  });
  await check('ignores invalid window messages', async () => {
    await p.evaluate(() => { window.postMessage({ type: 'report', report: '<img src=x onerror=alert(1)>' }, '*'); window.postMessage('junk', '*'); });
    await p.waitForTimeout(50);
    expect((await p.locator('.ftn-inspector').count()) === 0, 'nothing rendered');
  });
  await check('renders a report message and restores the saved selection (entry 2)', async () => {
    await p.evaluate((r) => window.postMessage({ type: 'report', report: r, title: 'ftn-login.har' }, '*'), report);
    await p.waitForSelector('.ftn-trace tbody tr');
    expect((await p.locator('.ftn-trace tbody tr[aria-selected="true"]').getAttribute('data-index')) === '2', 'entry 2 selected');
    expect((await p.locator('.ftn-bar h1').textContent()) === 'ftn-login.har', 'title');
  });
  await check('capabilities come from data-capabilities: copy posts, reveal absent, import shown', async () => {
    expect((await p.locator('[data-action="reveal"]').count()) === 0, 'no reveal');
    expect((await p.locator('[data-action="import-key"]').count()) === 1, 'import key');
    await p.locator('.ftn-trace tbody tr[data-index="0"]').click();
    await p.locator('[data-action="copy-token"]').click();
    const last = await p.evaluate(() => window.__posted.at(-1));
    expect(last.type === 'copy' && last.text === report.tokens[0].raw && last.label === 'token', 'copy message ' + JSON.stringify(last).slice(0, 80));
  });
  await check('selection is persisted through vscode.setState', async () => {
    const st = await p.evaluate(() => window.__state);
    expect(st.entry === 0 && st.token === 0, 'state ' + JSON.stringify(st));
  });
  await check('keyboard: ArrowDown moves the selection with a visible focus ring', async () => {
    await p.locator('.ftn-trace tbody tr[data-index="0"]').focus();
    await p.keyboard.press('ArrowDown');
    const focused = await p.evaluate(() => [document.activeElement?.getAttribute('data-index'), getComputedStyle(document.activeElement).outlineStyle]);
    expect(focused[0] === '2' && focused[1] === 'solid', 'focus ' + JSON.stringify(focused));
  });
  for (const e of errors) { console.log(`    ✖ page error: ${e}`); counts.failed++; }
  await ctx.close();
  return counts;
}

async function main() {
  const total = await guards();
  const server = await serve();
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.FTN_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
  try {
    for (const name of SUITES) {
      if (!existsSync(join(root, 'dist/test', `${name}.js`))) {
        console.log(`  ✖ ${name}: bundle dist/test/${name}.js is missing (run webpack --config-name test-browser)`);
        total.failed++;
        continue;
      }
      const c = await runSuite(browser, base, name);
      for (const k of Object.keys(total)) total[k] += c[k];
    }
    const w = await webviewSuite(browser, base);
    for (const k of Object.keys(total)) total[k] += w[k];
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`browser: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  if (process.env.FTN_TEST_RESULTS) await writeFile(process.env.FTN_TEST_RESULTS, JSON.stringify(total));
  process.exit(total.failed ? 1 : 0);
}

main().catch(async (e) => {
  console.error(e);
  if (process.env.FTN_TEST_RESULTS) await writeFile(process.env.FTN_TEST_RESULTS, JSON.stringify({ passed: 0, failed: 1, skipped: 0 }));
  process.exit(1);
});
