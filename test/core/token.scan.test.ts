import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { FoundToken, TokenContext } from '../../src/core/types';
import { scanText, scanTextCounted } from '../../src/core/token.scan';
import { encodeBase64url as b64 } from '../../src/core/util/base64url';

const SIG = b64(new Uint8Array(32).fill(9));
const T = `${b64('{"alg":"RS256","kid":"k"}')}.${b64('{"sub":"u","aud":"c"}')}.${SIG}`;
const NONE = `${b64('{"alg":"none"}')}.${b64('{"sub":"u"}')}.`;
const JWE = `${b64('{"alg":"RSA-OAEP","enc":"A256GCM"}')}.AAAA.AAECAwQFBgcICQoL.Y2lwaGVy.dGFndGFndGFndGFn`;
const DIR = `${b64('{"alg":"dir","enc":"A128GCM"}')}..AAECAwQFBgcICQoL.Y2lwaGVy.dGFndGFndGFndGFn`;

/** The one token found in `text`, after checking there is exactly one. */
function one(text: string): FoundToken {
  const found = scanText(text);
  assert.equal(found.length, 1, `expected one token, found ${found.length}: ${JSON.stringify(found)}`);
  return found[0];
}

/** Context of the one token, checking its span is where `token` stands. */
function ctx(text: string, token = T): TokenContext {
  const f = one(text);
  assert.equal(f.token, token);
  assert.equal(f.offset, text.indexOf(token));
  assert.equal(f.length, token.length);
  return f.context;
}

suite('scanText: compact tokens and their exact place', () => {
  test('a bare JWS in text: offset, length, line, column', () => {
    assert.deepEqual(scanText(`see ${T} here`), [
      { token: T, format: 'JWS', serialization: 'compact', offset: 4, length: T.length, line: 1, column: 5, context: { container: 'text' } },
    ]);
  });

  test('unsecured JWT keeps its trailing dot', () => {
    const f = one(`x ${NONE} y`);
    assert.equal(f.token, NONE);
    assert.equal(f.format, 'JWS');
  });

  test('compact JWE, including an empty encrypted key (dir)', () => {
    assert.equal(one(JWE).format, 'JWE');
    const f = one(`enc=${DIR}`);
    assert.equal(f.token, DIR);
    assert.equal(f.format, 'JWE');
  });

  test('a sentence-ending dot is not part of the token', () => {
    assert.equal(one(`The token is ${T}.`).token, T);
    assert.equal(one(`Unsigned: ${NONE}.`).token, NONE);
    assert.equal(one(`...${T}`).offset, 3);
  });

  test('lines and columns with LF, CRLF and lone CR', () => {
    const text = `first\r\nsecond ${T}\nthird\r\rx ${NONE}`;
    const [a, b] = scanText(text);
    assert.deepEqual([a.line, a.column, a.offset], [2, 8, 14]);
    assert.deepEqual([b.line, b.column], [5, 3]);
  });

  test('columns count UTF-16 code units (like VS Code)', () => {
    const f = one(`😀é ${T}`);
    assert.deepEqual([f.offset, f.column], [4, 5]);
  });

  test('several tokens in order, each once', () => {
    const text = `${T} ${JWE}\n${NONE},${T}`;
    assert.deepEqual(scanText(text).map((f) => [f.offset, f.format]), [
      [0, 'JWS'], [T.length + 1, 'JWE'], [T.length + JWE.length + 2, 'JWS'], [T.length + JWE.length + NONE.length + 3, 'JWS'],
    ]);
  });
});

