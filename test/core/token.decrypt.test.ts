import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CompactEncrypt, CompactSign, FlattenedEncrypt, GeneralEncrypt, base64url, exportJWK, generateKeyPair as joseGenerate, importJWK, type JWK } from 'jose';
import { generateKeyPair } from '../../src/core/keys/key.generate';
import { importKeys } from '../../src/core/keys/key.import';
import { KeyRing } from '../../src/core/keys/key.ring';
import type { ImportedKey } from '../../src/core/keys/key.types';
import { DEFAULT_LIMITS } from '../../src/core/limits';
import { decryptJwe } from '../../src/core/token.decrypt';
import { decodeToken } from '../../src/core/token.decode';
import type { DecodedJWE } from '../../src/core/token.types';
import { verifyJws } from '../../src/core/token.verify';

const enc = new TextEncoder();
const fixture = (f: string) => readFileSync(join(__dirname, '..', 'fixtures', 'keys', f), 'utf8');
const OCT = { kty: 'oct', k: 'AAECAwQFBgcICQoLDA0ODwABAgMEBQYHCAkKCwwNDg8', kid: 'aes-1' };

function jwe(raw: string): DecodedJWE {
  const d = decodeToken(raw);
  assert.equal(d.format, 'JWE');
  assert.ok(!('error' in d && d.error), JSON.stringify(d));
  return d as DecodedJWE;
}

async function rsaKey(kid: string): Promise<{ imported: ImportedKey; pub: JWK }> {
  const { privateJwk, publicJwk } = await generateKeyPair({ kty: 'RSA', use: 'enc' });
  const [imported] = await importKeys(JSON.stringify({ ...privateJwk, kid }));
  return { imported, pub: { ...publicJwk, kid } };
}

async function encryptTo(pub: JWK, header: Record<string, unknown> = {}, text = '{"sub":"x"}'): Promise<string> {
  return new CompactEncrypt(enc.encode(text))
    .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: pub.kid, ...header })
    .encrypt(await importJWK({ ...pub, alg: undefined }, String(header.alg ?? 'RSA-OAEP-256')));
}

