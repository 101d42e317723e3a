// Optional: the Firefox build in headless firefox-esr (puppeteer-core over WebDriver BiDi). Runs only when
// FTN_PUPPETEER_DIR points at a folder with puppeteer-core installed (not a project dependency) and
// firefox-esr is present; otherwise it is counted as skipped. It cannot reach the panel inside Firefox's
// toolbox, so it opens panel.html as a page (a temporary copy of the build lists it in
// web_accessible_resources) and checks that the Firefox bundle runs: HAR import, decryption, sanitised export.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const NAME = 'Firefox build: panel.html runs in firefox-esr (HAR import, decryption, sanitised export)';

/** Runs the Firefox test or records a skip. */
export async function firefoxTests(h, root) {
  const dir = process.env.FTN_PUPPETEER_DIR;
  const firefox = process.env.FIREFOX_BIN || '/usr/bin/firefox-esr';
  const built = join(root, 'dist/devtools/firefox');
  if (!dir || !existsSync(firefox) || !existsSync(join(built, 'manifest.json'))) {
    return h.skip(NAME, 'set FTN_PUPPETEER_DIR (puppeteer-core@24.43.1) and install firefox-esr to run it');
  }
  const puppeteer = createRequire(join(dir, 'package.json'))('puppeteer-core');
  const ext = mkdtempSync(join(tmpdir(), 'ftn-ff-ext-'));
  const server = http.createServer((q, r) => { r.writeHead(200, { 'content-type': 'text/html' }); r.end('<p>start</p>'); });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const uuid = '0b8a8d51-5a7e-4c1e-9a3a-2f3f6c1d0e11';
  let browser;
  try {
    await h.run(NAME, async () => {
      cpSync(built, ext, { recursive: true });
      const m = JSON.parse(readFileSync(join(ext, 'manifest.json'), 'utf8'));
      m.web_accessible_resources = [{ resources: ['panel.html'], matches: ['http://127.0.0.1/*'] }];
      writeFileSync(join(ext, 'manifest.json'), JSON.stringify(m));
      browser = await puppeteer.launch({ browser: 'firefox', executablePath: firefox, headless: true, args: ['--devtools'],
        extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [m.browser_specific_settings.gecko.id]: uuid }) } });
      assert.equal(await browser.installExtension(ext), m.browser_specific_settings.gecko.id);
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${server.address().port}/`);
      await page.evaluate((u) => { location.href = u; }, `moz-extension://${uuid}/panel.html`);
      await page.waitForFunction(() => !!window.__ftnPanel, { timeout: 15000 });
      await (await page.$('[data-host="har-file"]')).uploadFile(join(root, 'examples/ftn-login.har'));
      await (await page.$('[data-host="key-file"]')).uploadFile(join(root, 'examples/demo-keys/client-enc.private.jwk.json'));
      await page.waitForFunction(() => window.__ftnPanel.lastReport?.tokens.some((t) => t.decryption?.status === 'decrypted'), { timeout: 15000 });
      const kinds = await page.evaluate(() => window.__ftnPanel.lastReport.tokens.filter((t) => t.decryption?.status === 'decrypted').map((t) => t.kind).sort());
      assert.deepEqual(kinds, ['id_token', 'userinfo']);
      await page.evaluate(() => document.querySelector('[data-action="export-har"]').click());
      await page.waitForFunction(() => !!window.__ftnPanel.lastExport, { timeout: 15000 });
      const out = await page.evaluate(() => window.__ftnPanel.lastExport);
      assert.equal(out.sanitized, true);
      assert.doesNotMatch(out.text, /eyJ[\w-]{8,}\.[\w-]{8,}/);
      assert.deepEqual(await page.evaluate(() => window.__ftnPanel.cspViolations), []);
      await page.screenshot({ path: join(root, 'test-output/devtools-firefox-panel.png') });
    });
  } finally {
    await browser?.close().catch(() => undefined);
    server.close();
    rmSync(ext, { recursive: true, force: true });
  }
}
