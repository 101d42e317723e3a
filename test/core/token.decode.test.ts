import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeHeaderSegment, decodeToken } from '../../src/core/token.decode';
import type { DecodedJWE, DecodedJWS, DecodedToken } from '../../src/core/token.types';
import { isDecodeFailure } from '../../src/core/token.types';
import { encodeBase64url as b64 } from '../../src/core/util/base64url';

const H = b64('{"alg":"HS256"}');
const SIG = b64(new Uint8Array(32).fill(7));
const JWE_H = b64('{"alg":"RSA-OAEP","enc":"A256GCM"}');

/** JSON.parse's own message for `text` (engines word it differently). */
function parseReason(text: string): string {
  try {
    JSON.parse(text);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected invalid JSON');
}

function failure(d: DecodedToken): { format: unknown; error: unknown; header?: unknown } {
  assert.ok(isDecodeFailure(d), `expected a decode failure, got ${JSON.stringify(d)}`);
  return d;
}

function jws(d: DecodedToken): DecodedJWS {
  assert.ok(!isDecodeFailure(d) && d.format === 'JWS', `expected a JWS, got ${JSON.stringify(d)}`);
  return d as DecodedJWS;
}

function jwe(d: DecodedToken): DecodedJWE {
  assert.ok(!isDecodeFailure(d) && d.format === 'JWE', `expected a JWE, got ${JSON.stringify(d)}`);
  return d as DecodedJWE;
}

suite('decodeToken: compact JWS', () => {
  test('decodes header, payload, signature and segments', () => {
    const payload = b64('{"sub":"x","n":1}');
    const d = jws(decodeToken(`${H}.${payload}.${SIG}`));
    assert.equal(d.serialization, 'compact');
    assert.deepEqual(d.header, { alg: 'HS256' });
    assert.deepEqual(d.protectedHeader, { alg: 'HS256' });
    assert.deepEqual(d.payload, { sub: 'x', n: 1 });
    assert.equal(d.payloadText, '{"sub":"x","n":1}');
    assert.deepEqual(d.payloadBytes, new TextEncoder().encode('{"sub":"x","n":1}'));
    assert.deepEqual(d.signature, new Uint8Array(32).fill(7));
    assert.equal(d.signatureCount, 1);
    assert.deepEqual(d.duplicates, { header: [], payload: [] });
    assert.deepEqual(d.segments, { protected: H, payload, signature: SIG });
    assert.equal('payloadError' in d, false);
  });

  test('an unsecured JWT has an empty signature', () => {
    const d = jws(decodeToken(`${b64('{"alg":"none"}')}.${b64('{}')}.`));
    assert.deepEqual(d.header, { alg: 'none' });
    assert.deepEqual(d.payload, {});
    assert.deepEqual(d.signature, new Uint8Array(0));
  });

  test('surrounding whitespace is ignored', () => {
    const d = jws(decodeToken(`  \n${H}.${b64('{}')}.${SIG}\r\n`));
    assert.deepEqual(d.payload, {});
  });

  test('a non-JSON payload keeps its text with payloadError ERR_JSON', () => {
    const d = jws(decodeToken(`${H}.${b64('hello')}.${SIG}`));
    assert.equal(d.payload, null);
    assert.equal(d.payloadText, 'hello');
    assert.deepEqual(d.payloadError, { code: 'ERR_JSON', message: `payload is not valid JSON: ${parseReason('hello')}`, segment: 'payload' });
  });

  test('a binary payload has payloadText null and payloadError ERR_UTF8', () => {
    const d = jws(decodeToken(`${H}.${b64(new Uint8Array([0xff, 0xfe, 0x00]))}.${SIG}`));
    assert.equal(d.payload, null);
    assert.equal(d.payloadText, null);
    assert.deepEqual(d.payloadBytes, new Uint8Array([0xff, 0xfe, 0x00]));
    assert.deepEqual(d.payloadError, { code: 'ERR_UTF8', message: 'payload segment is not valid UTF-8', segment: 'payload' });
  });

  test('a JSON payload that is not an object has payloadError ERR_NOT_OBJECT', () => {
    const d = jws(decodeToken(`${H}.${b64('[1,2]')}.${SIG}`));
    assert.equal(d.payload, null);
    assert.equal(d.payloadText, '[1,2]');
    assert.deepEqual(d.payloadError, { code: 'ERR_NOT_OBJECT', message: 'payload is a JSON array, not an object', segment: 'payload' });
  });

  test('a nested compact JWT as payload (cty: JWT) is text, not JSON', () => {
    const inner = `${H}.${b64('{}')}.${SIG}`;
    const d = jws(decodeToken(`${b64('{"alg":"HS256","cty":"JWT"}')}.${b64(inner)}.${SIG}`));
    assert.equal(d.payloadText, inner);
    assert.equal(d.payloadError?.code, 'ERR_JSON');
  });

  test('RFC 7797 b64:false: the payload segment is the payload itself', () => {
    const h = b64('{"alg":"HS256","b64":false,"crit":["b64"]}');
    const d = jws(decodeToken(`${h}.$02 plain!.${SIG}`));
    assert.equal(d.payloadText, '$02 plain!');
    assert.deepEqual(d.payloadBytes, new TextEncoder().encode('$02 plain!'));
    assert.equal(d.segments.payload, '$02 plain!');
  });

  test('b64:false in an unprotected header is ignored (RFC 7797 §3)', () => {
    const d = jws(decodeToken(JSON.stringify({ payload: b64('{"a":1}'), protected: H, header: { b64: false }, signature: SIG })));
    assert.deepEqual(d.payload, { a: 1 });
  });

  test('duplicate member names in header and payload (JWT-DUP)', () => {
    const h = b64('{"alg":"HS256","kid":"a","alg":"none"}');
    const p = b64('{"sub":"a","sub":"b","aud":"x"}');
    const d = jws(decodeToken(`${h}.${p}.${SIG}`));
    assert.deepEqual(d.duplicates, { header: ['alg'], payload: ['sub'] });
    // JSON.parse keeps the last value: that is what a naive verifier would act on.
    assert.equal(d.header.alg, 'none');
    assert.equal(d.payload?.sub, 'b');
  });
});

suite('decodeToken: compact errors (exact code and message)', () => {
  test('ERR_SEGMENTS: wrong number of segments', () => {
    for (const [raw, n] of [['abc', 1], ['a.b', 2], ['a.b.c.d', 4], ['a.b.c.d.e.f', 6], ['', 1]] as const) {
      assert.deepEqual(decodeToken(raw), { format: null, error: { code: 'ERR_SEGMENTS', message: `expected 3 (JWS) or 5 (JWE) segments, found ${n}` } });
    }
  });

  test('ERR_SEGMENTS: empty header segment', () => {
    assert.deepEqual(decodeToken(`.${b64('{}')}.`), { format: 'JWS', error: { code: 'ERR_SEGMENTS', message: 'header segment is empty', segment: 'header' } });
  });

  test('ERR_BASE64URL in each JWS segment, with the 1-based character', () => {
    assert.deepEqual(decodeToken(`eyJh+GciOiJIUzI1NiJ9.e30.${SIG}`), {
      format: 'JWS', error: { code: 'ERR_BASE64URL', message: 'header segment is not valid base64url at character 5', segment: 'header' },
    });
    assert.deepEqual(decodeToken(`${H}.eyJzdWIiOiJhYmMifQ==.${SIG}`), {
      format: 'JWS', header: { alg: 'HS256' }, error: { code: 'ERR_BASE64URL', message: 'payload segment is not valid base64url at character 19', segment: 'payload' },
    });
    assert.deepEqual(decodeToken(`${H}.e30.abc/def`), {
      format: 'JWS', header: { alg: 'HS256' }, error: { code: 'ERR_BASE64URL', message: 'signature segment is not valid base64url at character 4', segment: 'signature' },
    });
  });

  test('ERR_BASE64URL for an impossible length', () => {
    assert.deepEqual(decodeToken(`${H}.e30.abcde`), {
      format: 'JWS', header: { alg: 'HS256' }, error: { code: 'ERR_BASE64URL', message: 'signature segment is not valid base64url: a length of 5 characters is impossible', segment: 'signature' },
    });
  });

  test('ERR_UTF8: header bytes are not UTF-8', () => {
    assert.deepEqual(decodeToken(`${b64(new Uint8Array([0x7b, 0xff, 0x7d]))}.e30.`), {
      format: 'JWS', error: { code: 'ERR_UTF8', message: 'header segment is not valid UTF-8', segment: 'header' },
    });
  });

  test('ERR_JSON: header is not JSON, with JSON.parse\'s reason', () => {
    assert.deepEqual(decodeToken(`${b64('{alg:HS256}')}.e30.`), {
      format: 'JWS', error: { code: 'ERR_JSON', message: `header is not valid JSON: ${parseReason('{alg:HS256}')}`, segment: 'header' },
    });
  });

  test('ERR_NOT_OBJECT: header is JSON but not an object', () => {
    const cases: Array<[string, string]> = [
      ['["alg"]', 'a JSON array'], ['"alg"', 'a JSON string'], ['42', 'a JSON number'], ['true', 'a JSON boolean'], ['null', 'JSON null'],
    ];
    for (const [json, kind] of cases) {
      assert.deepEqual(decodeToken(`${b64(json)}.e30.`), {
        format: 'JWS', error: { code: 'ERR_NOT_OBJECT', message: `header is ${kind}, not an object`, segment: 'header' },
      });
    }
  });

  test('ERR_MISSING_ALG: no "alg", or "alg" not a string', () => {
    assert.deepEqual(decodeToken(`${b64('{"typ":"JWT"}')}.e30.`), {
      format: 'JWS', header: { typ: 'JWT' }, error: { code: 'ERR_MISSING_ALG', message: 'header has no "alg" member', segment: 'header' },
    });
    assert.deepEqual(decodeToken(`${b64('{"alg":256}')}.e30.`), {
      format: 'JWS', header: { alg: 256 }, error: { code: 'ERR_MISSING_ALG', message: 'header "alg" member is not a string', segment: 'header' },
    });
  });

  test('ERR_MISSING_ENC: a 5-segment token without "enc"', () => {
    const h = b64('{"alg":"RSA-OAEP"}');
    assert.deepEqual(decodeToken(`${h}.AAAA.AAAA.AAAA.AAAA`), {
      format: 'JWE', header: { alg: 'RSA-OAEP' }, error: { code: 'ERR_MISSING_ENC', message: 'header has no "enc" member', segment: 'header' },
    });
    const h2 = b64('{"alg":"dir","enc":false}');
    assert.deepEqual(decodeToken(`${h2}..AAAA.AAAA.AAAA`), {
      format: 'JWE', header: { alg: 'dir', enc: false }, error: { code: 'ERR_MISSING_ENC', message: 'header "enc" member is not a string', segment: 'header' },
    });
  });

  test('ERR_TOO_LARGE: header over maxHeaderBytes', () => {
    const h = b64(`{"alg":"HS256","x":"${'a'.repeat(100)}"}`);
    const size = Math.floor((h.length * 3) / 4);
    assert.deepEqual(decodeToken(`${h}.e30.`, { maxHeaderBytes: 64 }), {
      format: 'JWS', error: { code: 'ERR_TOO_LARGE', message: `header is ${size} bytes, over the limit of 64`, segment: 'header' },
    });
    assert.equal(isDecodeFailure(decodeToken(`${h}.e30.`)), false);
  });

  test('a hostile header with "code" and "message" members is still a header', () => {
    const d = jws(decodeToken(`${b64('{"alg":"HS256","code":"ERR_JSON","message":"x"}')}.e30.`));
    assert.equal(d.header.code, 'ERR_JSON');
  });
});

suite('decodeToken: compact JWE', () => {
  test('decodes the header and keeps the five segments', () => {
    const d = jwe(decodeToken(`${JWE_H}.AAAA.AAECAwQFBgcICQoL.Y2lwaGVy.dGFndGFndGFndGFn`));
    assert.deepEqual(d, {
      format: 'JWE', serialization: 'compact', header: { alg: 'RSA-OAEP', enc: 'A256GCM' }, protectedHeader: { alg: 'RSA-OAEP', enc: 'A256GCM' },
      duplicates: { header: [], payload: [] },
      segments: { protected: JWE_H, encrypted_key: 'AAAA', iv: 'AAECAwQFBgcICQoL', ciphertext: 'Y2lwaGVy', tag: 'dGFndGFndGFndGFn' },
      recipientCount: 1,
    });
  });

  test('an empty encrypted key (alg: dir) is fine', () => {
    const d = jwe(decodeToken(`${b64('{"alg":"dir","enc":"A128GCM"}')}..AAAA.AAAA.AAAA`));
    assert.equal(d.segments.encrypted_key, '');
  });

  test('ERR_BASE64URL names the bad JWE segment', () => {
    for (const [i, name] of [[1, 'encrypted_key'], [2, 'iv'], [3, 'ciphertext'], [4, 'tag']] as const) {
      const parts = [JWE_H, 'AAAA', 'AAAA', 'AAAA', 'AAAA'];
      parts[i] = 'AA=A';
      assert.deepEqual(decodeToken(parts.join('.')), {
        format: 'JWE', header: { alg: 'RSA-OAEP', enc: 'A256GCM' },
        error: { code: 'ERR_BASE64URL', message: `${name} segment is not valid base64url at character 3`, segment: name },
      });
    }
  });
});

suite('decodeToken: JSON serializations', () => {
  const P = b64('{"sub":"x"}');

  test('flattened JWS merges the unprotected header', () => {
    const raw = JSON.stringify({ payload: P, protected: H, header: { kid: 'k1' }, signature: SIG });
    const d = jws(decodeToken(raw));
    assert.equal(d.serialization, 'flattened');
    assert.deepEqual(d.header, { alg: 'HS256', kid: 'k1' });
    assert.deepEqual(d.protectedHeader, { alg: 'HS256' });
    assert.deepEqual(d.payload, { sub: 'x' });
    assert.deepEqual(d.segments, { protected: H, payload: P, signature: SIG });
  });

  test('general JWS uses the first signature and counts them', () => {
    const raw = JSON.stringify({ payload: P, signatures: [{ header: { alg: 'ES256', kid: 'e' }, signature: 'AAAA' }, { protected: H, signature: SIG }] });
    const d = jws(decodeToken(raw));
    assert.equal(d.serialization, 'general');
    assert.deepEqual(d.header, { alg: 'ES256', kid: 'e' });
    assert.deepEqual(d.protectedHeader, {});
    assert.equal(d.signatureCount, 2);
    assert.deepEqual(d.signature, new Uint8Array([0, 0, 0]));
    assert.equal(d.segments.protected, '');
  });

  test('a name in both protected and unprotected header is a duplicate (RFC 7515 §7.2.1)', () => {
    const d = jws(decodeToken(JSON.stringify({ payload: P, protected: H, header: { alg: 'none' }, signature: SIG })));
    assert.deepEqual(d.duplicates.header, ['alg']);
    assert.equal(d.header.alg, 'HS256'); // the protected value wins
  });

  test('flattened and general JWE merge protected, unprotected and recipient headers', () => {
    const prot = b64('{"enc":"A128GCM"}');
    const flat = jwe(decodeToken(JSON.stringify({ protected: prot, unprotected: { jku: 'https://x' }, header: { alg: 'A128KW', kid: '7' }, encrypted_key: 'AAAA', iv: 'AAAA', ciphertext: 'AAAA', tag: 'AAAA' })));
    assert.equal(flat.serialization, 'flattened');
    assert.deepEqual(flat.header, { enc: 'A128GCM', jku: 'https://x', alg: 'A128KW', kid: '7' });
    assert.deepEqual(flat.protectedHeader, { enc: 'A128GCM' });
    assert.deepEqual(flat.segments, { protected: prot, encrypted_key: 'AAAA', iv: 'AAAA', ciphertext: 'AAAA', tag: 'AAAA' });
    const gen = jwe(decodeToken(JSON.stringify({ protected: prot, recipients: [{ header: { alg: 'RSA-OAEP' }, encrypted_key: 'AQID' }, { header: { alg: 'A128KW' }, encrypted_key: 'AAAA' }], iv: 'AAAA', ciphertext: 'AAAA', tag: 'AAAA' })));
    assert.equal(gen.serialization, 'general');
    assert.equal(gen.recipientCount, 2);
    assert.deepEqual(gen.header, { enc: 'A128GCM', alg: 'RSA-OAEP' });
    assert.equal(gen.segments.encrypted_key, 'AQID');
  });

  test('errors: not JSON, not an object, neither JWS nor JWE', () => {
    assert.deepEqual(decodeToken('{"payload":'), { format: null, error: { code: 'ERR_JSON', message: `token is not valid JSON: ${parseReason('{"payload":')}` } });
    assert.deepEqual(decodeToken('{"a":1}'), { format: null, error: { code: 'ERR_SEGMENTS', message: 'JSON serialization has no "payload" (JWS) or "ciphertext" (JWE) member' } });
  });

  test('errors: members of the wrong type or missing', () => {
    assert.deepEqual(decodeToken(JSON.stringify({ payload: P, protected: H })), {
      format: 'JWS', error: { code: 'ERR_SEGMENTS', message: 'JSON serialization has no "signature" member', segment: 'signature' },
    });
    assert.deepEqual(decodeToken(JSON.stringify({ payload: 5, protected: H, signature: SIG })), {
      format: 'JWS', error: { code: 'ERR_SEGMENTS', message: '"payload" member is a JSON number, not a string', segment: 'payload' },
    });
    assert.deepEqual(decodeToken(JSON.stringify({ payload: P, header: [1], signature: SIG })), {
      format: 'JWS', error: { code: 'ERR_NOT_OBJECT', message: '"header" member is a JSON array, not an object', segment: 'header' },
    });
    assert.deepEqual(decodeToken(JSON.stringify({ payload: P, signatures: [] })), {
      format: 'JWS', error: { code: 'ERR_SEGMENTS', message: '"signatures" member is an empty array' },
    });
    assert.deepEqual(decodeToken(JSON.stringify({ payload: P, signatures: {} })), {
      format: 'JWS', error: { code: 'ERR_SEGMENTS', message: '"signatures" member is a JSON object, not an array' },
    });
    assert.deepEqual(decodeToken(JSON.stringify({ payload: P, signatures: ['x'] })), {
      format: 'JWS', error: { code: 'ERR_NOT_OBJECT', message: '"signatures[0]" is a JSON string, not an object' },
    });
    assert.deepEqual(decodeToken(JSON.stringify({ payload: P, header: { kid: '1' }, signature: SIG })), {
      format: 'JWS', header: { kid: '1' }, error: { code: 'ERR_MISSING_ALG', message: 'header has no "alg" member', segment: 'header' },
    });
    assert.deepEqual(decodeToken(JSON.stringify({ header: { alg: 'dir' }, ciphertext: 'AAAA' })), {
      format: 'JWE', header: { alg: 'dir' }, error: { code: 'ERR_MISSING_ENC', message: 'header has no "enc" member', segment: 'header' },
    });
    assert.deepEqual(decodeToken(JSON.stringify({ protected: 'e=', header: { alg: 'dir' }, ciphertext: 'AAAA' })), {
      format: 'JWE', error: { code: 'ERR_BASE64URL', message: 'header segment is not valid base64url at character 2', segment: 'header' },
    });
  });
});

suite('decodeHeaderSegment', () => {
  test('returns the header and its duplicate names', () => {
    assert.deepEqual(decodeHeaderSegment(b64('{"alg":"x","alg":"y"}')), { header: { alg: 'y' }, duplicates: ['alg'] });
  });
});

suite('decodeToken never throws', () => {
  test('on arbitrary strings it returns either a decoded token or a coded error', () => {
    const codes = new Set(['ERR_SEGMENTS', 'ERR_BASE64URL', 'ERR_UTF8', 'ERR_JSON', 'ERR_NOT_OBJECT', 'ERR_MISSING_ALG', 'ERR_MISSING_ENC', 'ERR_TOO_LARGE']);
    const piece = fc.oneof(fc.constantFrom('.', '{', '"payload":', '"ciphertext":', H, 'e30', '=', '[', '}'), fc.string());
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const d = decodeToken(parts.join(''));
        if (isDecodeFailure(d)) return codes.has(d.error.code) && d.error.message.length > 0;
        return d.format === 'JWS' || d.format === 'JWE';
      }),
      { seed: 7515, numRuns: 2000 },
    );
  });
});
