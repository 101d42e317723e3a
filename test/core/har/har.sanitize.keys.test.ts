import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sanitizeHar } from '../../../src/core/har/har.sanitize';
import { redactPemKeys } from '../../../src/core/har/har.sanitize.keys';
import { ROOT } from './har.support';

const PRIVATE = ['d', 'p', 'q', 'dp', 'dq', 'qi'] as const;
type Jwk = Record<string, string>;

const demoJwk = (f: string) => JSON.parse(readFileSync(path.join(ROOT, 'examples/demo-keys', f), 'utf8')) as Jwk;
const pem = (f: string) => readFileSync(path.join(ROOT, 'test/fixtures/keys', f), 'utf8');
const bodyLines = (p: string) => p.split('\n').filter((l) => l && !l.startsWith('-----'));
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

const sig = demoJwk('client-sig.private.jwk.json');
const enc = demoJwk('client-enc.private.jwk.json');
const sec1 = pem('ec-p256.sec1.pem'), pkcs8 = pem('rsa.pkcs8.pem'), pkcs1 = pem('rsa.pkcs1.pem');

function entry(method: string, url: string, post: { mimeType: string; text: string } | undefined, content: Record<string, unknown>) {
  return {
    startedDateTime: '2026-11-02T10:00:00.000Z', time: 1,
    request: { method, url, httpVersion: 'HTTP/1.1', headers: [], queryString: [], cookies: [], headersSize: -1, bodySize: post ? post.text.length : 0, ...(post ? { postData: post } : {}) },
    response: { status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', headers: [], cookies: [], content: { size: 0, ...content } as { size: number; text?: string; mimeType?: string; encoding?: string }, redirectURL: '', headersSize: -1, bodySize: -1 },
    cache: {}, timings: { send: 0, wait: 1, receive: 0 },
  };
}

/** A key upload (raw PEM), a config with PEMs (JSON string; escaped `\n` in text), a JWKS plain and base64. */
function keyHar(): string {
  const escaped = `key_pem = "${pkcs1.trimEnd().replace(/\n/g, '\\n')}"\nlevel = debug\n`;
  return JSON.stringify({ log: { version: '1.2', creator: { name: 'test', version: '1' }, entries: [
    entry('POST', 'https://broker.example.com/admin/keys', { mimeType: 'application/x-pem-file', text: sec1 }, { mimeType: 'application/json', text: '{"ok":true}' }),
    entry('POST', 'https://broker.example.com/admin/config', { mimeType: 'application/json', text: JSON.stringify({ name: 'client', pem: pkcs8 }) }, { mimeType: 'text/plain', text: escaped }),
    entry('GET', 'https://app.example.com/jwks', undefined, { mimeType: 'application/json', text: JSON.stringify({ keys: [sig] }, null, 2) }),
    entry('GET', 'https://app.example.com/enc-jwks', undefined, { mimeType: 'application/json', encoding: 'base64', text: b64(JSON.stringify({ keys: [enc] })) }),
  ] } }, null, 2);
}

function assertNoKeyMaterial(out: string): void {
  for (const k of [sig, enc]) for (const m of PRIVATE) assert.ok(!out.includes(k[m]), `private "${m}" of ${k.kid} survived`);
  for (const p of [sec1, pkcs8, pkcs1]) for (const line of bodyLines(p)) assert.ok(!out.includes(line), `PEM body line ${line} survived`);
  assert.doesNotMatch(out, /PRIVATE KEY-----/);
}

suite('har.sanitize private keys', () => {
  for (const mode of ['remove', 'pseudonym'] as const) {
    test(`${mode}: PEM blocks and private JWK members are redacted, public members kept, counted exactly`, async () => {
      const { text, redactions } = await sanitizeHar(keyHar(), { mode });
      assertNoKeyMaterial(text);
      const h = JSON.parse(text) as { log: { entries: { request: { postData?: { text: string } }; response: { content: { text: string; encoding?: string } } }[] } };
      assert.equal(h.log.entries.length, 4);
      // 3 PEM blocks + 6 private members in each of the two JWKs.
      assert.deepEqual(redactions, { 'private-key': 15 });
      const label = (n: number) => (mode === 'remove' ? 'REDACTED-private-key' : `REDACTED-private-key-${n}`);
      const [upload, config, jwks, encJwks] = h.log.entries;
      assert.equal(upload.request.postData!.text, `${label(1)}\n`);
      assert.deepEqual(JSON.parse(config.request.postData!.text), { name: 'client', pem: `${label(2)}\n` });
      assert.equal(config.response.content.text, `key_pem = "${label(3)}"\nlevel = debug\n`);
      const expect = (k: Jwk, first: number) => ({ ...k, ...Object.fromEntries(PRIVATE.map((m, i) => [m, label(first + i)])) });
      assert.deepEqual(JSON.parse(jwks.response.content.text), { keys: [expect(sig, 4)] });
      assert.equal(encJwks.response.content.encoding, 'base64');
      const decoded = Buffer.from(encJwks.response.content.text, 'base64').toString('utf8');
      assert.deepEqual(JSON.parse(decoded), { keys: [expect(enc, 10)] });
      for (const k of [sig, enc]) { assert.ok(text.includes(k.n) || decoded.includes(k.n)); assert.ok(text.includes(k.kid) || decoded.includes(k.kid)); }
    });
  }

  test('a JWK in a query or form parameter: private members redacted there and wherever else the value appears', async () => {
    const oct = { kty: 'oct', kid: 'hmac-1', k: 'c2VjcmV0LXN5bW1ldHJpYy1rZXktYnl0ZXM' };
    const json = JSON.stringify(oct);
    const e = entry('POST', `https://broker.example.com/admin?key=${encodeURIComponent(json)}`, { mimeType: 'application/x-www-form-urlencoded', text: `jwk=${encodeURIComponent(JSON.stringify(sig))}&x=1` }, { mimeType: 'text/plain', text: `loaded k=${oct.k}` });
    e.request.queryString = [{ name: 'key', value: json }] as never;
    const { text, redactions } = await sanitizeHar(JSON.stringify({ log: { entries: [e] } }), { mode: 'pseudonym' });
    assert.ok(!text.includes(oct.k));
    for (const m of PRIVATE) assert.ok(!text.includes(encodeURIComponent(sig[m])) && !text.includes(sig[m]));
    const h = JSON.parse(text) as { log: { entries: typeof e[] } };
    const out = h.log.entries[0];
    assert.deepEqual(JSON.parse((out.request.queryString as { value: string }[])[0].value), { ...oct, k: 'REDACTED-private-key-1' });
    assert.equal(out.request.url, `https://broker.example.com/admin?key=${encodeURIComponent(JSON.stringify({ ...oct, k: 'REDACTED-private-key-1' }))}`);
    const form = new URLSearchParams(out.request.postData!.text);
    assert.equal(form.get('x'), '1');
    assert.equal(JSON.parse(form.get('jwk')!).n, sig.n);
    assert.equal(JSON.parse(form.get('jwk')!).d, 'REDACTED-private-key-2');
    assert.equal(out.response.content.text, 'loaded k=REDACTED-private-key-1');
    // k twice (query, URL) + once in the response text; d p q dp dq qi once in the form.
    assert.deepEqual(redactions, { 'private-key': 9 });
  });

  test('redactPemKeys: every private key label; public keys and certificates kept; missing END; linear time', () => {
    const rep = (b: string) => `[${b.length}]`;
    for (const label of ['PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY', 'ENCRYPTED PRIVATE KEY', 'OPENSSH PRIVATE KEY', 'DSA PRIVATE KEY']) {
      const block = `-----BEGIN ${label}-----\nAAAA\n-----END ${label}-----`;
      assert.equal(redactPemKeys(`a ${block} b`, rep), `a [${block.length}] b`);
    }
    const pub = pem('rsa.spki.pem') + pem('rsa.cert.pem');
    assert.equal(redactPemKeys(pub, rep), pub);
    // Mismatched END lines do not close a block; a block without END ends with its body.
    assert.equal(redactPemKeys('x -----BEGIN EC PRIVATE KEY-----\\nMHcC+/=\\nAwEH", "y": 1', rep), 'x [45]", "y": 1');
    assert.equal(redactPemKeys('-----BEGIN PRIVATE KEY-----AB-----END RSA PRIVATE KEY-----', rep), '[58]');
    const hostile = '-----BEGIN PRIVATE KEY-----.'.repeat(100_000);
    const t0 = Date.now();
    const out = redactPemKeys(hostile, () => 'R');
    assert.equal(out, 'R.'.repeat(100_000));
    assert.ok(Date.now() - t0 < 2000, `took ${Date.now() - t0} ms`);
  });
});
