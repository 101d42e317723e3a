/** inspectToken(): the pipeline on real tokens from the fixture builders, with real jose crypto. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { exportJWK, generateKeyPair } from 'jose';
import { importKeys, inspectToken, KeyRing, type AnalyzeOptions, type Location, type TokenContext } from '../../src/core';
import { loadDemoKeys, type DemoKeys } from '../../scripts/fixtures/keys';
import { DEMO, accessToken, clientAssertion, encryptJwe, logoutToken, requestObject, userinfo } from '../../scripts/fixtures/tokens';

const FIX = path.resolve(__dirname, '../fixtures/ftn');
const NOW = 1793613600; // 2026-11-02T10:00:00Z, the fixtures' reference time
const fixture = (name: string) => readFileSync(path.join(FIX, name), 'utf8').trim();
const loc = (length: number): Location => ({ file: 'x.txt', line: 3, column: 7, offset: 42, length });
const text: TokenContext = { container: 'text' };

suite('inspectToken', () => {
  let keys: DemoKeys;
  let ring: KeyRing;
  let opts: AnalyzeOptions;

  suiteSetup(async () => {
    keys = loadDemoKeys();
    const read = (f: string) => readFileSync(path.resolve(__dirname, '../../examples/demo-keys', f), 'utf8');
    // Public JWKS first: a key added again with the same thumbprint replaces the earlier entry.
    ring = new KeyRing([
      ...(await importKeys(read('broker-sig.public.jwks.json'))),
      ...(await importKeys(read('client.public.jwks.json'))),
      ...(await importKeys(read('client-enc.private.jwk.json'))),
    ]);
    opts = { now: NOW, skew: 60, keys: ring, clientId: DEMO.clientId };
  });

  test('decrypts the ID token fixture and verifies its nested signature', async () => {
    const raw = fixture('id-token.jwe');
    const t = await inspectToken(raw, { location: loc(raw.length), context: { container: 'json', name: 'id_token' } }, opts);
    assert.equal(t.format, 'JWE');
    assert.equal(t.serialization, 'compact');
    assert.deepEqual(t.location, loc(raw.length));
    assert.equal(t.raw, raw);
    assert.deepEqual(t.header, { alg: 'RSA-OAEP-256', enc: 'A128CBC-HS256', cty: 'JWT', kid: keys.clientEnc.kid });
    assert.deepEqual(t.decryption, { status: 'decrypted', kid: keys.clientEnc.kid, thumbprint: keys.clientEnc.kid });
    assert.deepEqual(t.signature, { status: 'valid', kid: keys.brokerSig.kid, thumbprint: keys.brokerSig.kid });
    assert.equal(t.nested?.format, 'JWS');
    assert.deepEqual(t.nested?.header, { alg: 'RS256', typ: 'JWT', kid: keys.brokerSig.kid });
    assert.deepEqual(t.nested?.signature, t.signature);
    assert.equal(t.nested?.decryption, null);
    assert.deepEqual(t.payload, t.nested?.payload);
    assert.equal(t.payload?.hetu, '131052-308T');
    assert.equal(t.payload?.nonce, DEMO.nonce);
    assert.equal(t.payloadText, JSON.stringify(t.payload));
    assert.equal(t.kind, 'id_token');
    assert.equal(t.kindReason, 'JSON key "id_token"');
    assert.equal(t.profile, 'idura');
    assert.deepEqual(t.findings, []);
  });

  test('classifies an ID token by its claims when the place says nothing', async () => {
    const raw = fixture('id-token.jwe');
    const t = await inspectToken(raw, { location: loc(raw.length), context: text }, opts);
    assert.equal(t.kind, 'id_token');
    assert.equal(t.kindReason, 'claims nonce, auth_time, acr');
  });

  test('with a wrong key: decryption failed, payload hidden, JWT-DECRYPT', async () => {
    const { privateKey } = await generateKeyPair('RSA-OAEP-256', { extractable: true });
    const wrong = new KeyRing(await importKeys(JSON.stringify({ ...(await exportJWK(privateKey)), use: 'enc' })));
    const raw = fixture('id-token.jwe');
    const t = await inspectToken(raw, { location: loc(raw.length), context: { container: 'json', name: 'id_token' } }, { ...opts, keys: wrong });
    assert.equal(t.decryption?.status, 'failed');
    const tp = wrong.list()[0].thumbprint;
    assert.equal(t.decryption?.message, `key "${tp}" did not decrypt: decryption operation failed — wrong key or corrupted ciphertext`);
    assert.equal(t.payload, null);
    assert.equal(t.payloadText, null);
    assert.equal(t.nested, null);
    assert.equal(t.signature, null);
    assert.deepEqual(t.findings.map((f) => [f.rule, f.severity]), [['JWT-DECRYPT', 'error'], ['JWT-PAYLOAD-HIDDEN', 'info']]);
  });

  test('without keys: no-key, kind from the place, only header rules', async () => {
    const raw = fixture('id-token.jwe');
    const t = await inspectToken(raw, { location: loc(raw.length), context: { container: 'json', name: 'id_token' } }, { now: NOW });
    assert.deepEqual(t.decryption, { status: 'no-key', message: 'no key loaded' });
    assert.equal(t.kind, 'id_token');
    assert.equal(t.payload, null);
    assert.deepEqual(t.findings.map((f) => f.rule), ['JWT-PAYLOAD-HIDDEN']);
  });

  test('a JWE of plain JSON (encrypted, not signed): claims readable, no nested layer, no signature', async () => {
    const json = JSON.stringify({ sub: DEMO.sub, given_name: DEMO.givenName });
    const raw = await encryptJwe(json, { alg: 'RSA-OAEP-256', enc: 'A128CBC-HS256', kid: keys.clientEnc.kid }, keys.clientEnc);
    const t = await inspectToken(raw, { location: loc(raw.length), context: text }, opts);
    assert.equal(t.decryption?.status, 'decrypted');
    assert.equal(t.nested, null);
    assert.equal(t.signature, null);
    assert.equal(t.payloadText, json);
    assert.deepEqual(t.payload, { sub: DEMO.sub, given_name: DEMO.givenName });
  });

  test('a JWS whose payload was altered is invalid (JWT-SIG)', async () => {
    const [h, , sig] = fixture('client-assertion.jwt').split('.');
    const forged = Buffer.from(JSON.stringify({ iss: DEMO.clientId, sub: DEMO.clientId, aud: DEMO.issuer, jti: 'x', iat: NOW, exp: NOW + 60 })).toString('base64url');
    const raw = `${h}.${forged}.${sig}`;
    const t = await inspectToken(raw, { location: loc(raw.length), context: { container: 'form', name: 'client_assertion' } }, opts);
    assert.equal(t.signature?.status, 'invalid');
    assert.equal(t.payload?.jti, 'x');
    assert.deepEqual(t.findings.filter((f) => f.severity === 'error').map((f) => f.rule), ['JWT-SIG']);
  });

  test('a token that does not decode becomes an error and a JWT-FORMAT finding', async () => {
    const raw = 'eyJhbGciOiJSUzI1NiJ9.e30.@@@';
    const t = await inspectToken(raw, { location: loc(raw.length), context: text }, opts);
    assert.equal(t.error?.code, 'ERR_BASE64URL');
    assert.equal(t.format, 'JWS');
    assert.equal(t.kind, 'unknown');
    const formats = t.findings.filter((f) => f.rule === 'JWT-FORMAT');
    assert.equal(formats.length, 1);
    assert.equal(formats[0].message, t.error?.message);
    assert.equal(formats[0].severity, 'error');
  });

  test('a five-segment token that does not decode is reported as a JWE', async () => {
    const raw = 'eyJhbGciOiJSU0EtT0FFUCJ9.a.b.c.d';
    const t = await inspectToken(raw, { location: loc(raw.length), context: text }, opts);
    assert.equal(t.format, 'JWE');
    assert.equal(t.error?.code, 'ERR_MISSING_ENC');
    assert.deepEqual(t.header, { alg: 'RSA-OAEP' });
    assert.deepEqual(t.findings.map((f) => f.rule), ['JWT-FORMAT', 'JWT-PAYLOAD-HIDDEN']);
  });

  test('every builder yields its kind from its place', async () => {
    const cases: [string, TokenContext, 'client_assertion' | 'request_object' | 'access_token' | 'logout_token' | 'userinfo'][] = [
      [await clientAssertion(keys, { now: NOW }), { container: 'form', name: 'client_assertion' }, 'client_assertion'],
      [await requestObject(keys, { now: NOW }), { container: 'query', name: 'request' }, 'request_object'],
      [await accessToken(keys, { now: NOW }), { container: 'bearer' }, 'access_token'],
      [await logoutToken(keys, { now: NOW }), { container: 'form', name: 'logout_token' }, 'logout_token'],
    ];
    for (const [raw, context, kind] of cases) {
      const t = await inspectToken(raw, { location: loc(raw.length), context }, opts);
      assert.equal(t.kind, kind, `${kind}: ${t.kindReason}`);
      assert.equal(t.signature?.status, 'valid', kind);
    }
    const ui = await userinfo(keys, { now: NOW });
    const t = await inspectToken(ui, { location: loc(ui.length), context: { container: 'body', name: 'body' }, request: { url: DEMO.userinfoEndpoint, method: 'GET', time: NOW } }, opts);
    assert.equal(t.kind, 'userinfo');
    assert.equal(t.kindReason, 'userinfo response body');
    assert.equal(t.decryption?.status, 'decrypted');
    assert.equal(t.signature?.status, 'valid');
  });

  test('violating fixtures raise their rules; disabled rules are dropped', async () => {
    const expired = fixture('client-assertion-expired.jwt');
    const where = { location: loc(expired.length), context: { container: 'form', name: 'client_assertion' } as TokenContext };
    const t = await inspectToken(expired, where, opts);
    assert.deepEqual(t.findings.filter((f) => f.severity === 'error').map((f) => f.rule), ['FTN-CA-EXP-PAST']);
    const off = await inspectToken(expired, where, { ...opts, disabledRules: ['FTN-CA-EXP-PAST'] });
    assert.ok(!off.findings.some((f) => f.rule === 'FTN-CA-EXP-PAST'));
    const none = await inspectToken(fixture('client-assertion-alg-none.jwt'), where, opts);
    assert.deepEqual(none.signature, { status: 'unsigned', message: '"alg" is "none": the token is not signed' });
    assert.ok(none.findings.some((f) => f.rule === 'JWT-NONE'));
    assert.ok(none.findings.some((f) => f.rule === 'FTN-CA-ALG-NONE'));
    const hetu = fixture('id-token-jws-hetu.jwt');
    const h = await inspectToken(hetu, { location: loc(hetu.length), context: { container: 'json', name: 'id_token' } }, opts);
    assert.deepEqual(h.findings.map((f) => f.rule), ['FTN-IDT-JWE']);
  });

  test('the request time, not now, is the reference for a token in a request', async () => {
    const raw = fixture('client-assertion.jwt'); // exp = NOW + 300
    const where = { location: loc(raw.length), context: { container: 'form', name: 'client_assertion' } as TokenContext };
    const later = await inspectToken(raw, { ...where, request: { method: 'POST', url: DEMO.tokenEndpoint, time: NOW + 900 } }, opts);
    assert.ok(later.findings.some((f) => f.rule === 'FTN-CA-EXP-PAST'));
    const inTime = await inspectToken(raw, { ...where, request: { method: 'POST', url: DEMO.tokenEndpoint, time: NOW + 10 } }, { ...opts, now: NOW + 900 });
    assert.ok(!inTime.findings.some((f) => f.rule === 'FTN-CA-EXP-PAST'));
  });

  test('the profile: forced, else from iss or aud, else generic FTN', async () => {
    const raw = fixture('client-assertion.jwt');
    const where = { location: loc(raw.length), context: text };
    assert.equal((await inspectToken(raw, where, opts)).profile, 'idura'); // aud is the Idura issuer
    assert.equal((await inspectToken(raw, where, { ...opts, profile: 'telia' })).profile, 'telia');
    const other = await clientAssertion(keys, { now: NOW, claims: { aud: 'https://login.example.org/token' } });
    assert.equal((await inspectToken(other, { location: loc(other.length), context: text }, opts)).profile, 'ftn');
  });
});
