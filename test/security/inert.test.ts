/**
 * Inert rendering: the corpus test/fixtures/security/xss-corpus.json (HTML/script, javascript: and
 * command: links, markdown, bidi and zero-width characters, ANSI CSI/OSC escapes, C0/C1 controls, very
 * long strings) is placed in the claims (values and names) and header of a real signed token, then
 * every text surface outside the DOM renderer is checked: CLI text (escape and control bytes never
 * reach the terminal, while our own colours may), CLI JSON and SARIF (valid JSON, content preserved)
 * and the VS Code hover markdown (escaped, no links or commands from token content). The DOM renderer
 * (VS Code webview and DevTools panel) is covered by test/browser/ui.xss.suite.ts.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { JWK } from 'jose';
import { analyzeText, importKeys, KeyRing, type Report } from '../../src/core';
import { signJws } from '../../scripts/fixtures/tokens';
import { cli, ROOT } from './run';

const NOW = 1793613600;
const corpus = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/security/xss-corpus.json'), 'utf8')) as { strings: string[]; long: Array<{ repeat: string; count: number }> };
const HOSTILE = [...corpus.strings, ...corpus.long.map((l) => l.repeat.repeat(l.count))];
/** Our palette's SGR sequences (src/cli/terminal.ts): the only escapes stdout may hold. */
const OWN_SGR = /\u001b\[(?:1|2|22|31|32|33|34|39)m/g;
// Bidi controls, zero-width and invisible format characters, C0/C1 controls (but \n), DEL.
// eslint-disable-next-line no-control-regex
const UNSAFE_BIDI_CTRL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/;
const ZERO_WIDTH = /[\u200b-\u200d\u2060]/;

/** A token whose claim values, claim names and header carry the corpus, signed by the demo client key. */
async function hostileToken(): Promise<{ token: string; claims: Record<string, unknown>; header: Record<string, unknown> }> {
  const sig = JSON.parse(readFileSync(path.join(ROOT, 'examples/demo-keys/client-sig.private.jwk.json'), 'utf8')) as JWK;
  const claims: Record<string, unknown> = { iss: 'demo-client', sub: 'demo-client', aud: 'https://demo.idura.broker', jti: 'j-xss', iat: NOW, exp: NOW + 300 };
  HOSTILE.forEach((s, i) => {
    claims[`c${i}`] = s;
    if (s.length < 200) claims[s] = i;
  });
  claims.nested = { deeper: HOSTILE.slice(0, 5) };
  const header = { alg: 'RS256', kid: `${corpus.strings[0]}${corpus.strings[14]}`, typ: corpus.strings[13], x5u: corpus.strings[3] };
  return { token: await signJws(header, claims, sig), claims, header };
}

suite('security: hostile token content is inert on every text surface', function () {
  this.timeout(60_000);
  let tmp: string;
  let file: string;
  let h: Awaited<ReturnType<typeof hostileToken>>;
  suiteSetup(async () => {
    tmp = mkdtempSync(path.join(tmpdir(), 'ftn-sec-xss-'));
    h = await hostileToken();
    file = path.join(tmp, 'hostile.log');
    writeFileSync(file, `client_assertion=${h.token}\n`);
  });
  suiteTeardown(() => rmSync(tmp, { recursive: true, force: true }));

  test('CLI text, colour on: no escape or control byte from the token reaches stdout; our colours do', () => {
    const r = cli([file, '--now', String(NOW), '--jwks', 'examples/demo-keys/client.public.jwks.json'], { env: { FORCE_COLOR: '1' } });
    assert.equal(r.stderr, '');
    assert.ok(OWN_SGR.test(r.stdout), 'colour is on for our own labels');
    const rest = r.stdout.replace(OWN_SGR, '');
    assert.ok(!rest.includes('\u001b'), `a raw ESC from token content at ${rest.indexOf('\u001b')}`);
    const m = UNSAFE_BIDI_CTRL.exec(rest);
    assert.equal(m, null, `raw U+${m?.[0].charCodeAt(0).toString(16).padStart(4, '0')} in stdout`);
    // Visible instead: escapes shown as text.
    assert.ok(rest.includes('\\u001b]8;;http://evil.example\\u0007link\\u001b]8;;\\u0007'));
    assert.ok(rest.includes('admin\\u202etxt.exe'));
    assert.ok(rest.includes('c1\\u0085\\u009b31m'));
    assert.ok(rest.includes('<img src=x onerror=alert(1)>'), 'HTML is shown literally (a terminal renders no HTML)');
  });

  // Found here: zero-width characters passed through clean(), so "pay\u200bpal" printed as "paypal"
  // (fixed in src/cli/terminal.ts).
  test('CLI text: zero-width characters are shown as visible escapes', () => {
    const r = cli([file, '--now', String(NOW)]);
    const m = ZERO_WIDTH.exec(r.stdout);
    assert.equal(m, null, `raw U+${m?.[0].charCodeAt(0).toString(16)} in stdout`);
    assert.ok(r.stdout.includes('pay\\u200bpal'));
  });

  test('CLI JSON and SARIF: valid JSON, token content preserved exactly', () => {
    const r = cli([file, '--now', String(NOW), '--format', 'json'], { env: { FORCE_COLOR: '1' } });
    const report = JSON.parse(r.stdout) as Report;
    assert.deepEqual(report.tokens[0].payload, h.claims);
    assert.deepEqual(report.tokens[0].header, h.header);
    // JSON escapes C0 controls (ESC becomes \u001b); bidi and C1 characters stay, as data, exactly as sent.
    assert.ok(!r.stdout.includes('\u001b'), 'no raw ESC in JSON output');
    const s = cli([file, '--now', String(NOW), '--format', 'sarif']);
    const sarif = JSON.parse(s.stdout) as { runs: Array<{ results: Array<{ message: { text: string } }> }> };
    // Finding messages quote values JSON-style, so the ESC of the "typ" header is the visible text \u001b.
    assert.ok(sarif.runs[0].results.some((x) => x.message.text.startsWith('"typ" is "\\u001b[31mred\\u001b[0m"')), 'finding text');
    assert.ok(!s.stdout.includes('\u001b'), 'no raw ESC in SARIF output');
  });

  test('VS Code hover markdown: everything escaped, only our own command links, no HTML', async () => {
    const real = (Module as unknown as { _load: (req: string, ...rest: unknown[]) => unknown })._load;
    class MarkdownString {
      value = '';
      supportHtml = true;
      isTrusted: unknown;
      constructor(v = '', readonly supportThemeIcons = false) { this.value = v; }
      appendMarkdown(s: string) { this.value += s; return this; }
    }
    (Module as unknown as { _load: unknown })._load = function (req: string, ...rest: unknown[]) {
      return req === 'vscode' ? { MarkdownString } : real.call(this, req, ...rest);
    };
    let md: MarkdownString;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { hoverMarkdown } = require('../../src/vscode/hover.markdown') as typeof import('../../src/vscode/hover.markdown');
      const ring = new KeyRing(await importKeys(readFileSync(path.join(ROOT, 'examples/demo-keys/client.public.jwks.json'), 'utf8')));
      const [t] = (await analyzeText(readFileSync(file, 'utf8'), { now: NOW, keys: ring })).tokens;
      md = hoverMarkdown(t, NOW, { uri: 'file:///x.log', offset: 0 }) as unknown as MarkdownString;
    } finally {
      (Module as unknown as { _load: unknown })._load = real;
    }
    const v = md.value;
    assert.equal(md.supportHtml, false);
    assert.deepEqual(md.isTrusted, { enabledCommands: ['ftnInspector.openInInspector', 'ftnInspector.copyClaims', 'ftnInspector.importPrivateKey'] });
    assert.deepEqual(v.match(/\]\([a-z]+:/gi), ['](command:', '](command:'], 'exactly our two links');
    assert.deepEqual(v.match(/\]\(command:[A-Za-z.]+/g), ['](command:ftnInspector.openInInspector', '](command:ftnInspector.copyClaims']);
    assert.ok(!/(^|[^\\])</.test(v), 'every "<" is escaped');
    assert.ok(!/(^|[^\\])\[/.test(v.replace(/\[(Open in Inspector|Copy claims)\]\(command:[^)]*\)/g, '')), 'every other "[" is escaped');
    const m = UNSAFE_BIDI_CTRL.exec(v.replace(/\n/g, ' ')) ?? ZERO_WIDTH.exec(v);
    assert.equal(m, null, `raw U+${m?.[0].charCodeAt(0).toString(16).padStart(4, '0')} in the hover`);
    assert.ok(v.includes('kid: \\<img src\\=x onerror\\=alert\\(1\\)\\>\\\\u001b\\]8\\;\\;http\\:\\/\\/evil\\.example'), 'the OSC 8 link in "kid" as escaped text');
    assert.ok(!v.includes('$(alert)'), 'no theme icon from token content');
    assert.ok(v.length < 20_000, `hover is bounded: ${v.length} characters`);
  });
});
