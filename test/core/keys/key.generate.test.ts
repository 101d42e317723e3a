import assert from 'node:assert/strict';
import { CompactSign, calculateJwkThumbprint, compactVerify, importJWK } from 'jose';
import { exportPem, publicJwk, toJwks } from '../../../src/core/keys/key.export';
import { generateFtnClientKeySet, generateKeyPair } from '../../../src/core/keys/key.generate';
import { importKeys } from '../../../src/core/keys/key.import';
import type { GenerateKeyOptions } from '../../../src/core/keys/key.types';

const PRIVATE = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

async function roundTrip(opts: GenerateKeyOptions, expect: { alg: string; size: number; crv?: string }): Promise<void> {
  const { privateJwk, publicJwk: pub, description } = await generateKeyPair(opts);
  assert.equal(privateJwk.kid, await calculateJwkThumbprint(pub));
  assert.deepEqual([privateJwk.use, privateJwk.alg, pub.use, pub.alg, pub.kid], [opts.use, expect.alg, opts.use, expect.alg, privateJwk.kid]);
  assert.deepEqual(
    [description.kty, description.size, description.crv, description.private, description.thumbprint, description.source],
    [opts.kty, expect.size, expect.crv, true, privateJwk.kid, 'generated'],
  );
  for (const m of PRIVATE) assert.equal((pub as Record<string, unknown>)[m], undefined, m);
  const privPem = await exportPem(privateJwk, 'private');
  const pubPem = await exportPem(privateJwk, 'public');
  assert.match(privPem, /^-----BEGIN PRIVATE KEY-----\n/);
  assert.match(pubPem, /^-----BEGIN PUBLIC KEY-----\n/);
  const [back] = await importKeys(privPem);
  assert.equal(back.description.thumbprint, privateJwk.kid);
  assert.equal(back.jwk.d, privateJwk.d);
  const [backPub] = await importKeys(pubPem);
  assert.deepEqual([backPub.description.thumbprint, backPub.description.private], [privateJwk.kid, false]);
  assert.equal(await exportPem(pub, 'public'), pubPem);
}

suite('generateKeyPair + exportPem + importKeys round trips', () => {
  test('RSA 2048 sig (RS256)', () => roundTrip({ kty: 'RSA', use: 'sig' }, { alg: 'RS256', size: 2048 }));
  test('RSA 3072 enc (RSA-OAEP-256)', () => roundTrip({ kty: 'RSA', size: 3072, use: 'enc' }, { alg: 'RSA-OAEP-256', size: 3072 }));
  test('RSA 4096 sig with explicit PS256', () => roundTrip({ kty: 'RSA', size: 4096, use: 'sig', alg: 'PS256' }, { alg: 'PS256', size: 4096 })).timeout(120000);
  test('EC P-256 sig (ES256)', () => roundTrip({ kty: 'EC', crv: 'P-256', use: 'sig' }, { alg: 'ES256', size: 256, crv: 'P-256' }));
  test('EC P-384 sig (ES384)', () => roundTrip({ kty: 'EC', crv: 'P-384', use: 'sig' }, { alg: 'ES384', size: 384, crv: 'P-384' }));
  test('EC P-521 sig (ES512)', () => roundTrip({ kty: 'EC', crv: 'P-521', use: 'sig' }, { alg: 'ES512', size: 521, crv: 'P-521' }));
  test('EC P-256 enc (ECDH-ES+A256KW)', () => roundTrip({ kty: 'EC', use: 'enc' }, { alg: 'ECDH-ES+A256KW', size: 256, crv: 'P-256' }));

  test('a generated signing key signs and its public JWK verifies', async () => {
    const { privateJwk, publicJwk: pub } = await generateKeyPair({ kty: 'EC', crv: 'P-384', use: 'sig' });
    const jws = await new CompactSign(new TextEncoder().encode('x')).setProtectedHeader({ alg: 'ES384' }).sign(await importJWK(privateJwk));
    const { payload } = await compactVerify(jws, await importJWK(pub));
    assert.equal(new TextDecoder().decode(payload), 'x');
  });

  test('bad options throw TypeError', async () => {
    await assert.rejects(generateKeyPair({ kty: 'RSA', size: 1024 as 2048, use: 'sig' }), { name: 'TypeError', message: 'invalid "size" option: expected 2048, 3072 or 4096' });
    await assert.rejects(generateKeyPair({ kty: 'RSA', use: 'enc', alg: 'RS256' }), { name: 'TypeError', message: 'invalid "alg" option: RS256 is not a RSA encryption algorithm' });
    await assert.rejects(generateKeyPair({ kty: 'EC', crv: 'P-192' as 'P-256', use: 'sig' }), { name: 'TypeError', message: 'invalid "crv" option: expected P-256, P-384 or P-521' });
  });
});

suite('generateFtnClientKeySet, toJwks, publicJwk', () => {
  test('one RSA 2048 sig and one enc key; the JWKS is public only', async () => {
    const set = await generateFtnClientKeySet();
    assert.deepEqual(set.jwks.keys.map((k) => [k.kty, k.use, k.alg]), [['RSA', 'sig', 'RS256'], ['RSA', 'enc', 'RSA-OAEP-256']]);
    assert.deepEqual([set.sig.description.size, set.enc.description.size], [2048, 2048]);
    assert.deepEqual(set.jwks.keys.map((k) => Object.keys(k).sort()), [['alg', 'e', 'kid', 'kty', 'n', 'use'], ['alg', 'e', 'kid', 'kty', 'n', 'use']]);
  });

  test('toJwks strips every private member and drops oct keys', () => {
    const rsa = { kty: 'RSA', n: 'n', e: 'AQAB', d: 'D', p: 'P', q: 'Q', dp: 'DP', dq: 'DQ', qi: 'QI', oth: [], kid: 'r', key_ops: ['sign', 'verify'] };
    const oct = { kty: 'oct', k: 'K' };
    assert.deepEqual(toJwks([rsa, oct]), { keys: [{ kty: 'RSA', n: 'n', e: 'AQAB', kid: 'r', key_ops: ['verify'] }] });
    assert.deepEqual(publicJwk({ kty: 'EC', crv: 'P-256', x: 'x', y: 'y', d: 'd' }), { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' });
  });
});
