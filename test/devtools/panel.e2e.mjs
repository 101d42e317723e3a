// Tests on the live "FTN Tokens" panel inside DevTools (env from e2e.mjs: h, cdp, page, panel, front, tokens).
// They run in order and build on each other's state, like a developer's session.
import assert from 'node:assert/strict';
import { until } from './cdp.mjs';

const KINDS = ['client_assertion', 'request_object', 'id_token', 'userinfo'];
const HETU = '131052-308T';
const JWT_LIKE = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/;

/** In-panel helpers, installed once: row texts, clicking, setting inputs. */
const HELPERS = `window.__t = {
  rows: () => [...document.querySelectorAll('table[aria-label="HAR entries"] tr.ftn-row')].map((r) => [...r.cells].map((c) => c.textContent)),
  click: (sel) => { const e = document.querySelector(sel); if (!e) throw new Error('no ' + sel); e.click(); return true; },
  text: (sel) => document.querySelector(sel)?.textContent ?? null,
  fill: (sel, v) => { const e = document.querySelector(sel); e.value = v; e.dispatchEvent(new Event('input', { bubbles: true })); e.dispatchEvent(new Event('change', { bubbles: true })); return true; },
  runs: () => window.__ftnPanel.analyzer.runs,
}; true`;

/** Runs the panel tests in order. */
export async function panelTests(env) {
  const { h, panel, page } = env;
  const ev = (js) => panel.evaluate(js);
  await until(() => ev('!!window.__ftnPanel'), 'panel started');
  await ev(HELPERS);
  const settled = async () => { // the debounced analysis has caught up with the capture
    await new Promise((r) => setTimeout(r, 300));
    await until(async () => !(await ev('window.__ftnPanel.analyzer.busy')), 'analysis to settle');
  };
  const kindsShown = async () => new Set((await ev('__t.rows()')).flatMap((r) => r[5].split(', ')).filter(Boolean));
  const selectIdToken = async () => {
    const rows = await ev('__t.rows()');
    const i = rows.findIndex((r) => r[3] === '/oauth2/token');
    assert.ok(i >= 0, 'no /oauth2/token row');
    await ev(`document.querySelectorAll('table[aria-label="HAR entries"] tr.ftn-row')[${i}].click()`);
    await until(() => ev(`(() => { const b = [...document.querySelectorAll('[data-token]')].find((x) => x.tagName === 'BUTTON' && x.textContent.startsWith('id_token')); b?.click(); return !!b; })()`), 'id_token tab');
    await until(() => ev(`document.querySelector('.ftn-inspector h2')?.textContent.startsWith('id_token')`), 'id_token in the inspector');
  };

  await h.run('panel lists the tokens of a login made before it opened (getHAR)', async () => {
    await until(async () => { const k = await kindsShown(); return KINDS.every((x) => k.has(x)); }, 'token kinds in the entries table');
    const rows = await ev('__t.rows()');
    const byPath = Object.fromEntries(rows.map((r) => [r[3].split('?')[0], r]));
    assert.equal(byPath['/oauth2/token'][1], 'POST');
    assert.equal(byPath['/oauth2/token'][2], new URL(env.server.url).host);
    assert.equal(byPath['/oauth2/token'][4], '200');
    assert.deepEqual(byPath['/oauth2/token'][5].split(', ').sort(), ['access_token', 'client_assertion', 'id_token']);
    assert.equal(byPath['/oauth2/userinfo'][5], 'access_token, userinfo');
    assert.equal(byPath['/oauth2/authorize'][5], 'request_object');
    assert.ok(!byPath['/rp/tokens'], 'entries without tokens are hidden by "only tokens"');
  });

  await h.run('onRequestFinished feeds a second, live login into the panel', async () => {
    const before = await ev('window.__ftnPanel.capture.entries.length');
    await page.click('#login');
    await until(async () => (await page.textContent('#status')) === 'done 2', 'second login');
    await until(async () => (await ev('window.__ftnPanel.capture.entries.length')) >= before + 6, 'live entries').catch(async (e) => {
      console.log(before, await ev('JSON.stringify(window.__ftnPanel.capture.entries.map((e) => e.startedDateTime.slice(17) + " " + e.request.url.slice(22, 40)))')); throw e; });
    await settled();
    const report = await ev('window.__ftnPanel.lastReport');
    assert.equal(report.tokens.filter((t) => t.kind === 'id_token').length, 2);
    assert.equal(report.flows.length >= 1, true);
    assert.equal((await ev('__t.rows()')).filter((r) => r[3] === '/oauth2/token').length, 2);
  });

  await h.run('the ID token shows "not decrypted: no matching private key" without a key', async () => {
    await selectIdToken();
    assert.equal(await ev(`__t.text('.ftn-inspector [data-status="decryption:no-key"] .ftn-status-text')`), '? not decrypted: no matching private key');
    assert.equal(await ev(`!!document.querySelector('.ftn-inspector .ftn-nested')`), false);
    await env.shot('no-key');
  });

  await h.run('pasting the client enc key decrypts the ID token; the broker JWKS verifies the nested JWS', async () => {
    await ev(`document.querySelector('[data-host="keys"]').open = true; true`);
    await ev(`__t.fill('[data-host="key-text"]', ${JSON.stringify(env.tokens.clientEncPrivate)}) && __t.click('[data-host="add-key"]')`);
    await until(async () => /^added 1 key: .+ \(private\)$/.test(await ev(`__t.text('[data-host="key-status"]')`)), 'key status');
    assert.equal(await ev(`document.querySelector('[data-host="key-text"]').value`), '', 'the pasted key is cleared from the field');
    await until(() => ev(`!!document.querySelector('.ftn-inspector [data-status="decryption:decrypted"]')`), 'decrypted');
    assert.equal(await ev(`__t.text('.ftn-inspector .ftn-nested [data-status^="signature:"] .ftn-status-text')`), '? signature not verified: no matching public key');
    await ev(`__t.fill('[data-host="key-text"]', ${JSON.stringify(env.tokens.brokerJwks)}) && __t.click('[data-host="add-key"]')`);
    await until(() => ev(`!!document.querySelector('.ftn-inspector .ftn-nested [data-status="signature:valid"]')`), 'nested signature valid');
    assert.equal(await ev(`__t.text('.ftn-inspector [data-status="decryption:decrypted"] .ftn-status-text')`), '✔ decrypted');
    assert.equal(await ev(`__t.text('.ftn-inspector .ftn-nested [data-status="signature:valid"] .ftn-status-text')`), '✔ signature valid');
    assert.equal(await ev(`document.querySelector('.ftn-inspector .ftn-nested tr[data-name="hetu"] td')?.textContent`), HETU);
    assert.equal(await ev(`document.querySelectorAll('table[aria-label="loaded keys"] tbody tr').length`), 2);
    await ev(`document.querySelector('[data-host="keys"]').open = false; true`);
    await env.shot('decrypted');
  });

  await h.run('keys stay in memory unless kept: opt-in writes chrome.storage.local, opt-out deletes; nothing in storage.sync', async () => {
    const stored = () => ev(`new Promise((r) => chrome.storage.local.get(null, (v) => r(v)))`);
    assert.equal((await stored())['ftn.keys'], undefined);
    await ev(`__t.click('[data-host="persist-keys"]')`);
    await until(async () => Array.isArray((await stored())['ftn.keys']), 'keys stored');
    assert.equal((await stored())['ftn.keys'].length, 2);
    assert.match(await ev(`__t.text('[data-host="persist-warning"]')`), /unencrypted/);
    await ev(`__t.click('[data-host="persist-keys"]')`);
    await until(async () => (await stored())['ftn.keys'] === undefined, 'stored keys deleted');
    assert.equal((await stored())['ftn.persistKeys'], false);
    assert.deepEqual(await ev(`new Promise((r) => chrome.storage.sync.get(null, (v) => r(v)))`), {});
  });

  await h.run('"Export sanitised HAR" holds every entry but no token and no HETU', async () => {
    const n = await ev('window.__ftnPanel.capture.entries.length');
    await ev(`__t.click('[data-action="export-har"]')`);
    const out = await until(() => ev('window.__ftnPanel.lastExport'), 'export');
    assert.equal(out.sanitized, true);
    assert.match(out.filename, /^ftn-capture-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-sanitised\.har$/);
    assert.equal(JSON.parse(out.text).log.entries.length, n);
    assert.doesNotMatch(out.text, JWT_LIKE);
    assert.ok(!out.text.includes(HETU), 'HETU left in the export');
    for (const t of [env.tokens.idToken, env.tokens.clientAssertion, env.tokens.userinfo, env.tokens.requestObject]) assert.ok(!out.text.includes(t.slice(0, 40)));
  });

  await h.run('the unsanitised export needs an explicit confirmation', async () => {
    await ev(`window.__ftnPanel.lastExport = null; document.querySelector('[data-host="har"]').open = true; __t.click('[data-host="export-raw"]')`);
    assert.equal(await ev(`document.querySelector('[data-host="export-raw-dialog"]').hidden`), false);
    assert.equal(await ev('window.__ftnPanel.lastExport'), null);
    await ev(`__t.click('[data-host="export-raw-confirm"]')`);
    const out = await until(() => ev('window.__ftnPanel.lastExport'), 'raw export');
    assert.equal(out.sanitized, false);
    assert.ok(out.text.includes(env.tokens.idToken));
    env.rawExport = out.text;
    assert.match(await ev(`__t.text('[data-host="har-status"]')`), /NOT sanitised/);
  });

  await h.run('a finding\'s rule link explains the rule in the panel', async () => {
    await ev(`[...document.querySelectorAll('button[data-token]')].find((b) => b.textContent.startsWith('client_assertion')).click()`);
    await until(() => ev(`!!document.querySelector('.ftn-inspector li.ftn-finding')`), 'a finding of the client assertion');
    const rule = await ev(`(() => { const li = document.querySelector('.ftn-inspector li.ftn-finding'); li.firstElementChild.click(); return li.dataset.rule; })()`);
    const text = await until(() => ev(`__t.text('[data-host="rule-info"]')`), 'rule info');
    assert.ok(text.startsWith(`${rule} (`), text);
  });

  await h.run('the Flows tab shows the two logins as OIDC flows of client "demo-client"', async () => {
    await ev(`__t.click('[data-tab="flows"]')`);
    const flows = await until(() => ev(`[...document.querySelectorAll('figure.ftn-flow figcaption')].map((f) => f.textContent)`).then((f) => f.length && f), 'flows');
    assert.equal(flows.length, 2);
    for (const f of flows) assert.match(f, /^Flow \d+ — client "demo-client" — /);
    await env.shot('flows');
    await ev(`__t.click('[data-tab="entries"]')`);
  });

  await h.run('pause stops capturing, resume restarts it', async () => {
    const n = await ev('window.__ftnPanel.capture.entries.length');
    await ev(`__t.click('[data-action="pause"]')`);
    await until(async () => (await ev(`__t.text('[data-action="pause"]')`)) === 'Resume', 'Resume label');
    await page.click('#login');
    await until(async () => (await page.textContent('#status')) === 'done 3', 'third login');
    await new Promise((r) => setTimeout(r, 800));
    assert.equal(await ev('window.__ftnPanel.capture.entries.length'), n);
    await ev(`__t.click('[data-action="pause"]')`);
    await until(async () => (await ev(`__t.text('[data-action="pause"]')`)) === 'Pause', 'Pause label');
    await page.click('#login');
    await until(async () => (await ev('window.__ftnPanel.capture.entries.length')) >= n + 6, 'capture resumed');
  });

  await h.run('navigation clears the capture unless "preserve log" is on; Clear empties it', async () => {
    await ev(`__t.click('[data-action="preserve"]')`);
    await until(() => ev('window.__ftnPanel.capture.preserve'), 'preserve on');
    const n = await ev('window.__ftnPanel.capture.entries.length');
    await page.reload();
    await new Promise((r) => setTimeout(r, 800));
    assert.ok((await ev('window.__ftnPanel.capture.entries.length')) >= n);
    await settled();
    assert.equal(await ev(`document.querySelector('[data-action="preserve"]').checked`), true, 'checkbox shows the host state after a re-render');
    await ev(`__t.click('[data-action="preserve"]')`);
    await until(async () => !(await ev('window.__ftnPanel.capture.preserve')), 'preserve off');
    await page.reload();
    await until(async () => (await ev('window.__ftnPanel.capture.entries.length')) <= 2, 'cleared on navigation');
    await page.click('#login');
    await until(async () => (await ev('window.__ftnPanel.capture.entries.length')) >= 6, 'new login');
    await ev(`__t.click('[data-action="clear"]')`);
    assert.equal(await ev('window.__ftnPanel.capture.entries.length'), 0);
    await until(async () => (await ev('window.__ftnPanel.lastReport.tokens.length')) === 0, 'empty report');
  });

  await h.run('settings are stored (no secrets) and unknown rule IDs are reported', async () => {
    await ev(`document.querySelector('[data-host="settings"]').open = true; __t.fill('[data-host="client-id"]', 'demo-client')`);
    await until(async () => (await ev(`__t.text('[data-host="settings-status"]')`)) === 'saved', 'saved');
    await ev(`__t.fill('[data-host="disabled-rules"]', 'NOT-A-RULE')`);
    await until(async () => (await ev(`__t.text('[data-host="settings-status"]')`)) === 'saved; unknown rule IDs ignored: NOT-A-RULE', 'unknown rule');
    const s = await ev(`new Promise((r) => chrome.storage.local.get('ftn.settings', (v) => r(v['ftn.settings'])))`);
    assert.deepEqual(s, { profile: 'auto', skew: 60, clientId: 'demo-client', disabledRules: [] });
  });

  await h.run('the extension CSP holds: no inline script, no remote connect; the panel itself never violates it', async () => {
    assert.equal(await ev(`chrome.runtime.getManifest().content_security_policy.extension_pages`),
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'none'");
    // (Runtime.evaluate itself may eval: test inline script and connect, which the page's CSP must block.)
    await ev(`(() => { const s = document.createElement('script'); s.textContent = 'window.__inline = 1'; document.head.append(s); return true; })()`);
    assert.equal(await ev('window.__inline'), undefined);
    assert.equal(await ev(`fetch('http://127.0.0.1:1/').then(() => 'fetched', (e) => e.name)`), 'TypeError');
    assert.deepEqual(await ev('window.__ftnPanel.cspViolations.filter((v) => !/^(script-src|connect-src)/.test(v))'), []);
  });
}
