import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { importKeys } from '../../../src/core/keys/key.import';
import { KeyRing } from '../../../src/core/keys/key.ring';
import { describeKey } from '../../../src/core/keys/key.describe';
import { generateKeyPair } from '../../../src/core/keys/key.generate';

const dir = join(__dirname, '..', '..', 'fixtures', 'keys');
const fixture = (f: string) => readFileSync(join(dir, f), 'utf8');

// RFC 7638 §3.1
const RFC7638_KEY = {
  kty: 'RSA',
  n: '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw',
  e: 'AQAB',
  alg: 'RS256',
  kid: '2011-04-29',
};

suite('describeKey', () => {
  test('the RFC 7638 §3.1 example thumbprint', async () => {
    assert.deepEqual(await describeKey(RFC7638_KEY, 'JWK (rfc7638.json)'), {
      kty: 'RSA',
      size: 2048,
      alg: 'RS256',
      kid: '2011-04-29',
      thumbprint: 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs',
      private: false,
      source: 'JWK (rfc7638.json)',
    });
  });
});

suite('KeyRing', () => {
  test('add, list, byKid, remove, size; the same key twice is stored once', async () => {
    const ring = new KeyRing(await importKeys(fixture('rsa.pkcs8.pem')));
    ring.add(await importKeys(fixture('rsa.pkcs1.pem')));
    ring.add(await importKeys(JSON.stringify({ ...RFC7638_KEY })));
    assert.equal(ring.size, 2);
    assert.deepEqual(ring.list().map((d) => d.source), ['PEM PKCS#1', 'JWK']);
    assert.deepEqual(ring.byKid('2011-04-29').map((d) => d.thumbprint), ['NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs']);
    assert.equal(ring.remove('NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs'), true);
    assert.equal(ring.remove('NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs'), false);
    assert.deepEqual(ring.byKid('2011-04-29'), []);
    assert.equal(ring.size, 1);
  });

  test('JSON.stringify(ring), list() and inspection reveal no private member', async () => {
    const keys = [
      ...(await importKeys(fixture('rsa.pkcs8.pem'))),
      ...(await importKeys(fixture('ec-p256.sec1.pem'))),
      ...(await importKeys('{"kty":"oct","k":"c2VjcmV0LWhtYWMta2V5LXZhbHVlLTEyMzQ","kid":"h"}')),
    ];
    const ring = new KeyRing(keys);
    const secrets = keys.flatMap((k) => ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'].map((m) => (k.jwk as Record<string, unknown>)[m]).filter((v): v is string => typeof v === 'string'));
    assert.equal(secrets.length, 8);
    const json = JSON.stringify(ring);
    assert.deepEqual(JSON.parse(json), { keys: ring.list() });
    const shown = [json, JSON.stringify(ring.list()), inspect(ring, { depth: 10, showHidden: true }), String(ring)];
    for (const s of shown) for (const secret of secrets) assert.ok(!s.includes(secret), 'private member leaked');
  });

  test('keys given to the ring are copied: mutating the input does not change the ring', async () => {
    const keys = await importKeys('{"kty":"oct","k":"AAECAwQFBgcICQoLDA0ODw","kid":"a"}');
    const ring = new KeyRing(keys);
    keys[0].description.kid = 'changed';
    assert.equal(ring.list()[0].kid, 'a');
  });

  test('cryptoKey() is cached per (thumbprint, alg)', async () => {
    const ring = new KeyRing(await importKeys(fixture('rsa.pkcs8.pem')));
    const tp = ring.list()[0].thumbprint;
    const a = await ring.cryptoKey(tp, 'RSA-OAEP-256', 'private');
    assert.equal(await ring.cryptoKey(tp, 'RSA-OAEP-256', 'private'), a);
    const b = (await ring.cryptoKey(tp, 'RS256', 'public')) as CryptoKey;
    assert.notEqual(b, a);
    assert.deepEqual([b.type, (b.algorithm as RsaHashedKeyAlgorithm).name, (a as CryptoKey).algorithm.name], ['public', 'RSASSA-PKCS1-v1_5', 'RSA-OAEP']);
  });
});

suite('KeyRing: public and private halves of one key', () => {
  test('adding the public half after the private key keeps the private key (decryption still works)', async () => {
    const pair = await generateKeyPair({ kty: 'EC', crv: 'P-256', use: 'enc' });
    const priv = await importKeys(JSON.stringify(pair.privateJwk), { name: 'priv.json' });
    const pub = await importKeys(JSON.stringify({ keys: [pair.publicJwk] }), { name: 'pub.json' });
    const ring = new KeyRing(priv);
    ring.add(pub);
    assert.equal(ring.size, 1);
    assert.equal(ring.list()[0].private, true);
    assert.equal(ring.list()[0].source.includes('priv.json'), true);
    // the other order: the private key replaces a public one
    const ring2 = new KeyRing(pub);
    ring2.add(priv);
    assert.equal(ring2.list()[0].private, true);
  });
});
