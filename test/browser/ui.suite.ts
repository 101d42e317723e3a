/**
 * The shared renderer in real Chromium: the token inspector (tables, times, nested layer, findings, copy,
 * toggles, messages, keyboard). Also exposes window.__ftnDemo(view) for run.mjs screenshots.
 */
import type { Report } from '../../src/core/types';
import { isToUiMessage, mountApp } from '../../src/ui/index';
import { h } from '../../src/ui/dom';
import { deepEq, eq, ok, one, texts } from './assert';
import { ALL, cleanup, clone, click, key, mount, NONE, real, sample, textReport } from './ui.helpers';

suite('ui: token inspector', () => {
  teardown(cleanup);

  test('posts ready on mount and shows the first token of a text report', () => {
    const m = mount(textReport());
    deepEq(m.posted[0], { type: 'ready' });
    eq(one(m.root, '.ftn-inspector').dataset.token, '0');
    deepEq(texts(m.root, '.ftn-left tbody tr td:nth-child(2)'), ['request_object', 'client_assertion', 'id_token']);
  });

  test('JWE: header table with explanations, decryption key, nested JWS layer with its own header and signature', () => {
    const m = mount(textReport(), ALL, { s: undefined }, 1793613600, 2);
    const ins = one(m.root, '.ftn-inspector');
    eq(ins.dataset.token, '2');
    const head = one(ins, 'table[data-table="header"]');
    deepEq(Array.from(head.querySelectorAll<HTMLElement>('tbody tr'), (r) => r.dataset.name), ['alg', 'enc', 'cty', 'kid']);
    eq(one(head, 'tr[data-name="cty"] .ftn-explain').textContent, 'content type: "JWT" means the payload is itself a JWT (nested token)');
    eq(one(ins, '[data-status="decryption:decrypted"]').textContent, '✔ decrypted — key kid "35REihiKB_JqKZpI6313ztoFkYGXsweV_Dy8xWj5rVQ", thumbprint 35REihiKB_JqKZpI6313ztoFkYGXsweV_Dy8xWj5rVQ');
    const nested = one(ins, '.ftn-nested');
    eq(one(nested, 'h3').textContent, 'Nested JWS (decrypted content)');
    eq(one(nested, '.ftn-layer').dataset.layer, 'JWS');
    eq(one(nested, 'table[data-table="header"] tr[data-name="alg"] td').textContent, 'RS256');
    ok(one(nested, '[data-status="signature:valid"]').textContent?.startsWith('✔ signature valid — key kid "2VxQD-5hy4QHfC5avsEKvtyhp5_lNff-_EdPMHdsO8s"'), 'nested signature line');
    const claims = one(nested, 'table[data-table="claims"]');
    eq(one(claims, 'tr[data-name="hetu"] td').textContent, '131052-308T');
    eq(one(claims, 'tr[data-name="hetu"] .ftn-explain').textContent, 'Finnish personal identity code (HETU), Idura');
    eq(one(claims, 'tr[data-name="acr"] .ftn-explain').textContent, 'authentication context class reference: level of assurance (FTN: loa2 substantial, loa3 high)');
    eq(ins.querySelectorAll('table[data-table="claims"]').length, 1, 'claims shown once (in the nested layer)');
  });

  test('raw view colours each JWE segment', () => {
    const m = mount(textReport(), ALL, { s: undefined }, 1793613600, 2);
    deepEq(Array.from(m.root.querySelectorAll<HTMLElement>('.ftn-inspector > .ftn-raw .ftn-raw-text > .ftn-seg'), (s) => s.dataset.segment), ['header', 'encrypted key', 'iv', 'ciphertext', 'tag']);
    deepEq(Array.from(m.root.querySelectorAll<HTMLElement>('.ftn-nested > .ftn-raw .ftn-raw-text > .ftn-seg'), (s) => s.dataset.segment), ['header', 'payload', 'signature']);
    eq(getComputedStyle(one(m.root, '.ftn-seg-header')).color !== getComputedStyle(one(m.root, '.ftn-seg-iv')).color, true, 'segments differ in colour');
  });

  test('times in UTC and local time, relative to the HAR entry time', () => {
    const m = mount(sample, ALL, { s: undefined }, 0, 2);
    const time = (c: string): HTMLElement => one(m.root, `.ftn-nested tr[data-name="${c}"] .ftn-time`);
    eq(one(time('exp'), '.ftn-time-utc').textContent, '2026-11-02 10:10:00Z');
    eq(one(time('exp'), '.ftn-time-rel').textContent, 'expires in 3 min');
    eq(one(time('iat'), '.ftn-time-rel').textContent, 'issued 6 min ago');
    eq(one(time('auth_time'), '.ftn-time-rel').textContent, 'authenticated 7 min ago');
    ok(/^2026-11-02 \d\d:\d\d:00 \(UTC[+-]\d\d:\d\d\)$/.test(one(time('exp'), '.ftn-time-local').textContent ?? ''), 'local time format');
  });

  test('text report times are relative to now: "expired 1 h ago"', () => {
    const m = mount(textReport(), ALL, { s: undefined }, 1793613600 + 7200, 2);
    const rel = one(m.root, '.ftn-nested tr[data-name="exp"] .ftn-time-rel');
    eq(rel.textContent, 'expired 1 h ago');
    ok(rel.classList.contains('ftn-expired'), 'expired style');
  });

  test('findings grouped by severity with rule links that post openRule and never navigate', () => {
    const m = mount(textReport(), ALL, { s: undefined }, 1793613600, 2);
    const box = one(m.root, '.ftn-inspector > .ftn-findings');
    deepEq(Array.from(box.querySelectorAll<HTMLElement>('.ftn-group'), (g) => g.dataset.severity), ['error', 'warning', 'info']);
    deepEq(texts(box, '.ftn-group h4'), ['✖ Errors (1)', '⚠ Warnings (1)', 'ℹ Info (1)']);
    const link = one<HTMLAnchorElement>(box, '.ftn-group-error a.ftn-rule');
    eq(link.textContent, 'FTN-IDT-NONCE');
    eq(link.getAttribute('href'), 'docs/rules.md#ftn-idt-nonce');
    const before = location.href;
    click(link);
    eq(location.href, before, 'no navigation');
    deepEq(m.posted.at(-1), { type: 'openRule', rule: 'FTN-IDT-NONCE' });
    eq(one(box, '.ftn-group-error .ftn-finding-source').textContent, 'OIDC-CORE §3.1.3.7 (11); OP §9');
    eq(one(m.root, '.ftn-nested .ftn-findings a.ftn-rule').textContent, 'FTN-IDT-SIG');
  });

  test('copy buttons post the raw token, the claims JSON and the header JSON', () => {
    const r = textReport();
    const m = mount(r, ALL, { s: undefined }, 1793613600, 1);
    click(one(m.root, '[data-action="copy-token"]'));
    click(one(m.root, '[data-action="copy-claims"]'));
    click(one(m.root, '[data-action="copy-header"]'));
    deepEq(m.posted.slice(-3), [
      { type: 'copy', text: r.tokens[1].raw, label: 'token' },
      { type: 'copy', text: JSON.stringify(r.tokens[1].payload, null, 2), label: 'claims' },
      { type: 'copy', text: JSON.stringify(r.tokens[1].header, null, 2), label: 'header' },
    ]);
  });

  test('raw JSON toggle replaces the tables and is persisted', () => {
    const m = mount(textReport(), ALL, { s: undefined }, 1793613600, 1);
    click(one(m.root, '[data-action="raw-json"]'));
    eq(m.root.querySelectorAll('.ftn-inspector table').length, 0);
    ok(one(m.root, 'pre.ftn-json').textContent?.includes('"aud": "https://rp.example.net/token"'), 'json text');
    eq(one(m.root, '[data-action="raw-json"]').getAttribute('aria-pressed'), 'true');
    eq((m.store.s as { rawJson: boolean }).rawJson, true);
    eq(document.activeElement, one(m.root, '[data-action="raw-json"]'), 'focus kept on the toggle');
  });

  test('reveal and host actions only when the host supports them', () => {
    const a = mount(textReport(), ALL);
    click(one(a.root, '[data-action="reveal"]'));
    deepEq(a.posted.at(-1), { type: 'reveal', token: 0 });
    click(one(a.root, '[data-action="import-key"]'));
    deepEq(a.posted.at(-1), { type: 'importKey' });
    const b = mount(textReport(), NONE);
    eq(b.root.querySelectorAll('[data-action="reveal"],[data-action="import-key"],[data-action="pause"],[data-action="export-har"]').length, 0);
  });

  test('live-capture bar is drawn from the host\'s capture state and posts the action it shows', () => {
    const m = mount(null, { ...NONE, liveCapture: true });
    const pause = (): HTMLElement => one(m.root, '[data-action="pause"]');
    const preserve = (): HTMLInputElement => one<HTMLInputElement>(m.root, '[data-action="preserve"]');
    deepEq([pause().textContent, pause().getAttribute('aria-pressed'), preserve().checked], ['Pause', 'false', false]);
    m.app.receive({ type: 'report', report: textReport(), capture: { paused: true, preserve: true } });
    deepEq([pause().textContent, pause().getAttribute('aria-pressed'), preserve().checked], ['Resume', 'true', true]);
    click(pause());
    deepEq(m.posted.at(-1), { type: 'capture', action: 'resume' });
    deepEq([pause().textContent, pause().getAttribute('aria-pressed')], ['Pause', 'false'], 'shown at once, before the host answers');
    m.app.receive({ type: 'report', report: textReport(), capture: { paused: true, preserve: true } });
    eq(pause().textContent, 'Resume', 'the host\'s state wins');
    click(preserve());
    deepEq(m.posted.at(-1), { type: 'capture', action: 'preserve-off' });
    eq(preserve().checked, false);
    m.app.receive({ type: 'report', report: textReport(), capture: { paused: false, preserve: true, dropped: 3 } });
    deepEq([pause().textContent, pause().getAttribute('aria-pressed'), preserve().checked], ['Pause', 'false', true]);
    eq(one(m.root, '[data-capture="dropped"]').textContent, '3 oldest dropped');
    click(pause());
    deepEq(m.posted.at(-1), { type: 'capture', action: 'pause' });
    m.app.receive({ type: 'capture', paused: false, preserve: false });
    deepEq([pause().textContent, preserve().checked, m.root.querySelectorAll('[data-capture="dropped"]').length], ['Pause', false, 0]);
    eq(m.root.querySelectorAll('.ftn-inspector').length, 1, 'a capture message keeps the report');
  });

  test('a report without capture state keeps the last one; malformed capture state is rejected', () => {
    const m = mount(null, { ...NONE, liveCapture: true });
    m.app.receive({ type: 'capture', paused: true, preserve: false });
    m.app.receive({ type: 'report', report: textReport() });
    eq(one(m.root, '[data-action="pause"]').textContent, 'Resume');
    m.app.receive({ type: 'report', report: textReport(), capture: { paused: 'false', preserve: true } } as never);
    m.app.receive({ type: 'capture', paused: 0, preserve: false } as never);
    m.app.receive({ type: 'report', report: textReport(), capture: { paused: false, preserve: false, dropped: -1 } } as never);
    eq(one(m.root, '[data-action="pause"]').textContent, 'Resume', 'invalid messages are ignored');
    eq(isToUiMessage({ type: 'capture', paused: false, preserve: true, dropped: 2 }), true);
    eq(isToUiMessage({ type: 'report', report: { tokens: [] }, capture: [] }), false);
  });

  test('keyboard focus stays on the pause button when the host redraws the bar', () => {
    const m = mount(textReport(), { ...NONE, liveCapture: true });
    one(m.root, '[data-action="pause"]').focus();
    m.app.receive({ type: 'report', report: textReport(), capture: { paused: true, preserve: false } });
    eq(document.activeElement, one(m.root, '[data-action="pause"]'));
  });

  test('progress, error and keys messages', () => {
    const m = mount(null);
    m.app.receive({ type: 'progress', label: 'decrypting', done: 3, total: 10 });
    const bar = one<HTMLProgressElement>(m.root, '.ftn-progress progress');
    eq([bar.value, bar.max].join('/'), '3/10');
    eq(one(m.root, '.ftn-progress span').textContent, 'decrypting 3 / 10');
    m.app.receive({ type: 'error', message: 'cannot read "log.entries": not an array' });
    eq(one(m.root, '.ftn-error-box[role="alert"]').textContent, 'cannot read "log.entries": not an array');
    eq(m.root.querySelectorAll('.ftn-progress').length, 0, 'error clears progress');
    m.app.receive({ type: 'keys', keys: [{ kty: 'RSA', size: 2048, use: 'enc', alg: 'RSA-OAEP-256', kid: 'enc-1', thumbprint: 'TP1', private: true, source: 'JWK client-enc.private.jwk.json' }] });
    deepEq(texts(m.root, '.ftn-keys tbody td'), ['enc-1', 'RSA', '2048 bits', 'enc', 'RSA-OAEP-256', 'TP1', 'private + public', 'JWK client-enc.private.jwk.json']);
    m.app.receive({ type: 'report', report: null } as never);
    eq(m.root.querySelectorAll('.ftn-inspector').length, 0, 'an invalid message is ignored');
  });

  test('undecryptable JWE and undecodable token: status, hint and the decode error with its segment', () => {
    const r = textReport();
    const jwe = r.tokens[2];
    Object.assign(jwe, { payload: null, payloadText: null, nested: null, signature: null, decryption: { status: 'no-key', message: 'no private key of type RSA for "alg" RSA-OAEP-256 is loaded' } });
    r.tokens.push({ ...clone(r.tokens[0]), raw: 'eyJhbGciOiJSUzI1NiJ9.%%%.sig', header: { alg: 'RS256' }, payload: null, payloadText: null, signature: null, findings: [],
      error: { code: 'ERR_BASE64URL', message: 'payload segment is not valid base64url at character 0', segment: 'payload' } });
    const m = mount(r, ALL, { s: undefined }, 1793613600, 2);
    eq(one(m.root, '[data-status="decryption:no-key"]').textContent, '? not decrypted: no matching private key — no private key of type RSA for "alg" RSA-OAEP-256 is loaded');
    eq(one(m.root, '.ftn-layer > p.ftn-muted').textContent, 'payload is encrypted: import the private key to read it');
    eq(m.root.querySelectorAll('.ftn-nested').length, 0);
    m.app.receive({ type: 'select', token: 3 });
    eq(one(m.root, '.ftn-inspector .ftn-error-box').textContent, 'ERR_BASE64URL: payload segment is not valid base64url at character 0 (segment payload)');
    deepEq(Array.from(m.root.querySelectorAll<HTMLElement>('.ftn-inspector .ftn-raw-text > .ftn-seg'), (x) => x.textContent), ['eyJhbGciOiJSUzI1NiJ9', '%%%', 'sig']);
  });

  test('a host "select" message in a trace selects the token and its entry', () => {
    const m = mount(sample);
    m.app.receive({ type: 'select', token: 2 });
    eq(one(m.root, '.ftn-inspector').dataset.token, '2');
    eq(one(m.root, '.ftn-trace tbody tr[aria-selected="true"]').dataset.index, '2');
    deepEq([(m.store.s as { token: number }).token, (m.store.s as { entry: number }).entry], [2, 2]);
  });

  test('a malformed report shows an error box instead of a blank view', () => {
    const m = mount(null);
    m.app.receive({ type: 'report', report: { version: 1, tokens: [null], findings: [], summary: { tokens: 1, errors: 0, warnings: 0, info: 0 } } as unknown as Report });
    ok(one(m.root, '.ftn-main .ftn-error-box[role="alert"]').textContent?.startsWith('cannot render this report: '), 'error box');
  });

  test('token list: arrows move the selection and post "selected"', () => {
    const m = mount(textReport());
    const first = one(m.root, '.ftn-left tbody tr[data-index="0"]');
    first.focus();
    key(first, 'ArrowDown');
    eq(one(m.root, '.ftn-inspector').dataset.token, '1');
    deepEq(m.posted.at(-1), { type: 'selected', token: 1 });
    eq((document.activeElement as HTMLElement).dataset.index, '1');
    key(document.activeElement as Element, 'End');
    eq(one(m.root, '.ftn-inspector').dataset.token, '2');
  });
});

