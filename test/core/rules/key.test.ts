import assert from 'node:assert/strict';
import { judgeKeySet } from '../../../src/core/rules/rules.key';
import { judgeToken } from '../../../src/core/rules/engine';
import { x5cRsaBits } from '../../../src/core/rules/rules.embedded';
import { cleanJwks, cleanAssertion, modulus, report, ctxOf, NOW } from './fixtures';
import { KEY_CASES } from './cases.key';

const lines = (fs: ReturnType<typeof judgeKeySet>, rule?: string) => fs.filter((f) => !rule || f.rule === rule).map((f) => `${f.rule} ${f.severity}: ${f.message}`);

suite('rules: FTN-KEY-*', () => {
  test('a clean JWKS passes every key rule, in every profile', () => {
    for (const profile of ['idura', 'telia', 'op', 'signicat', 'ftn'] as const) assert.deepEqual(judgeKeySet(cleanJwks(), { profile }), []);
    assert.deepEqual(judgeKeySet({ jwks: cleanJwks() }, { profile: 'idura' }), []);
  });

  for (const [rule, name, mut, profile, want] of KEY_CASES) {
    test(`${rule}: ${name}`, () => {
      assert.deepEqual(lines(judgeKeySet(cleanJwks(), { profile }), rule), []);
      assert.ok(lines(judgeKeySet(mut(cleanJwks()), { profile }), rule).includes(want), JSON.stringify(lines(judgeKeySet(mut(cleanJwks()), { profile }))));
      assert.deepEqual(lines(judgeKeySet(mut(cleanJwks()), { profile, disabledRules: [rule] }), rule), []);
    });
  }

  test('the generic profile runs no FTN-KEY rule', () => {
    const j = cleanJwks();
    j.keys[0].n = modulus(1024);
    assert.deepEqual(judgeKeySet(j, { profile: 'generic' }), []);
  });

  test('a 1024-bit RSA jwk embedded in a header: FTN-KEY-RSA2048 and JWT-EMBEDDED-KEY', () => {
    const { token, ctx } = cleanAssertion();
    token.header!.jwk = { kty: 'RSA', n: modulus(1024), e: 'AQAB' };
    assert.deepEqual(judgeToken(token, ctx).map((f) => `${f.rule} ${f.severity}: ${f.message}`), [
      'JWT-EMBEDDED-KEY warning: the header carries "jwk": never trust a key the token brings; FTN keys are pre-registered',
      'FTN-KEY-RSA2048 error: "jwk" in the header is RSA 1024 bits; at least 2048 are required',
    ]);
  });

  test('x5c: RSA key size from real DER (WebCrypto-generated 1024- and 2048-bit keys)', async () => {
    const der = async (bits: number) => {
      const kp = await crypto.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: bits, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['sign', 'verify']);
      return btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.exportKey('spki', kp.publicKey))));
    };
    const small = await der(1024), big = await der(2048);
    assert.equal(x5cRsaBits(small), 1024);
    assert.equal(x5cRsaBits(big), 2048);
    assert.equal(x5cRsaBits('not base64!'), undefined);
    const { token, ctx } = cleanAssertion();
    token.header!.x5c = [small];
    assert.deepEqual(judgeToken(token, ctx).filter((f) => f.rule === 'FTN-KEY-RSA2048').map((f) => f.message), ['"x5c" certificate in the header holds an RSA 1024-bit key; at least 2048 are required']);
    token.header!.x5c = [big];
    assert.deepEqual(judgeToken(token, ctx).map((f) => f.rule), ['JWT-EMBEDDED-KEY']);
  });

  suite('FTN-KEY-ES', () => {
    const es = (payload: Record<string, unknown>, kid = 'sig-1') =>
      report({ header: { alg: 'RS256', kid, typ: 'entity-statement+jwt' }, payload });
    const good = () => ({ iss: 'https://rp.example', sub: 'https://rp.example', iat: NOW, exp: NOW + 86000, jwks: cleanJwks() });
    const ctx = ctxOf('unknown', 'op');
    test('a clean entity statement passes', () => {
      assert.deepEqual(judgeToken(es(good()), ctx), []);
    });
    test('iss ≠ sub, foreign kid, expired, missing jwks', () => {
      const msgs = (p: Record<string, unknown>, kid?: string) => judgeToken(es(p, kid), ctx).filter((f) => f.rule === 'FTN-KEY-ES').map((f) => `${f.severity}: ${f.message}`);
      assert.deepEqual(msgs({ ...good(), sub: 'https://x.example' }), ['error: entity statement "iss" is "https://rp.example" but "sub" is "https://x.example"; a self-signed entity statement has iss = sub']);
      assert.deepEqual(msgs(good(), 'other'), ['error: entity statement is signed with "kid" "other", which is not in its own "jwks"']);
      assert.deepEqual(msgs({ ...good(), exp: NOW - 100 }), ['error: entity statement "exp" is 1699999900: expired 100 s before the reference time']);
      const p = good() as Record<string, unknown>;
      delete p.jwks;
      assert.deepEqual(msgs(p), ['error: entity statement lacks "jwks"']);
    });
    test('the keys of a signed JWKS are judged too', () => {
      const jwks = cleanJwks();
      jwks.keys[1].n = modulus(1024, 2);
      const t = report({ header: { alg: 'RS256', kid: 'sig-1', typ: 'jwk-set+jwt' }, payload: { keys: jwks.keys, iss: 'https://rp.example', iat: NOW, exp: NOW + 3600 } });
      assert.deepEqual(judgeToken(t, ctx).map((f) => `${f.rule}: ${f.message}`), ['FTN-KEY-RSA2048: signed JWK set "keys" key 1 (kid "enc-1") is RSA 1024 bits; at least 2048 are required']);
    });
  });
});
