/**
 * Verdicts: the RFC 7515/7516/7520/7797 examples verify or decrypt with their RFC keys
 * (test/fixtures/security/rfc-keys.json), tampered copies are rejected with a reason, and the attack
 * classes Wycheproof would test (generated here: no vectors fetched) are flagged with the right rule
 * and never reported `valid` or `decrypted`.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CompactEncrypt, CompactSign, exportJWK, exportSPKI, generateKeyPair, importJWK, type JWK } from 'jose';
import { analyzeText, analyzeToken, importKeys, KeyRing, type TokenReport } from '../../src/core';
import { signJws } from '../../scripts/fixtures/tokens';

const ROOT = path.resolve(__dirname, '../..');
const NOW = 1793613600;
const read = (p: string) => readFileSync(path.join(ROOT, p), 'utf8');
const b64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64url');
const RFC_KEYS = JSON.parse(read('test/fixtures/security/rfc-keys.json')) as Record<string, JWK>;
type Vector = { id: string; token: string | object; payloadText?: string };
const vectors = (f: string) => (JSON.parse(read(`test/fixtures/vectors/${f}`)) as Vector[]);
const raw = (v: Vector) => (typeof v.token === 'string' ? v.token : JSON.stringify(v.token));
const rules = (t: TokenReport) => [...new Set(t.findings.map((f) => f.rule))];

/** Replaces character `i` of segment `seg` of a compact token with a different base64url character. */
function flip(token: string, seg: number, i = 5): string {
  const parts = token.split('.');
  const s = parts[seg];
  parts[seg] = s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
  return parts.join('.');
}

async function ringOf(...jwks: JWK[]): Promise<KeyRing> {
  const ring = new KeyRing();
  for (const j of jwks) ring.add(await importKeys(JSON.stringify(j)));
  return ring;
}

suite('security: verdicts on RFC vectors', function () {
  this.timeout(30_000);
  const cases: Array<[string, string, string, 'valid' | 'decrypted']> = [
    ['rfc7515.json', 'RFC 7515 A.1', 'rfc7515-a1-hs256', 'valid'],
    ['rfc7515.json', 'RFC 7515 A.3', 'rfc7515-a3-es256-public', 'valid'],
    ['rfc7515.json', 'RFC 7515 A.7', 'rfc7515-a3-es256-public', 'valid'],
    ['rfc7797.json', 'RFC 7797 4.2 (b64 false, flattened)', 'rfc7515-a1-hs256', 'valid'],
    ['rfc7516.json', 'RFC 7516 A.3', 'rfc7516-a3-a128kw', 'decrypted'],
    ['rfc7516.json', 'RFC 7516 A.5', 'rfc7516-a3-a128kw', 'decrypted'],
    ['rfc7520.json', 'RFC 7520 4.4.3 (compact)', 'rfc7520-4.4-hs256', 'valid'],
    ['rfc7520.json', 'RFC 7520 4.4.3 (general)', 'rfc7520-4.4-hs256', 'valid'],
    ['rfc7520.json', 'RFC 7520 4.4.3 (flattened)', 'rfc7520-4.4-hs256', 'valid'],
  ];
  const PLAINTEXT: Record<string, string> = {
    'RFC 7516 A.3': 'Live long and prosper.', 'RFC 7516 A.5': 'Live long and prosper.', 'RFC 7797 4.2 (b64 false, flattened)': '$.02',
  };
  for (const [file, id, keyName, status] of cases) {
    test(`${id} is ${status} with its RFC key; tampered, it is not`, async () => {
      const v = vectors(file).find((x) => x.id === id);
      assert.ok(v, `${id} in ${file}`);
      const ring = await ringOf(RFC_KEYS[keyName]);
      const [t] = (await analyzeToken(raw(v), { now: NOW, keys: ring })).tokens;
      assert.equal(t.signature?.status ?? t.decryption?.status, status);
      if (PLAINTEXT[id]) assert.equal(t.payloadText, PLAINTEXT[id]);
      if (id.startsWith('RFC 7520 4.4.3')) assert.ok(t.payloadText?.startsWith('It\u2019s a dangerous business, Frodo'));
      if (typeof v.token !== 'string') return;
      // Tamper: a payload/ciphertext character, the IV, the protected header (AAD), a truncated tag.
      const tampered = status === 'valid'
        ? [flip(v.token, 1)]
        : [flip(v.token, 2, 2), flip(v.token, 3, 2), v.token.replace(/\.[^.]*$/, (s) => s.slice(0, -4)), `${b64('{"alg":"A128KW","enc":"A128CBC-HS256","x":1}')}.${v.token.split('.').slice(1).join('.')}`];
      for (const bad of tampered) {
        const [x] = (await analyzeToken(bad, { now: NOW, keys: ring })).tokens;
        const result = status === 'valid' ? x.signature : x.decryption;
        assert.equal(result?.status, status === 'valid' ? 'invalid' : 'failed', `tampered ${bad.slice(0, 40)}…`);
        assert.ok((result?.message ?? '').length > 20, `a reason: ${result?.message}`);
        assert.ok(rules(x).includes(status === 'valid' ? 'JWT-SIG' : 'JWT-DECRYPT'));
      }
    });
  }
});

