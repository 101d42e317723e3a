import * as assert from 'node:assert/strict';
import type { Har } from 'har-format';
import { analyzeHar } from '../../../src/core/har/har.analyze';
import { sanitizeHar } from '../../../src/core/har/har.sanitize';
import { findHetus } from '../../../src/core/hetu';
import { scanText } from '../../../src/core/token.scan';
import { demoRing, example, fixture } from './har.support';

/** Every secret value the sample trace holds, read from the original file itself. */
function secretsOf(text: string): string[] {
  const h = JSON.parse(text.replace(/^\ufeff/, '')) as Har;
  const values = new Set<string>(scanText(text).map((f) => f.token));
  for (const e of h.log.entries) {
    const params = new URLSearchParams(e.request.url.split('?')[1] ?? '');
    for (const n of ['code', 'code_verifier', 'client_secret', 'password']) if (params.get(n)) values.add(params.get(n)!);
    const form = new URLSearchParams(e.request.postData?.text ?? '');
    for (const n of ['code', 'code_verifier', 'client_secret', 'password']) if (form.get(n)) values.add(form.get(n)!);
    for (const hd of [...e.request.headers, ...e.response.headers]) {
      if (hd.name === 'authorization') values.add(hd.value.split(' ')[1]);
      if (hd.name === 'cookie' || hd.name === 'set-cookie') values.add(hd.value.split(';')[0].split('=')[1]);
    }
  }
  for (const h of findHetus(text)) values.add(h.value);
  return [...values];
}

