/**
 * Hostile key files (PBKDF2 iteration bombs, truncated structures) and hostile token structure: member names that collide with Object.prototype (`__proto__`,
 * `constructor`, `toString`) are ordinary names everywhere — no prototype pollution, no inherited
 * "alg", no false duplicates — and the whole pipeline still reports on them.
 */
import assert from 'node:assert/strict';
import { analyzeText, analyzeToken, decodeToken, importKeys, KeyImportError, type DecodedJWS } from '../../src/core';
import { derEncode, derOid, OID } from '../../src/core/keys/key.asn1';
import { MAX_PBKDF2_ITERATIONS } from '../../src/core/keys/key.pbes2';

const NOW = 1793613600;
const b64 = (s: string) => Buffer.from(s).toString('base64url');

suite('security: prototype-named members in tokens', () => {
  test('an unprotected "__proto__" header neither sets the prototype nor lends an "alg"', () => {
    const raw = '{"header":{"__proto__":{"alg":"none","crit":["b64"]}},"payload":"e30","signature":""}';
    const d = decodeToken(raw);
    assert.ok('error' in d && d.error);
    assert.deepEqual(d.error, { code: 'ERR_MISSING_ALG', message: 'header has no "alg" member', segment: 'header' });
    assert.equal(({} as Record<string, unknown>).alg, undefined, 'Object.prototype untouched');
  });

  test('claims and protected members named "__proto__" stay own data, and the rules run', async () => {
    const raw = `${b64('{"alg":"none","__proto__":{"alg":"RS256"}}')}.${b64('{"__proto__":{"exp":1},"constructor":{"prototype":{"x":1}},"sub":"s"}')}.`;
    const d = decodeToken(raw) as DecodedJWS;
    assert.equal(d.header.alg, 'none');
    assert.equal(Object.getPrototypeOf(d.header), Object.prototype);
    assert.deepEqual(Object.getOwnPropertyDescriptor(d.payload!, '__proto__')?.value, { exp: 1 });
    const [t] = (await analyzeText(`id_token=${raw}`, { now: NOW })).tokens;
    assert.ok(t.findings.some((f) => f.rule === 'JWT-NONE'));
    const claims = t.findings.find((f) => f.rule === 'FTN-IDT-CLAIMS');
    assert.equal(claims?.message, 'id_token lacks "iss", "aud", "exp", "iat"', 'an "exp" under "__proto__" is not a claim');
    assert.equal(({} as Record<string, unknown>).x, undefined);
  });

  // Found here: mergeHeaders used `k in header`, so unprotected members named "toString" or
  // "constructor" were dropped and reported as JWT-DUP (fixed in token.decode.ts).
  test('unprotected members named "toString" and "constructor" merge like any other', async () => {
    const raw = JSON.stringify({ protected: b64('{"alg":"HS256"}'), header: { toString: 'x', constructor: 'y', kid: 'k' }, payload: b64('{"sub":"a"}'), signature: 'AAAA' });
    const d = decodeToken(raw) as DecodedJWS;
    assert.deepEqual({ ...d.header }, { alg: 'HS256', toString: 'x', constructor: 'y', kid: 'k' });
    assert.deepEqual(d.duplicates.header, []);
    const [t] = (await analyzeToken(raw, { now: NOW })).tokens;
    assert.ok(!t.findings.some((f) => f.rule === 'JWT-DUP'), t.findings.map((f) => f.message).join('; '));
  });
});

suite('security: hostile key files', () => {
  /** An EncryptedPrivateKeyInfo (PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC) with the given iteration count bytes. */
  function encryptedPkcs8(iterations: Uint8Array): string {
    const seq = (...c: Uint8Array[]) => derEncode(0x30, ...c);
    const kdf = seq(derOid(OID.pbkdf2), seq(derEncode(0x04, new Uint8Array(16)), derEncode(0x02, iterations), seq(derOid('1.2.840.113549.2.9'), derEncode(0x05))));
    const enc = seq(derOid('2.16.840.1.101.3.4.1.42'), derEncode(0x04, new Uint8Array(16)));
    const der = seq(seq(derOid(OID.pbes2), seq(kdf, enc)), derEncode(0x04, new Uint8Array(32)));
    return `-----BEGIN ENCRYPTED PRIVATE KEY-----\n${Buffer.from(der).toString('base64')}\n-----END ENCRYPTED PRIVATE KEY-----\n`;
  }

  test('an encrypted PKCS#8 key with 2^31 PBKDF2 iterations is refused before deriving anything', async () => {
    await assert.rejects(importKeys(encryptedPkcs8(Uint8Array.of(0x00, 0x80, 0x00, 0x00, 0x00)), { passphrase: 'x' }),
      (e: unknown) => e instanceof KeyImportError && e.message === `PBKDF2 iteration count 2147483648 is outside 1..${MAX_PBKDF2_ITERATIONS}`);
    // Within the cap the same structure is read and only the passphrase check fails.
    await assert.rejects(importKeys(encryptedPkcs8(Uint8Array.of(0x08, 0x00)), { passphrase: 'x' }),
      (e: unknown) => e instanceof KeyImportError && e.message === 'wrong passphrase for encrypted PKCS#8 key');
  });

  test('a truncated encrypted PKCS#8 structure is a KeyImportError', async () => {
    await assert.rejects(importKeys('-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAA=\n-----END ENCRYPTED PRIVATE KEY-----\n', { passphrase: 'x' }),
      (e: unknown) => e instanceof KeyImportError && /^malformed (DER|encrypted PKCS#8)/.test(e.message));
  });
});