suite('scanText: containers and names', () => {
  test('query parameter', () => {
    assert.deepEqual(ctx(`GET https://rp.example/cb?state=abc&id_token=${T}&x=1 HTTP/1.1`), { container: 'query', name: 'id_token' });
    assert.deepEqual(ctx(`https://op/authorize?request=${T}`), { container: 'query', name: 'request' });
  });

  test('fragment parameter', () => {
    assert.deepEqual(ctx(`https://rp.example/cb#state=a&id_token=${T}`), { container: 'fragment', name: 'id_token' });
    assert.deepEqual(ctx(`https://rp.example/cb?x=1#access_token=${T}`), { container: 'fragment', name: 'access_token' });
  });

  test('form body', () => {
    const body = `grant_type=authorization_code&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion=${T}`;
    assert.deepEqual(ctx(`POST /token HTTP/1.1\r\n\r\n${body}`), { container: 'form', name: 'client_assertion' });
    assert.deepEqual(ctx(`logout_token=${T}`), { container: 'form', name: 'logout_token' });
  });

  test('HTML-escaped URLs and JSON', () => {
    assert.deepEqual(ctx(`<a href="https://rp/cb?state=1&amp;id_token=${T}">`), { container: 'query', name: 'id_token' });
    assert.deepEqual(ctx(`<div data-x="{&quot;id_token&quot;:&quot;${T}&quot;}">`), { container: 'json', name: 'id_token' });
  });

  test('consecutive tokens in one URL or cookie header keep their container', () => {
    const q = scanText(`https://rp/cb?access_token=${T}&token_type=Bearer&id_token=${T}`);
    assert.deepEqual(q.map((f) => f.context), [{ container: 'query', name: 'access_token' }, { container: 'query', name: 'id_token' }]);
    const f = scanText(`https://rp/cb#access_token=${T}&id_token=${T}`);
    assert.deepEqual(f.map((x) => x.context), [{ container: 'fragment', name: 'access_token' }, { container: 'fragment', name: 'id_token' }]);
    const c = scanText(`Cookie: a=${T}; b=${T}\nform=1&c=${T}`);
    assert.deepEqual(c.map((x) => x.context), [{ container: 'cookie', name: 'a' }, { container: 'cookie', name: 'b' }, { container: 'form', name: 'c' }]);
  });

  test('HTML form_post field', () => {
    assert.deepEqual(ctx(`<input type="hidden" name="id_token" value="${T}"/>`), { container: 'form', name: 'id_token' });
    assert.deepEqual(ctx(`<input type=hidden value="${T}" name=logout_token>`), { container: 'form', name: 'logout_token' });
    assert.deepEqual(ctx(`<input value='${T}'> <input name="x">`), { container: 'form' });
  });

  test('JSON member, pretty-printed, and JSON escaped inside a string', () => {
    assert.deepEqual(ctx(`{"access_token":"x","id_token": "${T}"}`), { container: 'json', name: 'id_token' });
    assert.deepEqual(ctx(`{\n  "client_assertion" :\t"${T}"\n}`), { container: 'json', name: 'client_assertion' });
    assert.deepEqual(ctx(`"text": "{\\"logout_token\\":\\"${T}\\"}"`), { container: 'json', name: 'logout_token' });
    assert.deepEqual(ctx(`{"aud": ["${T}"]}`), { container: 'json', name: 'aud' });
  });

  test('Authorization: Bearer and DPoP schemes', () => {
    assert.deepEqual(ctx(`GET /userinfo HTTP/1.1\r\nAuthorization: Bearer ${T}\r\n`), { container: 'bearer', name: 'Authorization' });
    assert.deepEqual(ctx(`authorization: bearer ${T}`), { container: 'bearer', name: 'authorization' });
    assert.deepEqual(ctx(`Authorization: DPoP ${T}`), { container: 'bearer', name: 'Authorization' });
    assert.deepEqual(ctx(`{"name":"Authorization","value":"Bearer ${T}"}`), { container: 'bearer', name: 'value' });
    assert.deepEqual(ctx(`curl -H "Authorization: Bearer ${T}"`), { container: 'bearer', name: 'Authorization' });
    assert.deepEqual(ctx(`use Bearer ${T}`), { container: 'bearer' });
  });

  test('names after JSON string escapes (an HTTP message inside a JSON string)', () => {
    assert.deepEqual(ctx(`"text": "code=1\\nid_token=${T}"`), { container: 'form', name: 'id_token' });
    assert.deepEqual(ctx(`"raw": "GET / HTTP/1.1\\r\\nAuthorization: Bearer ${T}\\r\\n"`), { container: 'bearer', name: 'Authorization' });
    assert.deepEqual(ctx(`"raw": "Host: x\\r\\nDPoP: ${T}"`), { container: 'header', name: 'DPoP' });
  });

  test('other headers', () => {
    assert.deepEqual(ctx(`Host: x\r\nDPoP: ${T}\r\n`), { container: 'header', name: 'DPoP' });
    assert.deepEqual(ctx(`  id_token:${T}`), { container: 'header', name: 'id_token' });
    assert.deepEqual(ctx(`2026-01-01 INFO id_token: ${T}`), { container: 'text', name: 'id_token' });
  });

  test('Cookie and Set-Cookie', () => {
    assert.deepEqual(ctx(`Cookie: a=b; session=${T}; c=d`), { container: 'cookie', name: 'session' });
    assert.deepEqual(ctx(`Cookie: session=${T}`), { container: 'cookie', name: 'session' });
    assert.deepEqual(ctx(`HTTP/1.1 200 OK\r\nset-cookie: __Host-id=${T}; Path=/; Secure; HttpOnly`), { container: 'cookie', name: '__Host-id' });
  });

  test('percent-encoded: %2E dots; span is the encoded text, token the decoded one', () => {
    const enc = T.replace(/\./g, '%2E');
    const text = `https://rp/cb?id_token=${enc}&state=1`;
    const f = one(text);
    assert.deepEqual(
      [f.token, f.offset, f.length, f.context],
      [T, text.indexOf(enc), enc.length, { container: 'query', name: 'id_token' }],
    );
  });

  test('percent-encoded: a fully encoded value, lowercase hex', () => {
    const enc = [...NONE].map((c) => '%' + c.charCodeAt(0).toString(16)).join('');
    const text = `https://rp/cb#id_token=${enc}`;
    const f = one(text);
    assert.deepEqual([f.token, f.offset, f.length, f.context], [NONE, 23, enc.length, { container: 'fragment', name: 'id_token' }]);
  });

  test('a token in a JSON string inside a URL is reported once, with the JSON key', () => {
    const json = encodeURIComponent(`{"id_token":"${T}","x":1}`);
    const text = `https://rp/cb?state=s&claims=${json}`;
    const f = one(text);
    assert.deepEqual([f.token, f.offset, f.length, f.context], [T, text.indexOf(T), T.length, { container: 'json', name: 'id_token' }]);
  });

  test('a percent-encoded URL inside a parameter names the inner parameter', () => {
    const inner = encodeURIComponent(`https://rp/cb?id_token_hint=${T}`);
    const f = one(`https://op/logout?post_logout_redirect_uri=${inner}`);
    assert.equal(f.token, T);
    assert.deepEqual(f.context, { container: 'query', name: 'id_token_hint' });
  });
});

