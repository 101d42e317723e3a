import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair as joseGenerate } from 'jose';
import { KeyImportError } from '../../../src/core/errors';
import { importKeys } from '../../../src/core/keys/key.import';

const dir = join(__dirname, '..', '..', 'fixtures', 'keys');
const fixture = (f: string) => readFileSync(join(dir, f), 'utf8');
const RSA_TP = () => importKeys(fixture('rsa.spki.pem')).then((k) => k[0].description.thumbprint);

async function rejects(p: Promise<unknown>, message: string): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof KeyImportError, `expected KeyImportError, got ${String(e)}`);
    assert.equal(e.code, 'ERR_KEY_IMPORT');
    assert.equal(e.message, message);
    return true;
  });
}

suite('importKeys: PEM and DER', () => {
  const cases: [string, string, boolean][] = [
    ['rsa.pkcs8.pem', 'PEM PKCS#8 (rsa.pkcs8.pem)', true],
    ['rsa.pkcs1.pem', 'PEM PKCS#1 (rsa.pkcs1.pem)', true],
    ['rsa.spki.pem', 'PEM SPKI (rsa.spki.pem)', false],
    ['rsa.pkcs1-public.pem', 'PEM PKCS#1 (rsa.pkcs1-public.pem)', false],
    ['rsa.cert.pem', 'X.509 (rsa.cert.pem)', false],
  ];
  for (const [file, source, priv] of cases) {
    test(`RSA 2048 ${file} imports with the same thumbprint`, async () => {
      const [k, ...more] = await importKeys(fixture(file), { name: file });
      assert.equal(more.length, 0);
      assert.deepEqual(
        { kty: k.description.kty, size: k.description.size, private: k.description.private, source: k.description.source },
        { kty: 'RSA', size: 2048, private: priv, source },
      );
      assert.equal(k.description.thumbprint, await RSA_TP());
      assert.equal(typeof k.jwk.d === 'string', priv);
      assert.equal(k.jwk.key_ops, undefined);
      assert.equal(k.jwk.alg, undefined);
    });
  }

  test('EC P-256 SEC1, PKCS#8 and SPKI are the same key', async () => {
    const [sec1] = await importKeys(fixture('ec-p256.sec1.pem'));
    const [pkcs8] = await importKeys(fixture('ec-p256.pkcs8.pem'));
    const [spki] = await importKeys(fixture('ec-p256.spki.pem'));
    assert.equal(sec1.description.source, 'PEM SEC1');
    assert.deepEqual([sec1.description.crv, sec1.description.size, sec1.description.private], ['P-256', 256, true]);
    assert.equal(sec1.jwk.d, pkcs8.jwk.d);
    assert.equal(sec1.description.thumbprint, spki.description.thumbprint);
    assert.equal(spki.description.private, false);
  });

  test('Ed25519 PKCS#8 imports as OKP', async () => {
    const [k] = await importKeys(fixture('ed25519.pkcs8.pem'));
    assert.deepEqual([k.jwk.kty, k.jwk.crv, k.description.private], ['OKP', 'Ed25519', true]);
  });

  test('several PEM blocks in one file give several keys, in order', async () => {
    const keys = await importKeys(fixture('ec-p256.sec1.pem') + '\nsome text\n' + fixture('rsa.cert.pem'), { name: 'bundle.pem' });
    assert.deepEqual(keys.map((k) => k.description.source), ['PEM SEC1 (bundle.pem)', 'X.509 (bundle.pem)']);
  });

  test('DER SPKI bytes import', async () => {
    const [k] = await importKeys(new Uint8Array(readFileSync(join(dir, 'rsa.spki.der'))), { name: 'rsa.spki.der' });
    assert.equal(k.description.source, 'DER SPKI (rsa.spki.der)');
    assert.equal(k.description.thumbprint, await RSA_TP());
  });

  for (const file of ['rsa.encrypted-sha256-aes256.pem', 'rsa.encrypted-sha1-aes128.pem']) {
    test(`encrypted PKCS#8 ${file}: right passphrase, wrong passphrase, none`, async () => {
      const [k] = await importKeys(fixture(file), { passphrase: 'demo-passphrase' });
      assert.equal(k.description.source, 'encrypted PKCS#8');
      assert.equal(k.description.private, true);
      assert.equal(k.description.thumbprint, await RSA_TP());
      const [plain] = await importKeys(fixture('rsa.pkcs8.pem'));
      assert.equal(k.jwk.d, plain.jwk.d);
      await rejects(importKeys(fixture(file), { passphrase: 'wrong' }), 'wrong passphrase for encrypted PKCS#8 key');
      await rejects(importKeys(fixture(file)), 'passphrase required: the PEM block "ENCRYPTED PRIVATE KEY" is encrypted');
    });
  }

  test('DSA keys are refused precisely', async () => {
    await rejects(importKeys(fixture('dsa.traditional.pem')), 'unsupported PEM block "DSA PRIVATE KEY"');
    await rejects(importKeys(fixture('dsa.pkcs8.pem'), { name: 'dsa.pem' }), 'unsupported key algorithm DSA (1.2.840.10040.4.1) in PEM PKCS#8 (dsa.pem)');
  });

  test('a truncated PEM body is refused', async () => {
    const pem = fixture('rsa.spki.pem').split('\n');
    const cut = [pem[0], pem[1], pem[2], pem[pem.length - 2]].join('\n');
    await rejects(importKeys(cut), 'malformed DER: element runs past the end');
  });
});

