import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CompactSign, FlattenedSign, GeneralSign, base64url, importJWK, importPKCS8, type JWK } from 'jose';
import { generateKeyPair } from '../../src/core/keys/key.generate';
import { importKeys } from '../../src/core/keys/key.import';
import { KeyRing } from '../../src/core/keys/key.ring';
import { decodeToken } from '../../src/core/token.decode';
import type { DecodedJWS } from '../../src/core/token.types';
import { verifyJws } from '../../src/core/token.verify';

const enc = new TextEncoder();
const fixture = (f: string) => readFileSync(join(__dirname, '..', 'fixtures', 'keys', f), 'utf8');
const PAYLOAD = enc.encode('{"iss":"https://broker.example","sub":"x"}');

function jws(raw: string): DecodedJWS {
  const d = decodeToken(raw);
  assert.equal(d.format, 'JWS');
  assert.ok(!('error' in d && d.error), JSON.stringify(d));
  return d as DecodedJWS;
}

async function sign(jwk: JWK, header: Record<string, unknown>): Promise<string> {
  return new CompactSign(PAYLOAD).setProtectedHeader({ alg: 'RS256', ...header } as never).sign(await importJWK(jwk, header.alg as string ?? 'RS256'));
}

suite('verifyJws', () => {
  let rsa: Awaited<ReturnType<typeof generateKeyPair>>;
  let ec: Awaited<ReturnType<typeof generateKeyPair>>;
  suiteSetup(async () => {
    [rsa, ec] = await Promise.all([generateKeyPair({ kty: 'RSA', use: 'sig' }), generateKeyPair({ kty: 'EC', crv: 'P-256', use: 'sig' })]);
  });

  test('valid with the public key (kid match) and with the private key', async () => {
    const raw = await sign(rsa.privateJwk, { kid: rsa.publicJwk.kid });
    const expected = { status: 'valid', kid: rsa.publicJwk.kid, thumbprint: rsa.description.thumbprint };
    const pubRing = new KeyRing([...(await importKeys(JSON.stringify(ec.publicJwk))), ...(await importKeys(JSON.stringify(rsa.publicJwk)))]);
    const out = await verifyJws(jws(raw), raw, pubRing);
    assert.deepEqual(out.result, expected);
    assert.equal(out.key?.private, false);
    assert.deepEqual((await verifyJws(jws(raw), raw, new KeyRing(await importKeys(JSON.stringify(rsa.privateJwk))))).result, expected);
  });

  test('a PEM certificate key verifies a PS256 token without kid', async () => {
    const raw = await new CompactSign(PAYLOAD).setProtectedHeader({ alg: 'PS256' }).sign(await importPKCS8(fixture('rsa.pkcs8.pem'), 'PS256'));
    const ring = new KeyRing(await importKeys(fixture('rsa.cert.pem')));
    const tp = ring.list()[0].thumbprint;
    assert.deepEqual((await verifyJws(jws(raw), raw, ring)).result, { status: 'valid', kid: tp, thumbprint: tp });
  });

  test('Ed25519 (EdDSA) with the PKCS#8 fixture key', async () => {
    const raw = await new CompactSign(PAYLOAD).setProtectedHeader({ alg: 'EdDSA' }).sign(await importPKCS8(fixture('ed25519.pkcs8.pem'), 'EdDSA'));
    const ring = new KeyRing(await importKeys(fixture('ed25519.pkcs8.pem')));
    const tp = ring.list()[0].thumbprint;
    assert.deepEqual((await verifyJws(jws(raw), raw, ring)).result, { status: 'valid', kid: tp, thumbprint: tp });
  });

  test('tampered payload: invalid, naming the key', async () => {
    const raw = await sign(ec.privateJwk, { alg: 'ES256', kid: 'ec-1' });
    const [h, , s] = raw.split('.');
    const bad = `${h}.${base64url.encode('{"iss":"https://evil.example","sub":"x"}')}.${s}`;
    const ring = new KeyRing(await importKeys(JSON.stringify({ ...ec.publicJwk, kid: 'ec-1' })));
    assert.deepEqual((await verifyJws(jws(bad), bad, ring)).result, { status: 'invalid', message: 'signature did not verify with key "ec-1" (kid match)' });
  });

  test('signed by another key: every compatible key is tried', async () => {
    const other = await generateKeyPair({ kty: 'RSA', use: 'sig' });
    const raw = await sign(other.privateJwk, {});
    const ring = new KeyRing([...(await importKeys(JSON.stringify(rsa.publicJwk))), ...(await importKeys(fixture('rsa.spki.pem')))]);
    assert.deepEqual((await verifyJws(jws(raw), raw, ring)).result, { status: 'invalid', message: 'signature did not verify with any loaded key (tried 2 RSA keys)' });
  });

  test('no key: none loaded, wrong type, wrong curve; jku is never fetched', async () => {
    const raw = await sign(rsa.privateJwk, { jku: 'https://attacker.example/jwks' });
    assert.deepEqual((await verifyJws(jws(raw), raw, undefined)).result, { status: 'no-key', message: 'no key loaded' });
    const ecRing = new KeyRing(await importKeys(JSON.stringify(ec.publicJwk)));
    assert.deepEqual((await verifyJws(jws(raw), raw, ecRing)).result, { status: 'no-key', message: 'no key of type RSA for "alg" RS256 is loaded ("jku" is never fetched)' });
    const p384 = await generateKeyPair({ kty: 'EC', crv: 'P-384', use: 'sig' });
    const es384 = await sign(p384.privateJwk, { alg: 'ES384' });
    assert.deepEqual((await verifyJws(jws(es384), es384, ecRing)).result, { status: 'no-key', message: 'no key of type EC (P-384) for "alg" ES384 is loaded' });
  });

  test('alg none is unsigned; an unknown alg is unsupported', async () => {
    const none = `${base64url.encode('{"alg":"none"}')}.${base64url.encode(PAYLOAD)}.`;
    assert.deepEqual((await verifyJws(jws(none), none, undefined)).result, { status: 'unsigned', message: '"alg" is "none": the token is not signed' });
    const odd = `${base64url.encode('{"alg":"HS1"}')}.${base64url.encode(PAYLOAD)}.AAAA`;
    assert.deepEqual((await verifyJws(jws(odd), odd, undefined)).result, { status: 'unsupported', message: '"alg" HS1 is not supported' });
  });

  test('HS256 signed with the RSA public key as secret (alg confusion) is never valid', async () => {
    const [spki] = await importKeys(fixture('rsa.spki.pem'));
    const pem = enc.encode(fixture('rsa.spki.pem'));
    const forged = await new CompactSign(PAYLOAD).setProtectedHeader({ alg: 'HS256' }).sign(pem);
    const ring = new KeyRing([spki, ...(await importKeys(fixture('rsa.pkcs8.pem')))]);
    assert.deepEqual((await verifyJws(jws(forged), forged, ring)).result, {
      status: 'no-key', message: 'no oct key for "alg" HS256 is loaded (RSA and EC public keys are never used as HMAC secrets)',
    });
    const ringWithOct = new KeyRing([spki, ...(await importKeys(JSON.stringify({ kty: 'oct', k: base64url.encode('another-secret-of-32-bytes-long!') })))]);
    assert.equal((await verifyJws(jws(forged), forged, ringWithOct)).result.status, 'invalid');
  });

  test('HS256 with a loaded oct key is valid', async () => {
    const secret = enc.encode('a-shared-client-secret-32-bytes!');
    const raw = await new CompactSign(PAYLOAD).setProtectedHeader({ alg: 'HS256' }).sign(secret);
    const [oct] = await importKeys(JSON.stringify({ kty: 'oct', k: base64url.encode(secret), kid: 'client-secret' }));
    assert.deepEqual((await verifyJws(jws(raw), raw, new KeyRing([oct]))).result, { status: 'valid', kid: 'client-secret', thumbprint: oct.description.thumbprint });
  });

  test('an embedded "jwk" header key is never trusted', async () => {
    const attacker = await generateKeyPair({ kty: 'EC', use: 'sig' });
    const raw = await sign(attacker.privateJwk, { alg: 'ES256', jwk: attacker.publicJwk });
    const expected = { status: 'no-key', message: 'the token embeds its own key in "jwk"; embedded keys are never trusted' };
    assert.deepEqual((await verifyJws(jws(raw), raw, undefined)).result, expected);
    assert.deepEqual((await verifyJws(jws(raw), raw, new KeyRing(await importKeys(JSON.stringify(rsa.publicJwk))))).result, expected);
    const ringWithOwnKey = new KeyRing(await importKeys(JSON.stringify(ec.publicJwk)));
    assert.deepEqual((await verifyJws(jws(raw), raw, ringWithOwnKey)).result.status, 'invalid');
  });

  test('flattened and general JSON serialisations', async () => {
    const key = await importJWK(ec.privateJwk, 'ES256');
    const ring = new KeyRing(await importKeys(JSON.stringify(ec.publicJwk)));
    const flat = JSON.stringify(await new FlattenedSign(PAYLOAD).setProtectedHeader({ alg: 'ES256' }).sign(key));
    assert.equal((await verifyJws(jws(flat), flat, ring)).result.status, 'valid');
    const gs = new GeneralSign(PAYLOAD);
    gs.addSignature(key).setProtectedHeader({ alg: 'ES256', kid: ec.publicJwk.kid });
    const general = JSON.stringify(await gs.sign());
    assert.deepEqual((await verifyJws(jws(general), general, ring)).result, { status: 'valid', kid: ec.publicJwk.kid, thumbprint: ec.description.thumbprint });
  });
});