suite('scanText: JSON serializations', () => {
  const P = b64('{"sub":"u"}');
  const H = b64('{"alg":"ES256"}');

  test('flattened JWS: token is the object text; context from the key', () => {
    const obj = `{"payload":"${P}","protected":"${H}","header":{"kid":"1"},"signature":"AAAA"}`;
    const text = `{"request": ${obj}, "other": 1}`;
    assert.deepEqual(scanText(text), [
      { token: obj, format: 'JWS', serialization: 'flattened', offset: 12, length: obj.length, line: 1, column: 13, context: { container: 'json', name: 'request' } },
    ]);
  });

  test('general JWS and general/flattened JWE, pretty-printed', () => {
    const gen = `{\n  "payload": "${P}",\n  "signatures": [\n    { "protected": "${H}", "signature": "AAAA" }\n  ]\n}`;
    const jwe = `{"protected":"${b64('{"enc":"A128GCM"}')}","recipients":[{"header":{"alg":"A128KW"},"encrypted_key":"AAAA"}],"iv":"AAAA","ciphertext":"AAAA","tag":"AAAA"}`;
    const flat = `{"protected":"${b64('{"alg":"dir","enc":"A128GCM"}')}","iv":"AAAA","ciphertext":"AAAA","tag":"AAAA"}`;
    const found = scanText(`${gen}\n${jwe}\n${flat}`);
    assert.deepEqual(found.map((f) => [f.format, f.serialization, f.line, f.token]), [
      ['JWS', 'general', 1, gen], ['JWE', 'general', 7, jwe], ['JWE', 'flattened', 8, flat],
    ]);
  });

  test('objects with the member names but no valid header are not tokens', () => {
    assert.deepEqual(scanText('{"payload":"x","signature":"y"}'), []);
    assert.deepEqual(scanText(`{"payload":"${P}","protected":"${b64('{"typ":"JWT"}')}","signature":"AAAA"}`), []);
    assert.deepEqual(scanText('{"ciphertext": "hello world"}'), []);
  });

  test('a compact token inside a JSON serialization header is found too', () => {
    const obj = `{"payload":"${P}","header":{"alg":"ES256","x":"${T}"},"signature":"AAAA"}`;
    assert.deepEqual(scanText(obj).map((f) => f.serialization), ['flattened', 'compact']);
  });
});

