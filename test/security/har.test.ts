/**
 * Hostile HAR traces: regression tests for what the fuzzers found in the HAR reader, analyser and
 * sanitiser (docs/SECURITY.md, "Found by fuzzing"). Each input is the smallest form of a fuzzer
 * counterexample.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeHar, HarReadError, scanText } from '../../src/core';
import { sanitizeHar } from '../../src/core/har/har.sanitize';

const ROOT = path.resolve(__dirname, '../..');
const NOW = 1793613600;
const TOKEN = readFileSync(path.join(ROOT, 'test/fixtures/ftn/access-token.jwt'), 'utf8').trim();
const har = (request: object, response: object = { status: 200, headers: [], content: { text: '' } }) =>
  JSON.stringify({ log: { entries: [{ startedDateTime: '2026-11-02T10:00:00.000Z', request: { method: 'GET', headers: [], queryString: [], cookies: [], ...request }, response }] } });

suite('security: hostile HAR traces', function () {
  this.timeout(30_000);

  // Fuzz seed 2026250858: parameter maps were plain objects, so a name like "constructor" or "__proto__"
  // hit Object.prototype and analyzeHar threw a TypeError (fixed in har.body.ts addParam).
  test('parameters, cookies and headers named like Object.prototype members are ordinary names', async () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const text = har({
        url: `https://app.example.com/cb?${name}=1&id_token=${TOKEN}`,
        queryString: [{ name, value: TOKEN }],
        headers: [{ name, value: 'x' }, { name: 'Cookie', value: `${name}=y` }],
        cookies: [{ name, value: 'y' }],
      }, { status: 200, headers: [{ name: 'Set-Cookie', value: `${name}=z` }], content: { text: '' } });
      const r = await analyzeHar(text, { now: NOW });
      assert.ok(r.tokens.length >= 1, name);
      assert.ok(r.tokens.every((t) => t.raw === TOKEN));
      assert.equal(Object.getPrototypeOf({}).polluted, undefined);
    }
  });

  // Fuzz seed 3: encodeURIComponent threw URIError on a lone surrogate (fixed in har.redactor.ts, har.sanitize.fields.ts).
  test('sanitize: a lone surrogate next to a token in a URL', async () => {
    const text = har({ url: `https://app.example.com/cb?code=c0de-\ud800-value&state=s&id_token=${TOKEN}` });
    const out = await sanitizeHar(text, { mode: 'remove' });
    assert.deepEqual(scanText(out.text), []);
    assert.equal(out.redactions.token, 1);
  });

  // Unit seed 20261125: a body marked "encoding": "base64" that is not base64, or not UTF-8, was returned
  // untouched, tokens and all (fixed in har.sanitize.ts content()).
  test('sanitize: tokens in bodies that claim base64 but are not, and in binary base64 bodies', async () => {
    const notBase64 = har({ url: 'https://x.example/' }, { status: 200, content: { mimeType: 'application/json', encoding: 'base64', text: JSON.stringify({ id_token: TOKEN }) } });
    const binary = Buffer.concat([Buffer.from([0xff, 0xfe, 0x00, 0x81]), Buffer.from(` ${TOKEN} `), Buffer.from([0xc3, 0x28])]).toString('base64');
    const bin = har({ url: 'https://x.example/' }, { status: 200, content: { mimeType: 'application/grpc-web', encoding: 'base64', text: binary } });
    for (const text of [notBase64, bin]) {
      const out = await sanitizeHar(text, { mode: 'remove' });
      assert.ok(!out.text.includes(TOKEN.slice(0, 40)), 'token gone from the text');
      const content = (JSON.parse(out.text) as { log: { entries: Array<{ response: { content: { text: string } } }> } }).log.entries[0].response.content.text;
      const decoded = Buffer.from(content, 'base64').toString('latin1');
      assert.ok(!decoded.includes(TOKEN.slice(0, 40)), 'token gone from the decoded body');
      assert.equal(out.redactions.token, 1);
    }
  });

  // JSON.stringify recursion overflowed the stack on deep nesting, and pretty-printing amplified a 6 KB
  // trace into 18 MB of indentation (fixed in har.sanitize.ts parseWhole: nesting over 256 is refused).
  test('sanitize: deep nesting is refused with a HarReadError, and output stays proportional', async () => {
    const deep = (d: number) => `{"log":{"entries":[{"request":{"method":"GET","url":"https://x/"},"_x":${'['.repeat(d)}${']'.repeat(d)}}]}}`;
    await assert.rejects(sanitizeHar(deep(10_000), { mode: 'remove' }), (e: unknown) => e instanceof HarReadError && /nest/.test(e.message));
    try {
      const out = await sanitizeHar(deep(3000), { mode: 'remove' });
      assert.ok(out.text.length < 100_000, `output ${out.text.length} characters for a 6 KB input`);
    } catch (e) {
      assert.ok(e instanceof HarReadError, String(e));
    }
  });

  // Vendor fields were redacted value by value, so a token used as a member name (`"_debug": {"eyJ…": 1}`)
  // survived sanitising; so did any string nested deeper than 64 levels (fixed in har.sanitize.ts rest()).
  test('sanitize: a token used as a member name, or nested 100 deep, in a vendor field', async () => {
    const text = JSON.stringify({ log: { entries: [{ startedDateTime: '2026-11-02T10:00:00.000Z', request: { method: 'GET', url: 'https://x.example/' }, _debug: { [TOKEN]: 1 } }] } });
    const out = await sanitizeHar(text, { mode: 'remove' });
    assert.deepEqual(scanText(out.text), []);
    assert.equal(out.redactions.token, 1);
    const deep = `{"log":{"entries":[{"request":{"method":"GET","url":"https://x.example/"},"_x":${'['.repeat(100)}"${TOKEN}"${']'.repeat(100)}}]}}`;
    const d = await sanitizeHar(deep, { mode: 'remove' });
    assert.deepEqual(scanText(d.text), [], 'a token 100 levels deep is redacted too');
  });

  // Fuzz seed 1103234163: an entry whose "request" is not an object was skipped whole, so its base64
  // response body (left alone by the free-text pass) kept its token (fixed in har.sanitize.ts entry()).
  test('sanitize: a response is redacted even when its entry has no usable request, and base64 text anywhere', async () => {
    for (const request of [false, null, 'x', undefined]) {
      const text = JSON.stringify({ log: { entries: [{ request, response: { status: 200, content: { mimeType: 'application/jwt', encoding: 'base64', text: Buffer.from(TOKEN).toString('base64') } } }] } });
      const out = await sanitizeHar(text, { mode: 'remove' });
      const body = (JSON.parse(out.text) as { log: { entries: Array<{ response: { content: { text: string } } }> } }).log.entries[0].response.content.text;
      assert.equal(Buffer.from(body, 'base64').toString(), 'REDACTED', String(request));
    }
    // Fuzz seed 1103234163 (run 16 968): { text, encoding: "base64" } outside response.content was skipped.
    for (const text of [Buffer.from(TOKEN).toString('base64'), JSON.stringify({ id_token: TOKEN })]) {
      const doc = JSON.stringify({ log: { entries: [{ request: { method: 'GET', url: 'https://x.example/' }, Response: { content: { encoding: 'base64', text } }, _saved: { encoding: 'base64', text } }] } });
      const out = await sanitizeHar(doc, { mode: 'remove' });
      assert.ok(!out.text.includes(TOKEN.slice(0, 40)) && !out.text.includes(Buffer.from(TOKEN).toString('base64').slice(0, 40)), 'no token, plain or base64');
      assert.equal(out.redactions.token, 2);
    }
  });

  test('analyzeHar: nesting 100 000 deep in an entry and in a body is read without a stack overflow', async () => {
    const d = 100_000;
    const struct = `{"log":{"entries":[{"startedDateTime":"2026-11-02T10:00:00.000Z","request":{"method":"GET","url":"https://x/?id_token=${TOKEN}"},"_x":${'['.repeat(d)}${']'.repeat(d)}}]}}`;
    const r = await analyzeHar(struct, { now: NOW });
    assert.equal(r.tokens.length, 1);
    const body = har({ url: 'https://x/' }, { status: 200, content: { mimeType: 'application/json', text: `${'{"a":'.repeat(d)}"${TOKEN}"${'}'.repeat(d)}` } });
    const b = await analyzeHar(body, { now: NOW });
    assert.ok(b.tokens.length <= 1);
  });

  test('analyzeHar: a truncated trace keeps the entries before the damage, with a HAR-READ finding', async () => {
    const full = readFileSync(path.join(ROOT, 'examples/ftn-login.har'), 'utf8');
    const cut = full.slice(0, Math.floor(full.length * 0.7));
    const r = await analyzeHar(cut, { now: NOW });
    assert.ok(r.tokens.length > 0);
    assert.ok(r.findings.some((f) => f.rule === 'HAR-READ'), JSON.stringify(r.findings));
    await assert.rejects(analyzeHar(full.slice(0, 40), { now: NOW }), HarReadError);
  });
});
