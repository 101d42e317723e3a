/** Hostile token content (HTML, javascript: URLs, bidi, zero-width, 100 kB) must render as inert, visible text. */
import type { Report, TokenReport } from '../../src/core/types';
import { h } from '../../src/ui/dom';
import { deepEq, eq, ok, one, texts } from './assert';
import { ALL, cleanup, click, mount } from './ui.helpers';

// ---- XSS / bidi corpus -------------------------------------------------------------------------
const IMG = '<img src=x onerror="window.__xss=1">';
const SCRIPT = '<script>window.__xss=2</script>';
const JS = 'javascript:window.__xss=3';
const BIDI = 'admin\u202Etxt.exe';
const ZW = 'pay\u200Bpal\uFEFF\u2066x\u2069';
const BIG = 'A'.repeat(100_000);

function evilReport(): Report {
  const t: TokenReport = {
    location: { line: 1, column: 1, offset: 0, length: 10, har: { entry: 0, part: 'request', field: 'form', name: IMG } },
    format: 'JWS', serialization: 'compact', kind: 'id_token', kindReason: SCRIPT, raw: `${IMG}.${BIDI}.${ZW}`,
    header: { alg: 'RS256', kid: IMG, typ: SCRIPT, x5u: JS },
    payload: { iss: JS, redirect_uri: JS, name: IMG, sub: BIDI, nickname: ZW, big: BIG, [SCRIPT]: 'evil key', exp: 1793614200 },
    payloadText: null, decryption: null, signature: { status: 'invalid', kid: IMG, message: SCRIPT }, nested: null,
    findings: [
      { rule: 'JWT-NONE', severity: 'error', message: IMG, claim: SCRIPT, source: BIDI },
      { rule: '<img src=x onerror=alert(1)>', severity: 'warning', message: JS },
    ],
  };
  return {
    version: 1, tokens: [t], findings: [{ rule: 'FTN-CA-JTI-REUSE', severity: 'error', message: SCRIPT }], notes: [IMG],
    entries: [{ entry: 0, startedDateTime: '2026-11-02T10:06:34.400Z', method: IMG, url: JS, host: IMG, path: SCRIPT + BIDI, status: 200, tokens: [0], worst: 'error', notes: [SCRIPT] }],
    flows: [{ id: 7, parties: { client: IMG, broker: BIDI, browserOrigin: JS }, clientId: BIDI, steps: [{ entry: 0, step: 'token', method: IMG, url: JS, status: 200, startedDateTime: '2026-11-02T10:06:34.400Z', offsetMs: 0, tokens: [0] }], findings: [{ rule: 'FTN-RO-PRESENT', severity: 'info', message: IMG }], verdict: 'errors' }],
    summary: { tokens: 1, errors: 2, warnings: 1, info: 1 },
  };
}

function assertInert(root: HTMLElement): void {
  eq(root.querySelectorAll('img,script,iframe,object,embed,foreignObject,image,style,link,meta,base,form').length, 0, 'active elements');
  for (const el of Array.from(root.querySelectorAll('*'))) {
    for (const a of Array.from(el.attributes)) {
      ok(!/^on/i.test(a.name), `event attribute ${a.name} on ${el.tagName}`);
      ok(!/javascript:/i.test(a.value) || a.name === 'title', `javascript: in ${a.name}`);
    }
  }
  for (const a of Array.from(root.querySelectorAll('a'))) ok(a.getAttribute('href')?.startsWith('docs/rules.md#'), `only rule links: ${a.getAttribute('href')}`);
  eq((window as unknown as { __xss?: number }).__xss, undefined, 'no script ran');
}

