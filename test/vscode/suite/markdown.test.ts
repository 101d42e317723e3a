import * as assert from 'node:assert/strict';
import { escapeMarkdown, hoverMarkdown } from '../../../src/vscode/hover.markdown';
import { markerText } from '../../../src/vscode/tokenText';
import { makeNonce, webviewHtml } from '../../../src/vscode/webview';
import * as vscode from 'vscode';
import type { TokenReport } from '../../../src/core/index';
import { redactionText } from '../../../src/vscode/commands.har';
import { looksLikeHar } from '../../../src/core/har/har.detect';
import { normalizePastedPem } from '../../../src/vscode/keys.input';
import { keyItems } from '../../../src/vscode/keys.items';

const hostile: TokenReport = {
  location: { line: 1, column: 1, offset: 0, length: 10 }, format: 'JWS', serialization: 'compact', kind: 'id_token',
  raw: 'x.y.z', header: { alg: 'RS256', kid: '[x](command:evil)' }, payloadText: null, decryption: null,
  signature: { status: 'no-key' }, nested: null,
  payload: { sub: '<img src=x onerror=alert(1)> `code` **bold** $(zap) https://evil.example/ | col', exp: 1_000_000_060, iat: 1_000_000_000 },
  findings: [
    { rule: 'FTN-IDT-EXP', severity: 'error', message: '"exp" is [click](https://evil.example)' },
    { rule: 'not a rule`](x)', severity: 'warning', message: 'w' },
  ],
};

suite('hover markdown, webview HTML and helpers (in the extension host)', () => {
  test('escapeMarkdown backslash-escapes every ASCII punctuation character and shows control characters', () => {
    assert.equal(escapeMarkdown('a*b_[c](d)<e>`f`|$(g)'), 'a\\*b\\_\\[c\\]\\(d\\)\\<e\\>\\`f\\`\\|\\$\\(g\\)');
    assert.equal(escapeMarkdown('line1\nline2\u001b[31m'), 'line1\\\\u000aline2\\\\u001b\\[31m');
    assert.equal(escapeMarkdown('x'.repeat(130)), `${'x'.repeat(120)}…`);
  });

  test('hostile claims cannot inject links, HTML, code spans or icons; only our commands are enabled', () => {
    const md = hoverMarkdown(hostile, 1_000_000_000, { uri: 'file:///w/a.env', offset: 5 });
    assert.deepEqual(md.isTrusted, { enabledCommands: ['ftnInspector.openInInspector', 'ftnInspector.copyClaims', 'ftnInspector.importPrivateKey'] });
    assert.equal(md.supportHtml, false);
    assert.ok(md.value.includes('\\<img src\\=x onerror\\=alert\\(1\\)\\> \\`code\\` \\*\\*bold\\*\\* \\$\\(zap\\) https\\:\\/\\/evil\\.example\\/ \\| col'), md.value);
    assert.ok(md.value.includes('kid: \\[x\\]\\(command\\:evil\\)'), md.value);
    assert.ok(md.value.includes('"exp" is \\[click\\]\\(https\\:\\/\\/evil\\.example\\)'.replace(/"/g, '\\"')), md.value);
    assert.ok(md.value.includes('- $(warning) not a rule\\`\\]\\(x\\) w'), md.value);
    assert.ok(md.value.includes('- $(error) `FTN-IDT-EXP`'), md.value);
    // every command link in the markdown is one of ours
    const commands = [...md.value.matchAll(/\(command:([\w.]+)\?/g)].map((m) => m[1]);
    assert.deepEqual(commands, ['ftnInspector.openInInspector', 'ftnInspector.copyClaims']);
    assert.ok(md.value.includes('| exp | 1000000060 (2001\\-09\\-09 01\\:47\\:40Z, expires in 1 min) |'), md.value);
  });

  test('the marker text names format, kind, state and counts', () => {
    assert.equal(markerText(hostile, 1_000_000_000), 'JWS · id_token · 1 error · 1 warning');
    assert.equal(markerText(hostile, 1_000_000_200), 'JWS · id_token · expired · 1 error · 1 warning');
  });

  test('webview HTML: strict CSP with a fresh nonce, resources from dist/webview and media only', () => {
    const webview = { cspSource: 'https://res.test', asWebviewUri: (u: vscode.Uri) => u } as unknown as vscode.Webview;
    const root = vscode.Uri.file('/ext');
    const html = webviewHtml(webview, root, { reveal: true, importKey: true, exportHar: false, copy: true, liveCapture: false }, 'T"<');
    const nonce = /script-src 'nonce-([A-Za-z0-9+/=]+)'/.exec(html)?.[1];
    assert.ok(nonce && nonce.length === 24, html);
    assert.ok(html.includes(`content="default-src 'none'; style-src https://res.test; font-src https://res.test; script-src 'nonce-${nonce}'; img-src https://res.test data:;"`), html);
    assert.ok(html.includes(`<script nonce="${nonce}" src="file:///ext/dist/webview/webview.js"></script>`), html);
    assert.ok(html.includes('<link rel="stylesheet" href="file:///ext/media/inspector.css">'), html);
    assert.ok(html.includes('<title>T&quot;&lt;</title>'), html);
    assert.ok(html.includes('data-capabilities="{&quot;reveal&quot;:true,&quot;importKey&quot;:true,&quot;exportHar&quot;:false,&quot;copy&quot;:true,&quot;liveCapture&quot;:false}"'), html);
    assert.notEqual(makeNonce(), makeNonce());
  });

  test('helpers: pasted PEM repair, HAR sniffing, redaction summary, key pick items', () => {
    assert.equal(normalizePastedPem('-----BEGIN PRIVATE KEY----- QUJD REVG -----END PRIVATE KEY-----'), '-----BEGIN PRIVATE KEY-----\nQUJDREVG\n-----END PRIVATE KEY-----');
    assert.equal(normalizePastedPem(`-----BEGIN PUBLIC KEY----- ${'A'.repeat(70)} -----END PUBLIC KEY-----`),
      `-----BEGIN PUBLIC KEY-----\n${'A'.repeat(64)}\nAAAAAA\n-----END PUBLIC KEY-----`);
    assert.equal(looksLikeHar('{ "log": { "version": "1.2", "entries": [] } }'), true);
    assert.equal(looksLikeHar('{"keys": []}'), false);
    assert.equal(looksLikeHar('eyJhbGciOiJub25lIn0.e30.'), false);
    assert.equal(redactionText({ token: 3, cookie: 0, hetu: 1 }), 'token ×3, hetu ×1');
    assert.equal(redactionText({}), 'nothing');
    const [item] = keyItems([{ kty: 'RSA', size: 2048, use: 'enc', alg: 'RSA-OAEP-256', kid: 'enc-1', thumbprint: 'TP', private: true, source: 'JWK (a.json)' }]);
    assert.deepEqual([item.label, item.description, item.detail], ['enc-1', 'RSA 2048 · enc · RSA-OAEP-256 · private', 'thumbprint TP · JWK (a.json)']);
  });
});
