import assert from 'node:assert/strict';
import { bodyView, bytesToBase64, isBinaryMime } from '../../../src/core/har/har.body';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';

suite('har.body: binary bodies are neither decoded nor searched', () => {
  test('isBinaryMime: media, fonts, archives, PDF and wasm are binary; text, JSON, HTML and SVG are not', () => {
    const binary = ['image/png', 'IMAGE/JPEG', 'font/woff2', 'audio/mpeg', 'video/mp4', 'application/octet-stream', 'application/wasm', 'application/pdf', 'application/zip', 'application/x-zip-compressed', ' application/gzip; charset=binary'];
    const text = ['image/svg+xml', 'text/html', 'application/json', 'application/javascript', 'application/jwt', 'application/x-www-form-urlencoded', 'text/plain', '', 'application/zipper'];
    assert.deepEqual(binary.filter((m) => !isBinaryMime(m)), []);
    assert.deepEqual(text.filter((m) => isBinaryMime(m)), []);
  });

  test('bodyView: a base64 or plain image body has no text; the same bytes as text/plain are decoded', () => {
    const b64 = bytesToBase64(new TextEncoder().encode(`x ${TOKEN} y`));
    assert.deepEqual(bodyView({ mimeType: 'image/png', text: b64, encoding: 'base64', size: 0 }, 1e6), { mimeType: 'image/png' });
    assert.deepEqual(bodyView({ mimeType: 'application/octet-stream', text: TOKEN, size: 0 }, 1e6), { mimeType: 'application/octet-stream' });
    assert.deepEqual(bodyView({ mimeType: 'text/plain', text: b64, encoding: 'base64', size: 0 }, 1e6), { mimeType: 'text/plain', text: `x ${TOKEN} y` });
  });
});