suite('scanText: what is not a token', () => {
  const cases: Array<[string, string]> = [
    ['version numbers', 'node v20.19.2 and 1.2.3 and 10.0.0.1'],
    ['file names', 'open archive.tar.gz, a.b.c and some.file.name.txt'],
    ['domain names', 'https://login.example.com/x and eyJ.example.com'],
    ['base64 with dots', 'QUJD.REVG.R0hJ and aGVsbG8.d29ybGQ.Zm9v'],
    ['header not JSON', `${b64('{not json')}.e30.${SIG}`],
    ['header JSON without alg', `${b64('{"typ":"JWT"}')}.e30.${SIG}`],
    ['header alg not a string', `${b64('{"alg":1}')}.e30.${SIG}`],
    ['header a JSON array', `${b64('["alg"]')}.e30.${SIG}`],
    ['header not base64url-decodable', 'eyJhbGciOiJIUzI1NiJ9x.e30.sig'],
    ['JWE without enc', `${b64('{"alg":"RSA-OAEP"}')}.a.b.c.d`],
    ['4 segments', `${T}.AAAA`],
    ['6 segments', `${JWE}.AAAA`],
    ['2 segments', `${b64('{"alg":"none"}')}.e30`],
    ['eyJ repeated', 'eyJ'.repeat(1000)],
  ];
  for (const [name, text] of cases) {
    test(name, () => assert.deepEqual(scanText(text), []));
  }

  test('a bad maxTokenLength option is a TypeError', () => {
    for (const v of [0, -1, 1.5, Number.NaN]) {
      assert.throws(() => scanText(T, { maxTokenLength: v }), { name: 'TypeError', message: 'invalid "maxTokenLength" option: expected a positive integer' });
    }
  });

  test('a token longer than maxTokenLength is skipped', () => {
    assert.equal(scanText(T, { maxTokenLength: T.length }).length, 1);
    assert.equal(scanText(T, { maxTokenLength: T.length - 1 }).length, 0);
    assert.equal(scanText(`${T}.`, { maxTokenLength: T.length }).length, 1);
  });
});

suite('scanText: linear time (work counted, not timed)', () => {
  const adversarial: Array<[string, (n: number) => string]> = [
    ['eyJ repeated', (n) => 'eyJ'.repeat(Math.ceil(n / 3))],
    ['one long dotted base64 run', (n) => 'eyJhbGciOiJIUzI1NiJ9.'.repeat(Math.ceil(n / 21))],
    ['many short valid tokens', (n) => `${b64('{"alg":"none"}')}.e30. `.repeat(Math.ceil(n / 26))],
    ['tokens after long parameter chains', (n) => `a=b&id_token=${NONE}&`.repeat(Math.ceil(n / 40))],
    ['unterminated segments and dots', (n) => 'eyJ.'.repeat(Math.ceil(n / 4))],
    ['percent-encoded dots', (n) => 'eyJhbGciOiJub25lIn0%2E'.repeat(Math.ceil(n / 22))],
    ['nested braces and member names', (n) => '{"payload":"e30","signature":"x",'.repeat(Math.ceil(n / 34))],
    ['unterminated strings', (n) => '"payload'.repeat(Math.ceil(n / 8))],
    ['runs just under the length cap', (n) => `${'A'.repeat(999)}.. `.repeat(Math.ceil(n / 1002))],
  ];
  for (const [name, make] of adversarial) {
    test(name, () => {
      const work = (n: number): number => {
        const counter = { chars: 0, headerChecks: 0 };
        scanTextCounted(make(n), { maxTokenLength: 1000 }, counter);
        return counter.chars;
      };
      const small = work(20_000);
      const large = work(200_000);
      // at most a constant amount of work per input character, and it grows linearly
      assert.ok(large <= 40 * 200_000, `work ${large} for 200k characters`);
      assert.ok(large / small < 11, `work grew ${large / small}x for 10x input`);
    });
  }
});

suite('scanText: properties', () => {
  test('tokens embedded among arbitrary separators are all found at their offsets', () => {
    const sep = fc.string({ unit: fc.constantFrom(' ', '\n', '\r\n', '&', '=', '"', ':', ',', ';', '<', '>', '{', '}', 'é', '😀', '\t') , minLength: 1, maxLength: 6 });
    const word = fc.string({ unit: fc.constantFrom('a', 'B', '1', '-', '_', '.'), maxLength: 8 });
    fc.assert(
      fc.property(fc.array(fc.tuple(sep, fc.oneof(word, fc.constantFrom(T, NONE, JWE, DIR)), sep), { maxLength: 8 }), (parts) => {
        let text = '';
        const expected: Array<[number, string]> = [];
        for (const [a, w, b] of parts) {
          text += a;
          if (w === T || w === NONE || w === JWE || w === DIR) expected.push([text.length, w]);
          text += w + b;
        }
        assert.deepEqual(scanText(text).map((f) => [f.offset, f.token]), expected);
      }),
      { seed: 7519, numRuns: 500 },
    );
  });

  test('never throws, and every hit decodes to a header with "alg"', () => {
    const piece = fc.oneof(fc.string(), fc.constantFrom(T, NONE, '.', '%2E', '%', '"payload":', '{', '}', 'Bearer ', 'eyJ', '\n'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (parts) => {
        for (const f of scanText(parts.join(''))) assert.ok(f.length > 0 && f.token.length > 0);
      }),
      { seed: 7516, numRuns: 1000 },
    );
  });
});
