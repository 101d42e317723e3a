// panel.html opened as a plain extension tab (no chrome.devtools): HAR import and key files through real
// file inputs (Playwright setInputFiles), including a passphrase-protected PKCS#8 PEM.
import assert from 'node:assert/strict';
import { createPrivateKey } from 'node:crypto';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

/** Runs the tab tests (env from e2e.mjs: h, ctx, extOrigin, tokens, rawExport). */
export async function tabTests(env) {
  const { h } = env;
  const dir = mkdtempSync(join(tmpdir(), 'ftn-devtools-files-'));
  const page = await env.ctx.newPage();
  try {
    await page.goto(`${env.extOrigin}/panel.html`);
    await page.waitForFunction(() => !!window.__ftnPanel);
    const kinds = () => page.$$eval('table[aria-label="HAR entries"] tr.ftn-row', (rows) => rows.map((r) => r.cells[5].textContent));
    const status = (which) => page.textContent(`[data-host="${which}-status"]`);

    await h.run('outside DevTools, panel.html imports a HAR file (the unsanitised export round-trips)', async () => {
      assert.ok(env.rawExport, 'needs the unsanitised export of the panel tests');
      const file = join(dir, 'capture.har');
      writeFileSync(file, env.rawExport);
      await page.click('[data-host="har"] > summary');
      await page.setInputFiles('[data-host="har-file"]', file);
      await page.waitForFunction(() => /^imported \d+ entries from "capture.har"$/.test(document.querySelector('[data-host="har-status"]').textContent));
      const n = JSON.parse(env.rawExport).log.entries.length;
      assert.equal(await status('har'), `imported ${n} entries from "capture.har"`);
      await page.waitForFunction(() => document.querySelectorAll('table[aria-label="HAR entries"] tr.ftn-row').length > 0);
      const all = new Set((await kinds()).flatMap((k) => k.split(', ')));
      for (const k of ['client_assertion', 'request_object', 'id_token', 'userinfo']) assert.ok(all.has(k), `kind ${k} missing`);
    });

    await h.run('a file that is not a HAR is refused with a precise message', async () => {
      await page.setInputFiles('[data-host="har-file"]', { name: 'notes.har', mimeType: 'application/json', buffer: Buffer.from('not json') });
      await page.waitForFunction(() => document.querySelector('[data-host="har-status"]').classList.contains('ftn-host-error'));
      assert.equal(await status('har'), '"notes.har" is not JSON: not a HAR file');
    });

    await h.run('a passphrase-protected PKCS#8 key file: a wrong passphrase is refused, the right one decrypts', async () => {
      const pem = createPrivateKey({ key: JSON.parse(env.tokens.clientEncPrivate), format: 'jwk' })
        .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'demo passphrase' });
      const file = join(dir, 'client-enc.p8.pem');
      writeFileSync(file, pem);
      await page.click('[data-host="keys"] > summary');
      await page.fill('[data-host="passphrase"]', 'not the passphrase');
      await page.setInputFiles('[data-host="key-file"]', file);
      await page.waitForFunction(() => document.querySelector('[data-host="key-status"]').classList.contains('ftn-host-error'));
      assert.equal(await status('key'), 'wrong passphrase for encrypted PKCS#8 key');
      await page.fill('[data-host="passphrase"]', 'demo passphrase');
      await page.setInputFiles('[data-host="key-file"]', file);
      await page.waitForFunction(() => /^added 1 key: .+ \(private\)$/.test(document.querySelector('[data-host="key-status"]').textContent));
      assert.equal(await page.inputValue('[data-host="passphrase"]'), '', 'the passphrase is cleared after use');
      const row = page.locator('table[aria-label="HAR entries"] tr.ftn-row', { hasText: '/oauth2/token' }).first();
      await row.click();
      await page.locator('button[data-token]', { hasText: 'id_token' }).first().click();
      await page.waitForSelector('.ftn-inspector [data-status="decryption:decrypted"]');
      assert.match(await page.textContent('table[aria-label="loaded keys"] tbody'), /encrypted PKCS#8/);
      await page.screenshot({ path: join(env.out, 'devtools-tab-har-import.png'), fullPage: false });
    });
    await h.run('the selected token stays selected when an earlier HAR is imported in front of it', async () => {
      const selected = () => page.evaluate(() => {
        const i = Number(document.querySelector('section.ftn-inspector').dataset.token);
        return { i, raw: window.__ftnPanel.lastReport.tokens[i]?.raw, n: window.__ftnPanel.lastReport.tokens.length };
      });
      const before = await selected();
      assert.ok(before.raw, 'a token is selected');
      await page.setInputFiles('[data-host="har-file"]', join(root, 'examples/ftn-login.har'));
      await page.waitForFunction((n) => window.__ftnPanel.lastReport.tokens.length > n && !window.__ftnPanel.analyzer.busy, before.n);
      const after = await selected();
      assert.ok(after.i > before.i, `index moved (${before.i} -> ${after.i})`);
      assert.equal(after.raw, before.raw);
    });
  } finally {
    await page.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