suite('security: attack classes are flagged and never valid', function () {
  this.timeout(30_000);
  let clientSig: JWK;
  let brokerPub: JWK;
  let ring: KeyRing;
  const claims = { iss: 'demo-client', sub: 'demo-client', aud: 'https://demo.idura.broker', jti: 'j-1', iat: NOW, exp: NOW + 300 };
  /** The token as a client_assertion form field (so its kind is known to the rules). */
  const asAssertion = async (token: string) => (await analyzeText(`client_assertion_type=x&client_assertion=${token}`, { now: NOW, keys: ring })).tokens[0];

  suiteSetup(async () => {
    clientSig = JSON.parse(read('examples/demo-keys/client-sig.private.jwk.json')) as JWK;
    brokerPub = (JSON.parse(read('examples/demo-keys/broker-sig.public.jwks.json')) as { keys: JWK[] }).keys[0];
    ring = new KeyRing([...await importKeys(read('examples/demo-keys/client.public.jwks.json')), ...await importKeys(JSON.stringify(brokerPub))]);
  });

  test('alg confusion: HS256 keyed with the RSA public key (PEM, then JWK bytes) is JWT-HS-CONFUSION and not valid', async () => {
    const pem = await exportSPKI(await importJWK({ ...brokerPub, alg: 'RS256' }, 'RS256', { extractable: true }) as CryptoKey);
    for (const secret of [pem, JSON.stringify(brokerPub)]) {
      const token = await new CompactSign(new TextEncoder().encode(JSON.stringify(claims))).setProtectedHeader({ alg: 'HS256', kid: brokerPub.kid })
        .sign(new TextEncoder().encode(secret));
      const t = await asAssertion(token);
      assert.equal(t.signature?.status, 'no-key');
      assert.match(t.signature?.message ?? '', /RSA and EC public keys are never used as HMAC secrets/);
      assert.ok(rules(t).includes('JWT-HS-CONFUSION'));
    }
  });

  test('alg none and "None": JWT-NONE, unsigned, never valid', async () => {
    for (const alg of ['none', 'None']) {
      const t = await asAssertion(`${b64(JSON.stringify({ alg }))}.${b64(JSON.stringify(claims))}.`);
      assert.notEqual(t.signature?.status, 'valid');
      assert.ok(rules(t).includes('JWT-NONE'), `${alg}: ${rules(t)}`);
    }
  });

  test('stripped signature (header.payload.) on an RS256 token: invalid with a reason', async () => {
    const token = await signJws({ alg: 'RS256', kid: clientSig.kid }, claims, clientSig);
    const [t] = [await asAssertion(token.replace(/[^.]+$/, ''))];
    assert.equal(t.signature?.status, 'invalid');
    assert.ok(rules(t).includes('JWT-SIG'));
    assert.equal((await asAssertion(token)).signature?.status, 'valid', 'the untampered token verifies');
  });

  test('crit with an unknown name: JWT-CRIT and not valid, although the signature is genuine', async () => {
    // jose refuses to sign an unknown crit, so sign the JWS input directly with WebCrypto.
    const input = `${b64(JSON.stringify({ alg: 'RS256', kid: clientSig.kid, crit: ['x-unknown'], 'x-unknown': true }))}.${b64(JSON.stringify(claims))}`;
    const key = await importJWK({ ...clientSig, alg: 'RS256' }, 'RS256') as CryptoKey;
    const token = `${input}.${b64(new Uint8Array(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', key, new TextEncoder().encode(input))))}`;
    const t = await asAssertion(token);
    assert.notEqual(t.signature?.status, 'valid');
    assert.ok(rules(t).includes('JWT-CRIT'));
  });

  test('an embedded jwk that signs its own token: JWT-EMBEDDED-KEY, never trusted', async () => {
    for (const alg of ['ES256', 'RS256'] as const) {
      const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
      const jwk = await exportJWK(publicKey);
      const token = await new CompactSign(new TextEncoder().encode(JSON.stringify(claims))).setProtectedHeader({ alg, jwk }).sign(privateKey);
      const t = await asAssertion(token);
      assert.ok(t.signature?.status === 'no-key' || t.signature?.status === 'invalid', `${alg}: ${t.signature?.status}`);
      if (alg === 'ES256') assert.equal(t.signature?.message, 'the token embeds its own key in "jwk"; embedded keys are never trusted');
      assert.ok(rules(t).includes('JWT-EMBEDDED-KEY'));
    }
  });

  test('jku and x5u headers: JWT-EMBEDDED-KEY; verification uses only loaded keys', async () => {
    const token = await signJws({ alg: 'RS256', kid: clientSig.kid, jku: 'https://evil.example/jwks', x5u: 'https://evil.example/cert' }, claims, clientSig);
    const t = await asAssertion(token);
    assert.ok(rules(t).includes('JWT-EMBEDDED-KEY'));
    assert.equal(t.signature?.status, 'valid', 'signed by the registered client key: valid because of that key, not the URL');
    assert.equal(t.signature?.kid, clientSig.kid);
  });

  test('wrong-curve and invalid-curve EC keys never verify', async () => {
    const p256 = await generateKeyPair('ES256', { extractable: true });
    const token = await new CompactSign(new TextEncoder().encode(JSON.stringify(claims))).setProtectedHeader({ alg: 'ES256' }).sign(p256.privateKey);
    const p384 = await exportJWK((await generateKeyPair('ES384', { extractable: true })).publicKey);
    const wrong = await analyzeText(`client_assertion=${token}`, { now: NOW, keys: await ringOf(p384) });
    assert.equal(wrong.tokens[0].signature?.status, 'no-key');
    assert.match(wrong.tokens[0].signature?.message ?? '', /\(P-256\)/);
    // The genuine key with its y coordinate altered: a point off the curve.
    const good = await exportJWK(p256.publicKey);
    const offCurve = { ...good, y: b64(Uint8Array.from(Buffer.from(good.y!, 'base64url'), (x, i) => (i === 31 ? x ^ 1 : x))) };
    const bad = await analyzeText(`client_assertion=${token}`, { now: NOW, keys: await ringOf(offCurve) });
    assert.equal(bad.tokens[0].signature?.status, 'invalid');
    assert.ok(rules(bad.tokens[0]).includes('JWT-SIG'));
    assert.equal((await analyzeText(`client_assertion=${token}`, { now: NOW, keys: await ringOf(good) })).tokens[0].signature?.status, 'valid');
  });

  test('JWE with a modified IV, protected header (AAD) or truncated tag: failed with JWT-DECRYPT', async () => {
    const enc = JSON.parse(read('examples/demo-keys/client-enc.private.jwk.json')) as JWK;
    const { d, p, q, dp, dq, qi, ...pub } = enc;
    void [d, p, q, dp, dq, qi];
    const jwe = await new CompactEncrypt(new TextEncoder().encode('{"sub":"x"}')).setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: enc.kid })
      .encrypt(await importJWK({ ...pub, alg: 'RSA-OAEP-256' }, 'RSA-OAEP-256'));
    const encRing = await ringOf(enc);
    const parts = jwe.split('.');
    const variants = [
      flip(jwe, 2, 3),
      [b64(JSON.stringify({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: enc.kid, x: 1 })), ...parts.slice(1)].join('.'),
      [...parts.slice(0, 4), parts[4].slice(0, 10)].join('.'),
      [...parts.slice(0, 4), ''].join('.'),
    ];
    assert.equal((await analyzeText(jwe, { now: NOW, keys: encRing })).tokens[0].decryption?.status, 'decrypted');
    for (const v of variants) {
      const [t] = (await analyzeToken(v, { now: NOW, keys: encRing })).tokens;
      assert.notEqual(t.decryption?.status, 'decrypted', v.slice(-20));
      assert.equal(t.payload, null);
      assert.ok(rules(t).includes('JWT-DECRYPT') || rules(t).includes('JWT-FORMAT'), `${rules(t)}`);
    }
  });
});