suite('ui: hostile token content renders as inert, visible text', () => {
  teardown(cleanup);

  test('HTML, javascript: URLs, bidi and zero-width characters in every field', async () => {
    const m = mount(evilReport(), ALL, { s: undefined }, 0, 0);
    m.app.receive({ type: 'keys', keys: [{ kty: 'RSA', kid: IMG, thumbprint: SCRIPT, private: false, source: JS }] });
    m.app.receive({ type: 'report', report: evilReport(), title: SCRIPT, selected: 0 });
    await new Promise((r) => setTimeout(r, 50));
    assertInert(m.root);
    const text = m.root.textContent ?? '';
    for (const s of [IMG, SCRIPT, JS]) ok(text.includes(s), `literal text ${s}`);
    eq(one(m.root, 'tr[data-name="redirect_uri"] td').textContent, JS);
    eq(one(m.root, 'tr[data-name="redirect_uri"] td').querySelectorAll('a').length, 0, 'URL claim is not a link');
    for (const c of ['\u202E', '\u200B', '\uFEFF', '\u2066', '\u2069']) ok(!text.includes(c), `raw ${JSON.stringify(c)} not in the DOM`);
    const escs = new Set(texts(m.root, '.ftn-esc'));
    deepEq(['\\u202E', '\\u200B', '\\uFEFF', '\\u2066', '\\u2069'].filter((e) => !escs.has(e)), [], 'escapes shown');
    eq(one(m.root, 'tr[data-name="sub"] td').textContent, 'admin\\u202Etxt.exe');
    eq(m.root.querySelectorAll('.ftn-findings a.ftn-rule').length, 2, 'JWT-NONE and FTN-CA-JTI-REUSE are links');
    eq(texts(m.root, 'code.ftn-rule').join(), '<img src=x onerror=alert(1)>', 'an invalid rule ID is not a link');
    click(one(m.root, '.ftn-tab[data-tab="flows"]'));
    assertInert(m.root);
    ok(texts(m.root, '.ftn-lane-host').includes('<img src=x onerror="window.…'), 'party names as clipped SVG text');
    eq(m.root.querySelectorAll('.ftn-findings a.ftn-rule').length, 3, 'the flow rule is a link too');
    ok(texts(m.root, '.ftn-lane-host').includes('admin\\u202Etxt.exe'), 'bidi in SVG text is escaped');
    ok(!(m.root.textContent ?? '').includes('\u202E'), 'no raw U+202E in the flow view');
  });

  test('bidi characters in a host name: escaped in the host filter, which still filters by the real host', () => {
    const r = evilReport();
    r.entries![0].host = BIDI;
    const m = mount(r, ALL, { s: undefined }, 0, 0);
    const sel = one<HTMLSelectElement>(m.root, '[data-filter="host"]');
    eq(sel.options[1].textContent, 'admin\\u202Etxt.exe');
    sel.value = BIDI;
    sel.dispatchEvent(new Event('change', { bubbles: true }));
    eq(m.root.querySelectorAll('.ftn-trace tbody tr').length, 1);
    eq(one(m.root, '.ftn-trace tbody td.ftn-host').textContent, 'admin\\u202Etxt.exe');
  });

  test('a 100 kB claim is truncated with a "show all" toggle', () => {
    const m = mount(evilReport(), ALL, { s: undefined }, 0, 0);
    const cell = one(m.root, 'tr[data-name="big"] td');
    eq(cell.textContent, 'A'.repeat(300) + '… show all (100000 chars)');
    click(one(cell, 'button'));
    eq(one(cell, '.ftn-long-text').textContent, BIG);
    eq(one(cell, 'button').getAttribute('aria-expanded'), 'true');
  });

  test('raw JSON view of hostile content stays inert', () => {
    const m = mount(evilReport(), ALL, { s: undefined }, 0, 0);
    click(one(m.root, '[data-action="raw-json"]'));
    assertInert(m.root);
    ok(one(m.root, 'pre.ftn-json').textContent?.includes('\\u003cimg') || one(m.root, 'pre.ftn-json').textContent?.includes('<img src=x'), 'json shows the markup as text');
  });

  test('h() refuses event handler and href attributes', () => {
    let err = '';
    try { h('div', { onclick: 'x' }); } catch (e) { err = (e as Error).message; }
    eq(err, 'attribute "onclick" is not allowed');
    try { h('a', { href: JS }); } catch (e) { err = (e as Error).message; }
    eq(err, 'attribute "href" is not allowed');
  });
});
