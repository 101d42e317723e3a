import * as assert from 'node:assert/strict';
import { HarReadError } from '../../../src/core/errors';
import { bodyView, cookieMap, formParams, parseUrl } from '../../../src/core/har/har.body';
import { scanHarEntries } from '../../../src/core/har/har.json-scan';
import { readHarEntries } from '../../../src/core/har/har.read';
import { fixture } from './har.support';

const minimal = (entries: unknown[]) => JSON.stringify({ log: { version: '1.2', creator: { name: 't', version: '1' }, entries } });
const e = (url: string, extra: Record<string, unknown> = {}) => ({ startedDateTime: '2026-11-02T10:00:00.000Z', request: { method: 'GET', url }, response: { status: 200 }, ...extra });

suite('har.read: scanner', () => {
  test('finds entry spans without parsing the tree; strings with brackets and escapes do not confuse it', () => {
    const text = `{"log":{"comment":"[{\\"]","entries":[{"a":"}]"},{"b":[1,{"c":"\\\\"}]}],"pages":[]}}`;
    const scan = scanHarEntries(text);
    assert.equal(scan.foundEntries, true);
    assert.deepEqual(scan.slices.map((s) => text.slice(s.start, s.end)), ['{"a":"}]"}', '{"b":[1,{"c":"\\\\"}]}']);
    assert.equal(scan.truncated, undefined);
  });

  test('an "entries" key outside log is not the entries array', () => {
    assert.equal(scanHarEntries('{"data":{"entries":[{"a":1}]}}').foundEntries, false);
  });

  test('reports where a truncated file ends and which entry it cut', () => {
    const text = '{"log":{"entries":[{"a":1},{"b":';
    assert.deepEqual(scanHarEntries(text).truncated, { offset: text.length, entry: 1 });
  });
});

suite('har.read: readHarEntries', () => {
  test('strips a BOM and keeps vendor fields', () => {
    const r = readHarEntries('\ufeff' + minimal([e('https://a.example/x', { _priority: 'High' })]));
    assert.equal(r.entries.length, 1);
    assert.equal((r.entries[0].entry as unknown as { _priority: string })._priority, 'High');
    assert.deepEqual(r.notes, []);
  });

  test('skips entries without a request url with a note and keeps the others with their index', () => {
    const r = readHarEntries(minimal([{ request: { method: 'GET' } }, e('https://a.example/y'), 7]));
    assert.deepEqual(r.entries.map((x) => x.index), [1]);
    assert.deepEqual(r.notes, ['entry 2 is not an object: skipped', 'entry 0 has no "request.url" string: skipped']);
    assert.deepEqual(r.findings.map((f) => [f.rule, f.severity]), [['HAR-READ', 'warning'], ['HAR-READ', 'warning']]);
  });

  test('a truncated file: entries before the damage are read; byte offset counts UTF-8 bytes', () => {
    const text = '{"log":{"entries":[' + JSON.stringify(e('https://ä.example/')) + ',{"request":{"url":"https://b';
    const r = readHarEntries(text);
    assert.deepEqual(r.entries.map((x) => x.index), [0]);
    const bytes = new TextEncoder().encode(text).length;
    assert.deepEqual(r.notes, [`har is truncated at byte offset ${bytes} (end of input inside entry 1); 1 complete entry was analysed`]);
    assert.equal(r.findings[0].rule, 'HAR-READ');
  });

  test('a file truncated before any complete entry throws with the offset', () => {
    const text = '{"log":{"entries":[{"request":';
    assert.throws(() => readHarEntries(text), (err: unknown) => {
      assert.ok(err instanceof HarReadError);
      assert.equal(err.message, `har is truncated at byte offset ${text.length} (end of input inside entry 0); no complete entry`);
      assert.deepEqual(err.where, { offset: text.length, entry: 0 });
      return true;
    });
  });

  test('a damaged entry in the middle is skipped with its byte offset; later entries are still read', () => {
    const good = JSON.stringify(e('https://a.example/'));
    const text = `{"log":{"entries":[${good},{"request":{"url" 1}},${good}]}}`;
    const r = readHarEntries(text);
    assert.deepEqual(r.entries.map((x) => x.index), [0, 2]);
    const bad = text.indexOf('{"request":{"url" 1}}');
    assert.deepEqual(r.notes, [`entry 1 is not valid JSON at byte offset ${bad + 18}: skipped`]);
  });

  test('not JSON / not a HAR', () => {
    assert.throws(() => readHarEntries(fixture('not-json.har')), { name: 'HarReadError', message: /^not a HAR: the text is not JSON at byte offset 0/ });
    assert.throws(() => readHarEntries('{"log":{"version":"1.2"}}'), { name: 'HarReadError', message: 'not a HAR: missing "log.entries" array' });
    assert.throws(() => readHarEntries('{"log":{"entries":[1,2'), (err: unknown) => err instanceof HarReadError);
  });
});

suite('har.read: bodies and parameters', () => {
  test('base64 bodies are decoded with atob + TextDecoder; binary bodies give no text', () => {
    const b64 = btoa(String.fromCharCode(...new TextEncoder().encode('{"hetu":"äö"}')));
    assert.deepEqual(bodyView({ size: 0, mimeType: 'application/json', text: b64, encoding: 'base64' }, 1000), { text: '{"hetu":"äö"}', mimeType: 'application/json' });
    assert.deepEqual(bodyView({ size: 0, mimeType: 'image/png', text: btoa('\x89PNG\xff\xfe'), encoding: 'base64' }, 1000), { mimeType: 'image/png' });
    assert.deepEqual(bodyView({ size: 0, mimeType: 'text/plain', text: 'x'.repeat(11) }, 10), { mimeType: 'text/plain', skipped: 'body of 11 characters is over the limit of 10' });
  });

  test('form bodies from params only (Fiddler, percent-encoded) or from text', () => {
    assert.deepEqual(formParams({ mimeType: '', params: [{ name: 'redirect_uri', value: 'https%3A%2F%2Fapp.example.com%2Fcb' }, { name: 'a', value: '1' }] }), { redirect_uri: ['https://app.example.com/cb'], a: ['1'] });
    assert.deepEqual(formParams({ mimeType: 'application/x-www-form-urlencoded; charset=UTF-8', text: 'a=1&a=2&b=x+y' }), { a: ['1', '2'], b: ['x y'] });
    assert.deepEqual(formParams({ mimeType: 'application/json', text: '{"a":1}' }), {});
  });

  test('URLs split into endpoint, host, path, query and fragment', () => {
    assert.deepEqual(parseUrl('https://User@Demo.Example:8443/cb?code=a%2Bb&state=s#id_token=x'), {
      endpoint: 'https://User@Demo.Example:8443/cb', host: 'demo.example:8443', path: '/cb',
      query: { code: ['a+b'], state: ['s'] }, fragment: { id_token: ['x'] },
    });
  });

  test('cookies from the HAR array, else from Cookie / Set-Cookie headers', () => {
    assert.deepEqual(cookieMap([], { cookie: ['a=1; b=2'] }, false), { a: ['1'], b: ['2'] });
    assert.deepEqual(cookieMap(undefined, { 'set-cookie': ['s=v; Path=/\nt=w; Secure'] }, true), { s: ['v'], t: ['w'] });
    assert.deepEqual(cookieMap([{ name: 'x', value: 'y' }], { cookie: ['a=1'] }, false), { x: ['y'] });
  });
});