// ---- screenshot hook for run.mjs -----------------------------------------------------------------
(window as unknown as { __ftnDemo: (view: string) => void }).__ftnDemo = (view: string): void => {
  const mocha = document.getElementById('mocha');
  if (mocha) mocha.hidden = true;
  const fixture = document.getElementById('fixture')!;
  fixture.replaceChildren();
  const root = h('div');
  fixture.append(root);
  const state = { v: 1, token: 2, entry: 2, tab: view === 'flows' || view === 'real' ? 'flows' : 'entries', onlyTokens: false, onlyErrors: false, host: '', search: '', rawJson: false, scrollTop: 0 };
  const app = mountApp(root, { post: () => undefined, capabilities: ALL, getState: () => state, setState: () => undefined }, { now: () => 1793613600 + 120 });
  app.receive({ type: 'keys', keys: [{ kty: 'RSA', size: 2048, use: 'enc', alg: 'RSA-OAEP-256', kid: '35REihiKB_JqKZpI6313ztoFkYGXsweV_Dy8xWj5rVQ', thumbprint: '35REihiKB_JqKZpI6313ztoFkYGXsweV_Dy8xWj5rVQ', private: true, source: 'JWK client-enc.private.jwk.json' }] });
  app.receive({ type: 'report', report: view === 'inspector' ? textReport() : view === 'real' ? real : sample, title: view === 'inspector' ? 'tokens.log' : 'ftn-login.har' });
};