suite('importKeys: JWK and JWKS', () => {
  test('a private RSA JWK keeps its kid/use/alg in the description', async () => {
    const { privateKey } = await joseGenerate('RS256', { extractable: true });
    const jwk = { ...(await exportJWK(privateKey)), kid: 'sig-1', use: 'sig', alg: 'RS256' };
    const [k] = await importKeys(JSON.stringify(jwk), { name: 'k.json' });
    assert.deepEqual(
      { ...k.description, thumbprint: undefined },
      { kty: 'RSA', size: 2048, use: 'sig', alg: 'RS256', kid: 'sig-1', private: true, source: 'JWK (k.json)', thumbprint: undefined },
    );
  });

  test('a JWKS gives every key; an oct key counts as private', async () => {
    const jwks = { keys: [{ kty: 'oct', k: 'AAECAwQFBgcICQoLDA0ODw', kid: 'aes' }, { kty: 'EC', crv: 'P-256', x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU', y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0' }] };
    const keys = await importKeys(new TextEncoder().encode(JSON.stringify(jwks)));
    assert.deepEqual(keys.map((k) => [k.description.kty, k.description.private, k.description.size, k.description.source]), [
      ['oct', true, 128, 'JWKS'],
      ['EC', false, 256, 'JWKS'],
    ]);
  });

  test('missing members and garbage are named, never quoted beyond 20 characters', async () => {
    await rejects(importKeys('{"kty":"RSA","e":"AQAB"}'), 'JWK is missing "n"');
    await rejects(importKeys('{"keys":[{"kty":"EC","crv":"P-256","x":"AA"}]}'), 'JWKS "keys"[0]: JWK is missing "y"');
    await rejects(importKeys('{"keys":[]}'), 'JWKS "keys" is empty');
    await rejects(importKeys('{"kty":'), 'not a JWK, JWKS or PEM: input starts with "{" but is not valid JSON');
    await rejects(importKeys('hello this is not a key at all, really'), 'not a JWK, JWKS or PEM: input starts with "hello this is not a "');
    await rejects(importKeys('MIIEvQIBADANBgkqhkiG9w0BAQEFAASC'), 'not a JWK, JWKS or PEM: input starts with bare base64 (a PEM body without its BEGIN/END lines?)');
    await rejects(importKeys('-----BEGIN NOTHING'), 'not a JWK, JWKS or PEM: input starts with "-----BEGIN NOTHING"');
  });

  test('error messages never quote private material', async () => {
    const [k] = await importKeys(fixture('rsa.pkcs8.pem'));
    const secret = String(k.jwk.d);
    const { n: _n, ...noN } = k.jwk;
    for (const input of [JSON.stringify(noN), JSON.stringify({ keys: [noN] }), secret, fixture('rsa.pkcs8.pem').replace('PRIVATE KEY', 'PRIVAT KEY')]) {
      const e = await importKeys(input).then(() => undefined, (err: Error) => err);
      assert.ok(e instanceof KeyImportError);
      for (let i = 0; i + 8 <= secret.length; i++) assert.ok(!e.message.includes(secret.slice(i, i + 8)), e.message);
      assert.ok(e.message.length < 120, e.message);
    }
  });
});