suite('decryptJwe', () => {
  let k1: Awaited<ReturnType<typeof rsaKey>>;
  let k2: Awaited<ReturnType<typeof rsaKey>>;
  suiteSetup(async () => {
    [k1, k2] = await Promise.all([rsaKey('enc-1'), rsaKey('enc-2')]);
  });

  test('the right key (kid match) decrypts; the result names it', async () => {
    const raw = await encryptTo(k1.pub);
    const out = await decryptJwe(jwe(raw), raw, new KeyRing([k2.imported, k1.imported]), DEFAULT_LIMITS);
    assert.deepEqual(out.result, { status: 'decrypted', kid: 'enc-1', thumbprint: k1.imported.description.thumbprint });
    assert.equal(new TextDecoder().decode(out.plaintext), '{"sub":"x"}');
    assert.equal(out.key?.thumbprint, k1.imported.description.thumbprint);
  });

  test('kid mismatch: the other compatible key is tried and the mismatch is said', async () => {
    const raw = await encryptTo({ ...k1.pub, kid: 'rotated-away' });
    const out = await decryptJwe(jwe(raw), raw, new KeyRing([k1.imported]), DEFAULT_LIMITS);
    assert.deepEqual(out.result, {
      status: 'decrypted', kid: 'enc-1', thumbprint: k1.imported.description.thumbprint,
      message: 'decrypted with key "enc-1", although the token\'s "kid" is "rotated-away"',
    });
  });

  test('wrong key with a matching kid: failed, naming the key', async () => {
    const raw = await encryptTo(k1.pub);
    const wrong = { ...k2.imported, description: { ...k2.imported.description, kid: 'enc-1' } };
    const out = await decryptJwe(jwe(raw), raw, new KeyRing([wrong]), DEFAULT_LIMITS);
    assert.deepEqual(out.result, { status: 'failed', message: 'key "enc-1" (kid match) did not decrypt: decryption operation failed — wrong key or corrupted ciphertext' });
    assert.equal(out.plaintext, undefined);
  });

  test('two wrong keys: every candidate is tried', async () => {
    const { pub } = await rsaKey('other');
    const raw = await encryptTo(pub);
    const out = await decryptJwe(jwe(raw), raw, new KeyRing([k1.imported, k2.imported]), DEFAULT_LIMITS);
    assert.deepEqual(out.result, { status: 'failed', message: 'no loaded key decrypted it (tried 2 RSA keys): decryption operation failed — wrong key or corrupted ciphertext' });
  });

  test('corrupted ciphertext with the right key: failed', async () => {
    const raw = await encryptTo(k1.pub);
    const parts = raw.split('.');
    const ct = base64url.decode(parts[3]);
    ct[0] ^= 1;
    parts[3] = base64url.encode(ct);
    const bad = parts.join('.');
    const out = await decryptJwe(jwe(bad), bad, new KeyRing([k1.imported]), DEFAULT_LIMITS);
    assert.deepEqual(out.result, { status: 'failed', message: 'key "enc-1" (kid match) did not decrypt: decryption operation failed — wrong key or corrupted ciphertext' });
  });

  test('no ring, empty ring, only public or incompatible keys: no-key', async () => {
    const raw = await encryptTo(k1.pub);
    const d = jwe(raw);
    assert.deepEqual((await decryptJwe(d, raw, undefined, DEFAULT_LIMITS)).result, { status: 'no-key', message: 'no key loaded' });
    assert.deepEqual((await decryptJwe(d, raw, new KeyRing(), DEFAULT_LIMITS)).result, { status: 'no-key', message: 'no key loaded' });
    const ring = new KeyRing([...(await importKeys(JSON.stringify(k1.pub))), ...(await importKeys(fixture('ec-p256.sec1.pem')))]);
    assert.deepEqual((await decryptJwe(d, raw, ring, DEFAULT_LIMITS)).result, {
      status: 'no-key', message: 'no private key of type RSA for "alg" RSA-OAEP-256 is loaded (the key with "kid" "enc-1" has no private part)',
    });
    const [ecKey] = await importKeys(fixture('ec-p256.pkcs8.pem'));
    const ecRing = new KeyRing([{ jwk: { ...ecKey.jwk, kid: 'enc-1' }, description: { ...ecKey.description, kid: 'enc-1' } }]);
    assert.deepEqual((await decryptJwe(d, raw, ecRing, DEFAULT_LIMITS)).result, {
      status: 'no-key', message: 'no private key of type RSA for "alg" RSA-OAEP-256 is loaded (the key with "kid" "enc-1" is EC)',
    });
  });

  test('a key declared for another alg still decrypts, and the result says so', async () => {
    const raw = await encryptTo(k1.pub, { alg: 'RSA-OAEP' });
    const declared = { jwk: { ...k1.imported.jwk, alg: 'RSA-OAEP-256' }, description: { ...k1.imported.description, alg: 'RSA-OAEP-256', use: 'enc' as const } };
    const out = await decryptJwe(jwe(raw), raw, new KeyRing([declared]), DEFAULT_LIMITS);
    assert.deepEqual(out.result, {
      status: 'decrypted', kid: 'enc-1', thumbprint: k1.imported.description.thumbprint,
      message: 'decrypted with key "enc-1", although the key is declared for "alg" RSA-OAEP-256',
    });
  });

  test('with 50 keys and a matching kid only the kid-matched key is used', async () => {
    const others = await Promise.all(Array.from({ length: 49 }, (_, i) => importKeys(JSON.stringify({ ...OCT, k: base64url.encode(new Uint8Array(32).fill(i)), kid: `k${i}` }))));
    const [pemKey] = await importKeys(fixture('rsa.pkcs8.pem'));
    const ring = new KeyRing([...others.flat(), { jwk: { ...pemKey.jwk, kid: 'pem' }, description: { ...pemKey.description, kid: 'pem' } }]);
    ring.add([k1.imported]);
    assert.equal(ring.size, 51);
    const raw = await encryptTo(k1.pub);
    const d = jwe(raw);
    await decryptJwe(d, raw, new KeyRing([k1.imported]), DEFAULT_LIMITS); // warm up
    const time = async (r: KeyRing) => {
      const t0 = performance.now();
      for (let i = 0; i < 10; i++) assert.equal((await decryptJwe(d, raw, r, DEFAULT_LIMITS)).result.status, 'decrypted');
      return performance.now() - t0;
    };
    const one = await time(new KeyRing([k1.imported]));
    const many = await time(ring);
    assert.ok(many < one * 3 + 20, `50-key ring took ${many.toFixed(1)} ms vs ${one.toFixed(1)} ms`);
  });

  test('unsupported "alg" and "enc"', async () => {
    const header = (h: object) => base64url.encode(JSON.stringify(h));
    const raw1 = `${header({ alg: 'RSA1_5', enc: 'A128GCM' })}.AA.AA.AA.AA`;
    assert.deepEqual((await decryptJwe(jwe(raw1), raw1, new KeyRing([k1.imported]), DEFAULT_LIMITS)).result, { status: 'unsupported', message: '"alg" RSA1_5 is not supported by WebCrypto' });
    const raw2 = `${header({ alg: 'RSA-OAEP', enc: 'A512GCM' })}.AA.AA.AA.AA`;
    assert.deepEqual((await decryptJwe(jwe(raw2), raw2, new KeyRing([k1.imported]), DEFAULT_LIMITS)).result, { status: 'unsupported', message: '"enc" A512GCM is not supported' });
    const raw3 = `${header({ alg: 'RSA-OAEP-128', enc: 'A128GCM' })}.AA.AA.AA.AA`;
    assert.deepEqual((await decryptJwe(jwe(raw3), raw3, new KeyRing([k1.imported]), DEFAULT_LIMITS)).result, { status: 'unsupported', message: '"alg" RSA-OAEP-128 is not supported' });
    const raw4 = `${header({ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM', p2c: 1, p2s: 'AA' })}.AA.AA.AA.AA`;
    assert.deepEqual((await decryptJwe(jwe(raw4), raw4, new KeyRing([k1.imported]), DEFAULT_LIMITS)).result, { status: 'no-key', message: 'no oct key for "alg" PBES2-HS256+A128KW is loaded' });
  });

  test('flattened and general JSON serialisations; oct A256KW and dir; EC ECDH-ES', async () => {
    const [oct] = await importKeys(JSON.stringify(OCT));
    const secret = base64url.decode(OCT.k);
    const flat = JSON.stringify(await new FlattenedEncrypt(enc.encode('flat')).setProtectedHeader({ alg: 'A256KW', enc: 'A128CBC-HS256' }).encrypt(secret));
    const out1 = await decryptJwe(jwe(flat), flat, new KeyRing([k1.imported, oct]), DEFAULT_LIMITS);
    assert.deepEqual([out1.result.status, out1.result.kid, new TextDecoder().decode(out1.plaintext)], ['decrypted', 'aes-1', 'flat']);
    const gen = new GeneralEncrypt(enc.encode('general')).setProtectedHeader({ enc: 'A256GCM' });
    gen.addRecipient(await importJWK(k1.pub, 'RSA-OAEP-256')).setUnprotectedHeader({ alg: 'RSA-OAEP-256', kid: 'enc-1' });
    const general = JSON.stringify(await gen.encrypt());
    const out2 = await decryptJwe(jwe(general), general, new KeyRing([k1.imported]), DEFAULT_LIMITS);
    assert.deepEqual([out2.result.status, out2.result.kid, new TextDecoder().decode(out2.plaintext)], ['decrypted', 'enc-1', 'general']);
    const ec = await generateKeyPair({ kty: 'EC', use: 'enc' });
    const [ecKey] = await importKeys(JSON.stringify(ec.privateJwk));
    const ecdh = await new CompactEncrypt(enc.encode('ec')).setProtectedHeader({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM' }).encrypt(await importJWK(ec.publicJwk, 'ECDH-ES+A256KW'));
    const out3 = await decryptJwe(jwe(ecdh), ecdh, new KeyRing([k1.imported, oct, ecKey]), DEFAULT_LIMITS);
    assert.deepEqual([out3.result.status, out3.result.thumbprint, new TextDecoder().decode(out3.plaintext)], ['decrypted', ec.description.thumbprint, 'ec']);
  });

  test('OKP X25519 with ECDH-ES (direct key agreement)', async () => {
    const pair = await joseGenerate('ECDH-ES', { crv: 'X25519', extractable: true });
    const [x] = await importKeys(JSON.stringify(await exportJWK(pair.privateKey)));
    assert.deepEqual([x.description.kty, x.description.crv], ['OKP', 'X25519']);
    const raw = await new CompactEncrypt(enc.encode('okp')).setProtectedHeader({ alg: 'ECDH-ES', enc: 'A128CBC-HS256' }).encrypt(pair.publicKey);
    const out = await decryptJwe(jwe(raw), raw, new KeyRing([k1.imported, x]), DEFAULT_LIMITS);
    assert.deepEqual([out.result.status, out.result.thumbprint, new TextDecoder().decode(out.plaintext)], ['decrypted', x.description.thumbprint, 'okp']);
  });

  test('nested JWS inside JWE: decrypt, then verify the inner token', async () => {
    const sig = await generateKeyPair({ kty: 'EC', use: 'sig' });
    const inner = await new CompactSign(enc.encode('{"sub":"nested"}')).setProtectedHeader({ alg: 'ES256', kid: sig.publicJwk.kid }).sign(await importJWK(sig.privateJwk));
    const raw = await encryptTo(k1.pub, { cty: 'JWT' }, inner);
    const ring = new KeyRing([k1.imported, ...(await importKeys(JSON.stringify(sig.publicJwk)))]);
    const out = await decryptJwe(jwe(raw), raw, ring, DEFAULT_LIMITS);
    const innerRaw = new TextDecoder().decode(out.plaintext);
    assert.equal(innerRaw, inner);
    const decoded = decodeToken(innerRaw);
    assert.equal(decoded.format, 'JWS');
    const v = await verifyJws(decoded as Parameters<typeof verifyJws>[0], innerRaw, ring);
    assert.deepEqual(v.result, { status: 'valid', kid: sig.publicJwk.kid, thumbprint: sig.description.thumbprint });
  });

  test('the decompression limit is passed to jose', async () => {
    const [oct] = await importKeys(JSON.stringify(OCT));
    const raw = await new CompactEncrypt(enc.encode('a'.repeat(5000)))
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', zip: 'DEF', kid: 'aes-1' })
      .encrypt(base64url.decode(OCT.k));
    const ring = new KeyRing([oct]);
    const ok = await decryptJwe(jwe(raw), raw, ring, DEFAULT_LIMITS);
    assert.equal(ok.plaintext?.length, 5000);
    assert.deepEqual((await decryptJwe(jwe(raw), raw, ring, { ...DEFAULT_LIMITS, maxDecompressedBytes: 1000 })).result, {
      status: 'failed', message: 'key "aes-1" (kid match) did not decrypt: decompressed plaintext exceeded the configured limit',
    });
    assert.deepEqual((await decryptJwe(jwe(raw), raw, ring, { ...DEFAULT_LIMITS, maxDecompressedBytes: 0 })).result, {
      status: 'unsupported', message: 'JWE "zip" (Compression Algorithm) Header Parameter is not supported.',
    });
  });

  test('PBES2 with an oct password key; the p2c limit is passed to jose', async () => {
    const pbes = { kty: 'oct', k: base64url.encode('demo-passphrase'), kid: 'pw' };
    const [key] = await importKeys(JSON.stringify(pbes));
    const raw = await new CompactEncrypt(enc.encode('p')).setProtectedHeader({ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM', p2c: 2000 } as never).encrypt(enc.encode('demo-passphrase'));
    const out = await decryptJwe(jwe(raw), raw, new KeyRing([key]), DEFAULT_LIMITS);
    assert.deepEqual([out.result.status, out.result.kid, new TextDecoder().decode(out.plaintext)], ['decrypted', 'pw', 'p']);
    assert.deepEqual((await decryptJwe(jwe(raw), raw, new KeyRing([key]), { ...DEFAULT_LIMITS, maxPBES2Count: 1000 })).result, {
      status: 'failed', message: 'key "pw" did not decrypt: JOSE Header "p2c" (PBES2 Count) out is of acceptable bounds',
    });
  });
});
