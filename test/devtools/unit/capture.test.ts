import assert from 'node:assert/strict';
import type { Entry } from 'har-format';
import { Capture, base64Text, isTextual, toHarEntry, type NetworkApi, type NetworkRequest } from '../../../src/devtools/capture';
import { attachNetwork } from '../../../src/devtools/network';

/** A HAR entry as DevTools hands it over (plus getContent). */
function req(url: string, at: string, opts: { status?: number; mime?: string; body?: string; encoding?: string; hang?: boolean } = {}): NetworkRequest {
  return {
    startedDateTime: at, time: 1, cache: {}, timings: { send: 0, wait: 1, receive: 0 },
    request: { method: 'GET', url, httpVersion: 'HTTP/1.1', headers: [], queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
    response: { status: opts.status ?? 200, statusText: '', httpVersion: 'HTTP/1.1', headers: [], cookies: [], redirectURL: '',
      headersSize: -1, bodySize: 0, content: { size: 0, mimeType: opts.mime ?? 'application/json' } },
    _initiator: { type: 'script' },
    getContent: (cb: (content: string | null, encoding: string) => void) => { if (!opts.hang) cb(opts.body ?? '{}', opts.encoding ?? ''); },
  } as unknown as NetworkRequest;
}

suite('devtools capture', () => {
  test('isTextual accepts JSON, JWT, forms, text and +json/+jwt; refuses images and octet-stream', () => {
    for (const m of ['application/json', 'application/jwt', 'application/x-www-form-urlencoded', 'text/html; charset=utf-8', 'application/token-introspection+jwt', 'application/problem+json'])
      assert.equal(isTextual(m), true, m);
    for (const m of ['image/png', 'application/octet-stream', 'font/woff2', '', undefined]) assert.equal(isTextual(m), false, String(m));
  });

  test('base64Text decodes UTF-8 and refuses bytes that are not UTF-8', () => {
    assert.equal(base64Text(btoa('eyJhbGciOiJub25lIn0.e30.')), 'eyJhbGciOiJub25lIn0.e30.');
    assert.equal(base64Text(btoa('\xff\xfe')), undefined);
    assert.equal(base64Text('%%%'), undefined);
  });

  test('toHarEntry copies plain JSON, drops DevTools "_" members and decodes a base64 application/jwt body', async () => {
    const e = await toHarEntry(req('https://b/userinfo', '2026-01-01T00:00:00.000Z', { mime: 'application/jwt', body: btoa('a.b.c'), encoding: 'base64' }));
    assert.equal(e.response.content.text, 'a.b.c');
    assert.equal(e.response.content.encoding, undefined);
    assert.equal('_initiator' in e, false);
    assert.equal('getContent' in e, false);
  });

  test('toHarEntry gives up on a getContent that never answers, and skips non-text bodies', async () => {
    const t0 = Date.now();
    const hung = await toHarEntry(req('https://b/cb', '2026-01-01T00:00:00.000Z', { mime: 'text/html', hang: true }), 50);
    assert.ok(Date.now() - t0 < 1000);
    assert.equal(hung.response.content.text, undefined);
    const img = await toHarEntry(req('https://b/i.png', '2026-01-01T00:00:00.000Z', { mime: 'image/png', body: 'x' }));
    assert.equal(img.response.content.text, undefined);
  });

  test('entries are kept in time order, duplicates dropped, the oldest dropped past the cap', () => {
    let changes = 0;
    const c = new Capture(() => changes++, 3);
    const e = (u: string, t: string) => req(u, `2026-01-01T00:00:0${t}.000Z`) as Entry;
    c.addEntries([e('https://a/2', '2'), e('https://a/1', '1')]);
    c.addEntries([e('https://a/1', '1')]);
    assert.equal(changes, 1, 'a batch of duplicates is no change');
    c.addEntries([e('https://a/4', '4'), e('https://a/3', '3')]);
    assert.deepEqual(c.entries.map((x) => x.request.url), ['https://a/2', 'https://a/3', 'https://a/4']);
    assert.equal(c.dropped, 1);
    assert.equal(c.toHar().log.entries.length, 3);
    assert.equal(c.toHar().log.version, '1.2');
  });

  test('pause ignores live requests; navigation clears unless preserve log is on', async () => {
    const c = new Capture();
    c.paused = true;
    await c.addRequest(req('https://a/1', '2026-01-01T00:00:01.000Z'));
    assert.equal(c.entries.length, 0);
    c.paused = false;
    await c.addRequest(req('https://a/1', '2026-01-01T00:00:01.000Z'));
    c.preserve = true;
    c.navigated();
    assert.equal(c.entries.length, 1);
    c.preserve = false;
    c.navigated();
    assert.equal(c.entries.length, 0);
  });

  test('attachNetwork takes getHAR entries first, live ones next, and pulls the hop after a redirect from getHAR', async () => {
    const listeners: { finished?: (r: NetworkRequest) => void; navigated?: (u: string) => void } = {};
    let har: NetworkRequest[] = [req('https://a/before', '2026-01-01T00:00:01.000Z', { body: '{"a":1}' })];
    const network: NetworkApi = {
      onRequestFinished: { addListener: (cb) => { listeners.finished = cb; } },
      onNavigated: { addListener: (cb) => { listeners.navigated = cb; } },
      getHAR: (cb) => cb({ entries: har }),
    };
    const c = new Capture();
    await attachNetwork(network, c);
    assert.deepEqual(c.entries.map((x) => x.response.content.text), ['{"a":1}']);
    const redirect = req('https://b/authorize', '2026-01-01T00:00:02.000Z', { status: 302, mime: 'text/plain', body: '' });
    const hop = req('https://rp/callback?code=1', '2026-01-01T00:00:03.000Z', { mime: 'text/html', body: '<p>ok</p>' });
    har = [...har, redirect, hop];
    listeners.finished!(redirect); // Chromium reports the 302 but never the hop
    await new Promise((r) => setTimeout(r, 1000));
    assert.deepEqual(c.entries.map((x) => x.request.url), ['https://a/before', 'https://b/authorize', 'https://rp/callback?code=1']);
    listeners.navigated!('https://rp/');
    assert.equal(c.entries.length, 0);
  });
});
