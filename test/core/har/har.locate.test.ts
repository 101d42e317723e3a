import * as assert from 'node:assert/strict';
import { entryCookies, locateTokens, requestContext, viewEntry } from '../../../src/core/har/har.locate';
import { iterateHarEntries, type ReadSink } from '../../../src/core/har/har.read';
import type { Entry } from 'har-format';

const JWS = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln';
const JWS2 = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ5In0.c2ln';

function view(entry: Record<string, unknown>) {
  const e = entry as unknown as Entry;
  const v = viewEntry({ index: 3, entry: e, start: 0, end: 0 }, 1_000_000);
  return { v, tokens: locateTokens(v, entryCookies(e, v)) };
}

suite('har.locate', () => {
  test('cookies, headers, nested JSON paths and free-text bodies, each with its exact place', () => {
    const { v, tokens } = view({
      startedDateTime: '2026-11-02T10:00:05.500Z',
      request: {
        method: 'post', url: 'https://rp.example/api?x=1#frag=' + JWS2,
        headers: [{ name: 'DPoP', value: JWS }, { name: 'Cookie', value: `sid=${JWS2}; other=1` }, { name: 'Content-Type', value: 'text/plain' }],
        cookies: [], postData: { mimeType: 'text/plain', text: `log line: token=${JWS} end` },
      },
      response: {
        status: 200, headers: [{ name: 'Content-Type', value: 'application/json; charset=utf-8' }], cookies: [{ name: 'rt', value: JWS }],
        content: { size: 0, mimeType: 'application/json', text: JSON.stringify({ data: { tokens: [{ 'id-token': JWS2 }] } }) },
      },
    });
    assert.deepEqual(tokens.map((t) => [t.place.part, t.place.field, t.place.name, t.context.container, t.context.name ?? '']), [
      ['request', 'fragment', 'frag', 'fragment', 'frag'],
      ['request', 'header', 'dpop', 'header', 'dpop'],
      ['request', 'cookie', 'sid', 'cookie', 'sid'],
      ['request', 'text', 'token', 'form', 'token'],
      ['response', 'cookie', 'rt', 'cookie', 'rt'],
      ['response', 'json', '$.data.tokens[0]["id-token"]', 'json', '$.data.tokens[0]["id-token"]'],
    ]);
    assert.equal(tokens.every((t) => t.place.entry === 3), true);
    const ctx = requestContext(v, 'n-1');
    assert.deepEqual(ctx, {
      method: 'POST', url: 'https://rp.example/api?x=1#frag=' + JWS2, query: { x: ['1'] }, form: {},
      headers: { dpop: [JWS], cookie: [`sid=${JWS2}; other=1`], 'content-type': ['text/plain'] },
      responseStatus: 200, responseContentType: 'application/json', time: 1793613605, expectedNonce: 'n-1',
    });
  });

  test('a whole application/jwt body is field body, name body', () => {
    const { tokens } = view({ startedDateTime: '', request: { method: 'GET', url: 'https://b.example/userinfo' }, response: { status: 200, content: { mimeType: 'application/jwt', text: `${JWS}\n` } } });
    assert.deepEqual(tokens.map((t) => [t.place.part, t.place.field, t.place.name, t.raw]), [['response', 'body', 'body', JWS]]);
  });

  test('iterateHarEntries is lazy: a damaged later entry is reported only when reached', () => {
    const sink: ReadSink = { notes: [], findings: [] };
    const good = JSON.stringify({ request: { method: 'GET', url: 'https://a.example/' }, response: { status: 200 } });
    const it = iterateHarEntries(`{"log":{"entries":[${good},{"request":1 2}]}}`, sink);
    assert.equal(it.next().value?.index, 0);
    assert.deepEqual(sink.notes, []);
    assert.equal(it.next().done, true);
    assert.deepEqual(sink.notes, [`entry 1 is not valid JSON at byte offset ${20 + good.length + 13}: skipped`]);
  });
});