suite('har.sanitize', () => {
  test('the sample: no token, secret, cookie value or HETU is left; counts by kind', async () => {
    const text = example();
    const secrets = secretsOf(text);
    assert.equal(secrets.length, 10); // 5 distinct tokens, code, verifier, password, session cookie, HETU
    assert.ok(secrets.includes('SplxlOBeZQQYbYS6WxSbIA-demo-code') && secrets.includes('131052-308T') && secrets.includes('demo-bank-password-1234'));
    const out = await sanitizeHar(text, { mode: 'remove' });
    assert.deepEqual(scanText(out.text), []);
    assert.deepEqual(findHetus(out.text), []);
    for (const s of secrets) assert.ok(!out.text.includes(s), `"${s.slice(0, 40)}" is still in the output`);
    assert.deepEqual(out.redactions, { token: 10, password: 2, code: 6, 'set-cookie': 1, code_verifier: 2, authorization: 1, cookie: 1, hetu: 1 });
  });

  test('the output is a valid HAR with the same structure and the flow is still visible', async () => {
    const text = example();
    const out = await sanitizeHar(text, { mode: 'pseudonym' });
    const before = JSON.parse(text) as Har, after = JSON.parse(out.text) as Har;
    assert.equal(after.log.entries.length, before.log.entries.length);
    assert.deepEqual(after.log.entries.map((e) => [e.request.method, e.response.status, e.startedDateTime]), before.log.entries.map((e) => [e.request.method, e.response.status, e.startedDateTime]));
    assert.equal(after.log.entries[5].request.bodySize, new TextEncoder().encode(after.log.entries[5].request.postData!.text!).length);
    assert.equal(after.log.entries[5].response.bodySize, -1);
    assert.equal(after.log.entries[5].response.content.size, new TextEncoder().encode(after.log.entries[5].response.content.text!).length);
    const r = await analyzeHar(out.text, { now: 1793613600 });
    // The state lives in the (redacted) request object, so only the steps are compared.
    assert.deepEqual(r.flows!.map((f) => f.steps.map((s) => `${s.step}@${s.entry}`).join(',')), ['authorize@1,callback@4,token@5,userinfo@6']);
  });

  test('pseudonyms are consistent across entries: the callback code = the token request code, the bearer = the access token', async () => {
    const out = await sanitizeHar(example(), { mode: 'pseudonym' });
    const e = (JSON.parse(out.text) as Har).log.entries;
    assert.equal(e[4].request.url, 'https://app.example.com/callback?code=REDACTED-code-1&state=st-4f1c9a7e2b');
    assert.equal(e[3].response.headers.find((h) => h.name === 'location')?.value, 'https://app.example.com/callback?code=REDACTED-code-1&state=st-4f1c9a7e2b');
    assert.match(e[5].request.postData!.text!, /^grant_type=authorization_code&code=REDACTED-code-1&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcallback&code_verifier=REDACTED-code_verifier-1&client_assertion_type=[^&]+&client_assertion=REDACTED-token-\d+$/);
    const at = JSON.parse(e[5].response.content.text!).access_token;
    assert.match(at, /^REDACTED-token-\d+$/);
    assert.equal(e[6].request.headers.find((h) => h.name === 'authorization')?.value, `Bearer ${at}`);
    assert.equal(e[4].response.headers.find((h) => h.name === 'set-cookie')?.value, 'app_session=REDACTED-cookie-1; Path=/; Secure; HttpOnly; SameSite=Lax');
    assert.equal(e[7].request.headers.find((h) => h.name === 'cookie')?.value, 'app_session=REDACTED-cookie-1');
    assert.equal(e[7].response.content.text, '{"name":"Demo Testaaja","hetu":"REDACTED-hetu-1","birthdate":"1952-10-13"}');
  });

  test('keepTokenHeaders keeps the protected header segment (alg, kid, typ) and nothing else', async () => {
    const text = example();
    const ca = new URLSearchParams((JSON.parse(text) as Har).log.entries[5].request.postData!.text).get('client_assertion')!;
    const out = await sanitizeHar(text, { mode: 'pseudonym', keepTokenHeaders: true });
    const form = new URLSearchParams((JSON.parse(out.text) as Har).log.entries[5].request.postData!.text);
    assert.match(form.get('client_assertion')!, new RegExp(`^${ca.split('.')[0]}\\.REDACTED-token-\\d+\\.$`));
    assert.ok(!out.text.includes(ca.split('.')[1]));
  });

  test('base64 bodies (mitmproxy) are decoded, redacted and re-encoded', async () => {
    const text = fixture('mitmproxy.har');
    const out = await sanitizeHar(text, { mode: 'remove' });
    const e = (JSON.parse(out.text) as Har).log.entries;
    const body = new TextDecoder().decode(Uint8Array.from(atob(e[7].response.content.text!), (c) => c.charCodeAt(0)));
    assert.equal(body, '{"name":"Demo Testaaja","hetu":"REDACTED","birthdate":"1952-10-13"}');
    assert.equal(e[7].response.content.encoding, 'base64');
    const token = new TextDecoder().decode(Uint8Array.from(atob(e[5].response.content.text!), (c) => c.charCodeAt(0)));
    assert.equal(JSON.parse(token).id_token, 'REDACTED');
    for (const s of secretsOf(fixture('firefox.har')).filter((s) => !s.startsWith('eyJ'))) assert.ok(!out.text.includes(s));
  });

  test('params-only bodies (Fiddler), client_secret and BOM input', async () => {
    const fid = await sanitizeHar(fixture('fiddler.har'), { mode: 'remove' });
    const params = (JSON.parse(fid.text) as Har).log.entries[5].request.postData!.params!;
    assert.deepEqual(params.filter((p) => ['code', 'code_verifier', 'client_assertion'].includes(p.name)).map((p) => p.value), ['REDACTED', 'REDACTED', 'REDACTED']);
    const sec = await sanitizeHar(fixture('client-secret.har'), { mode: 'remove' });
    assert.ok(!sec.text.includes('demo-client-secret-do-not-send'));
    assert.equal(sec.redactions.client_secret, 2);
    const chrome = await sanitizeHar(fixture('chrome.har'), { mode: 'remove' });
    assert.equal(chrome.text.charCodeAt(0), 0x7b);
    assert.deepEqual(scanText(chrome.text), []);
  });

  test('a HETU in a URL and a vendor field is redacted; a HETU-like string with a bad check character is kept', async () => {
    const har = { log: { version: '1.2', creator: { name: 't', version: '1' }, _note: 'user 131052-308T', entries: [{
      startedDateTime: '2026-11-02T10:00:00.000Z', time: 1, _initiator: { url: 'https://app.example.com/p?hetu=131052-308T' },
      request: { method: 'GET', url: 'https://app.example.com/p?hetu=131052-308T&other=131052-308A', httpVersion: 'HTTP/2', headers: [], queryString: [{ name: 'hetu', value: '131052-308T' }], cookies: [{ name: 'sid', value: 'abc' }], headersSize: 10, bodySize: 0 },
      response: { status: 200, statusText: '', httpVersion: 'HTTP/2', headers: [], cookies: [], content: { size: 0, mimeType: '' }, redirectURL: '', headersSize: -1, bodySize: 0 },
      cache: {}, timings: { send: 0, wait: 0, receive: 0 },
    }] } };
    const out = await sanitizeHar(JSON.stringify(har), { mode: 'pseudonym' });
    const doc = JSON.parse(out.text);
    assert.equal(doc.log._note, 'user REDACTED-hetu-1');
    assert.equal(doc.log.entries[0].request.url, 'https://app.example.com/p?hetu=REDACTED-hetu-1&other=131052-308A');
    assert.equal(doc.log.entries[0]._initiator.url, 'https://app.example.com/p?hetu=REDACTED-hetu-1');
    assert.equal(doc.log.entries[0].request.queryString[0].value, 'REDACTED-hetu-1');
    assert.equal(doc.log.entries[0].request.cookies[0].value, 'REDACTED-cookie-1');
  });

  test('unusable input and options', async () => {
    await assert.rejects(sanitizeHar(fixture('truncated.har'), { mode: 'remove' }), { name: 'HarReadError', message: /^cannot sanitise: the HAR is not valid JSON at byte offset \d+/ });
    await assert.rejects(sanitizeHar(fixture('not-har.har'), { mode: 'remove' }), { name: 'HarReadError', message: 'cannot sanitise: not a HAR (missing "log.entries" array)' });
    await assert.rejects(sanitizeHar(example(), { mode: 'blur' as never }), { name: 'TypeError', message: 'invalid "mode" option: expected "remove" or "pseudonym"' });
  });
});

