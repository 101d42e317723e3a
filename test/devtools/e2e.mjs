// The end-to-end tests of the DevTools extension (see run.mjs).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { connectBrowser, until } from './cdp.mjs';
import { harness } from './harness.mjs';
import { makeTokens, startServer } from './server.mjs';

const root = resolve(new URL('../..', import.meta.url).pathname);
const EXT = join(root, 'dist/devtools/chrome');
const OUT = join(root, 'test-output');
const PANEL_TITLE = 'FTN Tokens';

/** Saves a CDP screenshot of a session to test-output/devtools-<name>.png. */
async function screenshot(session, name) {
  mkdirSync(OUT, { recursive: true });
  const { data } = await session.send('Page.captureScreenshot', { format: 'png' });
  writeFileSync(join(OUT, `devtools-${name}.png`), Buffer.from(data, 'base64'));
}

/** The Node unit tests of src/devtools (capture, keys, settings, HAR I/O, manifests, zipper), counted into this layer. */
function unitTests(h) {
  const dir = mkdtempSync(join(tmpdir(), 'ftn-devtools-unit-'));
  const out = join(dir, 'counts.json');
  const r = spawnSync('npx', ['mocha', '--ui', 'tdd', '--require', 'tsx/cjs', '--reporter', 'test/support/countingReporter.cjs', '--timeout', '20000',
    'test/devtools/unit/*.test.ts', 'test/devtools/unit/*.test.mjs'], { cwd: root, stdio: 'inherit', env: { ...process.env, FTN_TEST_RESULTS: out } });
  if (existsSync(out)) h.merge(JSON.parse(readFileSync(out, 'utf8')));
  else h.merge({ failed: 1 });
  if (r.status !== 0 && !existsSync(out)) console.log('  ✖ unit tests did not run');
  rmSync(dir, { recursive: true, force: true });
}

/** Runs the layer; returns the process exit code. */
export async function main() {
  const h = harness();
  const t0 = Date.now();
  unitTests(h);
  console.log('\n  DevTools extension in Chromium');
  if (!existsSync(join(EXT, 'manifest.json'))) {
    await h.run('extension is built', () => { throw new Error(`${EXT}/manifest.json is missing: run webpack --config-name devtools-chrome`); });
    return h.finish();
  }
  const tokens = await makeTokens();
  const server = await startServer(tokens);
  const profile = mkdtempSync(join(tmpdir(), 'ftn-devtools-'));
  let ctx, cdp;
  try {
    ctx = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium', headless: true,
      ignoreDefaultArgs: ['--disable-extensions'],
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run',
        '--disable-sync', `--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`, '--auto-open-devtools-for-tabs',
        '--remote-debugging-port=0'],
    });
    cdp = await connectBrowser(profile);
    const page = ctx.pages()[0] ?? await ctx.newPage();
    await page.goto(server.url);
    const env = { h, cdp, page, server, tokens };
    await h.run('extension loads and DevTools runs its devtools_page', async () => {
      const t = await until(async () => (await cdp.targets()).find((x) => /^chrome-extension:\/\/[a-p]{32}\/devtools\.html$/.test(x.url)), 'devtools.html target');
      env.extOrigin = t.url.replace(/\/devtools\.html$/, ''); // Node's URL gives "null" origins for chrome-extension:
      env.devtools = await until(async () => (await cdp.targets()).find((x) => x.url.startsWith('devtools://devtools/bundled/devtools_app.html')), 'DevTools frontend');
    });
    await page.click('#login');
    await until(async () => (await page.textContent('#status')).startsWith('done'), 'first login');
    await h.run(`"${PANEL_TITLE}" panel opens inside DevTools`, async () => {
      env.front = await cdp.attach(env.devtools.targetId);
      // A roomy DevTools window, so the screenshots show the panel rather than a narrow docked strip.
      await env.front.send('Emulation.setDeviceMetricsOverride', { width: 1500, height: 1300, deviceScaleFactor: 1, mobile: false });
      await env.front.evaluate(`(async () => { try { const L = await import('devtools://devtools/bundled/ui/legacy/legacy.js');
        L.DockController.DockController.instance().setDockSide('undocked'); } catch { /* docked screenshots are narrower, nothing more */ } })()`);
      // The panel id is `<extension origin><title without spaces>`; take it from the tab list to be sure.
      const id = await until(() => env.front.evaluate(`(async () => { const L = await import('devtools://devtools/bundled/ui/legacy/legacy.js');
        const iv = L.InspectorView.InspectorView.instance(); const id = iv.tabbedPane.tabIds().find((t) => t.startsWith(${JSON.stringify(env.extOrigin)}));
        if (id) await iv.showPanel(id); return id; })()`), "the extension panel tab");
      assert.equal(id, env.extOrigin + PANEL_TITLE.replace(/\s/g, ''));
      const t = await until(async () => (await cdp.targets()).find((x) => x.url === `${env.extOrigin}/panel.html`), 'panel.html target');
      env.panel = await cdp.attach(t.targetId);
      assert.equal(await env.panel.evaluate('typeof chrome.devtools.inspectedWindow.tabId'), 'number');
    });
    env.shot = (name) => screenshot(env.front, name);
    const { panelTests } = await import('./panel.e2e.mjs');
    await panelTests(env);
    const { tabTests } = await import('./tab.e2e.mjs');
    await tabTests({ ...env, ctx, out: OUT });
  } catch (e) {
    await h.run('devtools layer setup', () => { throw e; });
  } finally {
    cdp?.close();
    await ctx?.close().catch(() => undefined);
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
  const { firefoxTests } = await import('./firefox.e2e.mjs');
  console.log('\n  Firefox');
  await firefoxTests(h, root);
  console.log(`devtools layer: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return h.finish();
}