suite('har.sanitize: property', () => {
  test('no generated secret survives, in any field it is put, and the output is valid JSON', async () => {
    const fc = await import('fast-check');
    const secret = fc.stringMatching(/^[A-Za-z0-9]{12,40}$/);
    await fc.assert(fc.asyncProperty(secret, secret, secret, secret, fc.constantFrom<'remove' | 'pseudonym'>('remove', 'pseudonym'), async (pw, code, cookie, cs, mode) => {
      const form = `username=demo&password=${pw}&code=${code}`;
      const har = { log: { version: '1.2', creator: { name: 't', version: '1' }, entries: [{
        startedDateTime: '2026-11-02T10:00:00.000Z', time: 1,
        request: { method: 'POST', url: `https://a.example/cb?code=${code}`, httpVersion: 'HTTP/2', headers: [{ name: 'Cookie', value: `s=${cookie}` }, { name: 'Referer', value: `https://a.example/?code=${code}` }],
          queryString: [{ name: 'code', value: code }], cookies: [{ name: 's', value: cookie }], headersSize: -1, bodySize: form.length,
          postData: { mimeType: 'application/x-www-form-urlencoded', text: form, params: [{ name: 'password', value: pw }] } },
        response: { status: 200, statusText: 'OK', httpVersion: 'HTTP/2', headers: [{ name: 'Set-Cookie', value: `s=${cookie}; Path=/` }], cookies: [{ name: 's', value: cookie }],
          content: { size: 0, mimeType: 'application/json', text: btoa(JSON.stringify({ client_secret: cs, echo: `pw was ${pw}` })), encoding: 'base64' }, redirectURL: '', headersSize: -1, bodySize: -1 },
        cache: {}, timings: { send: 0, wait: 0, receive: 0 }, _note: `code ${code}`,
      }] } };
      const out = await sanitizeHar(JSON.stringify(har), { mode });
      const doc = JSON.parse(out.text);
      const body = atob(doc.log.entries[0].response.content.text);
      for (const v of [pw, code, cookie, cs]) {
        assert.ok(!out.text.includes(v), `"${v}" survived`);
        assert.ok(!body.includes(v), `"${v}" survived in the base64 body`);
      }
    }), { numRuns: 60 });
  });
});
