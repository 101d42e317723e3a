/**
 * Resource limits: hostile tokens and traces end in a finding or a clear failure, never a freeze or
 * unbounded memory. PBES2 p2c is capped (limits.maxPBES2Count, passed to jose), zip:DEF is inflated
 * only up to limits.maxDecompressedBytes, oversized tokens, headers and claims become JWT-FORMAT
 * findings, and HAR bodies over limits.maxHarBodyChars are skipped with a note.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CompactEncrypt, importJWK, type JWK } from 'jose';
import { analyzeHar, analyzeText, analyzeToken, decodeToken, DEFAULT_LIMITS, importKeys, KeyRing, type TokenReport } from '../../src/core';

const ROOT = path.resolve(__dirname, '../..');
const NOW = 1793613600;
const b64 = (s: string) => Buffer.from(s).toString('base64url');
const rules = (t: TokenReport) => t.findings.map((f) => `${f.rule}: ${f.message}`);
const PASSWORD = 'correct horse battery staple';

/** A PBES2-HS256+A128KW JWE of `{"sub":"x"}` under PASSWORD with the given p2c. */
async function pbes2Jwe(p2c: number): Promise<string> {
  return new CompactEncrypt(new TextEncoder().encode('{"sub":"x"}'))
    .setProtectedHeader({ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM' })
    .setKeyManagementParameters({ p2c, p2s: new Uint8Array(16).fill(7) })
    .encrypt(new TextEncoder().encode(PASSWORD));
}

suite('security: resource limits', function () {
  this.timeout(30_000);
  let pbes2Ring: KeyRing;
  let encRing: KeyRing;
  let encJwk: JWK;
  suiteSetup(async () => {
    const oct = await importKeys(JSON.stringify({ kty: 'oct', k: b64(PASSWORD) }));
    pbes2Ring = new KeyRing(oct);
    encJwk = JSON.parse(readFileSync(path.join(ROOT, 'examples/demo-keys/client-enc.private.jwk.json'), 'utf8')) as JWK;
    encRing = new KeyRing(await importKeys(JSON.stringify(encJwk)));
  });

  test('PBES2 "p2c" over limits.maxPBES2Count is refused before any key derivation, with JWT-PBES2', async () => {
    const jwe = await pbes2Jwe(20_000);
    const [t] = (await analyzeText(jwe, { now: NOW, keys: pbes2Ring })).tokens;
    assert.equal(t.decryption?.status, 'failed');
    assert.match(t.decryption?.message ?? '', /did not decrypt: JOSE Header "p2c" \(PBES2 Count\) out is of acceptable bounds$/);
    assert.ok(rules(t).includes('JWT-PBES2: "p2c" is 20000, above 10000: a denial-of-service risk (CVE-2022-36083 class)'));
    assert.equal(t.payload, null);
    // The cap, not the key, stopped it: with a higher cap the same token decrypts.
    const [ok] = (await analyzeText(jwe, { now: NOW, keys: pbes2Ring, limits: { maxPBES2Count: 30_000 } })).tokens;
    assert.equal(ok.decryption?.status, 'decrypted');
    assert.deepEqual(ok.payload, { sub: 'x' });
  });

  test('a forged "p2c" of 2^31 fails at once (the header is read before any PBKDF2 round)', async () => {
    const jwe = (await pbes2Jwe(1000)).split('.');
    const header = JSON.parse(Buffer.from(jwe[0], 'base64url').toString()) as Record<string, unknown>;
    jwe[0] = b64(JSON.stringify({ ...header, p2c: 2 ** 31 }));
    const [t] = (await analyzeText(jwe.join('.'), { now: NOW, keys: pbes2Ring })).tokens;
    assert.equal(t.decryption?.status, 'failed');
    assert.match(t.decryption?.message ?? '', /"p2c" \(PBES2 Count\) out is of acceptable bounds$/);
    assert.ok(rules(t).includes('JWT-PBES2: "p2c" is 2147483648, above 10000: a denial-of-service risk (CVE-2022-36083 class)'));
  });

  test('a zip:DEF bomb (10 MB of zeros) fails to decrypt at limits.maxDecompressedBytes; no plaintext kept', async () => {
    const { d, p, q, dp, dq, qi, ...pub } = encJwk;
    void [d, p, q, dp, dq, qi];
    const key = await importJWK({ ...pub, alg: 'RSA-OAEP-256' }, 'RSA-OAEP-256');
    const bomb = await new CompactEncrypt(new Uint8Array(10_000_000))
      .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A128GCM', zip: 'DEF', kid: encJwk.kid })
      .encrypt(key);
    assert.ok(bomb.length < 100_000, `the bomb is small: ${bomb.length} characters`);
    const [t] = (await analyzeText(bomb, { now: NOW, keys: encRing })).tokens;
    assert.equal(t.decryption?.status, 'failed');
    assert.equal(t.decryption?.message, `key "${encJwk.kid}" (kid match) did not decrypt: decompressed plaintext exceeded the configured limit`);
    assert.equal(t.payloadText, null);
    assert.ok(rules(t).some((r) => r.startsWith('JWT-DECRYPT: decryption failed')));
    assert.equal(DEFAULT_LIMITS.maxDecompressedBytes, 250_000);
    // A small compressed payload still decrypts: zip itself works, only the size is capped.
    const small = await new CompactEncrypt(new TextEncoder().encode('{"sub":"zipped"}'))
      .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A128GCM', zip: 'DEF', kid: encJwk.kid }).encrypt(key);
    const [s] = (await analyzeText(small, { now: NOW, keys: encRing })).tokens;
    assert.deepEqual(s.payload, { sub: 'zipped' });
  });

  test('a header of 100 000 members is a JWT-FORMAT finding (over maxHeaderBytes), not a parse', async () => {
    const members = Array.from({ length: 100_000 }, (_, i) => `"m${i}":1`).join(',');
    const token = `${b64(`{"alg":"none",${members}}`)}.${b64('{"sub":"x"}')}.`;
    const d = decodeToken(token);
    assert.ok('error' in d && d.error);
    assert.equal(d.error.code, 'ERR_TOO_LARGE');
    assert.match(d.error.message, /^header is \d+ bytes, over the limit of 16384$/);
    // As given (over maxTokenLength, 256 KiB) the size alone is reported; with a larger token limit the header limit still holds.
    const [t] = (await analyzeToken(token, { now: NOW })).tokens;
    assert.deepEqual(t.error, { code: 'ERR_TOO_LARGE', message: `token is ${token.length} characters, over the limit of 262144` });
    const [u] = (await analyzeToken(token, { now: NOW, limits: { maxTokenLength: 2_000_000 } })).tokens;
    assert.equal(u.error?.code, 'ERR_TOO_LARGE');
    assert.ok(rules(u).some((r) => /^JWT-FORMAT: header is \d+ bytes, over the limit of 16384$/.test(r)), rules(u).join('; '));
  });

  test('a header nested 10 000 deep is refused by the depth limit with JWT-FORMAT', async () => {
    const token = `${b64(`{"alg":"none","x":${'['.repeat(10_000)}${']'.repeat(10_000)}}`)}.${b64('{}')}.`;
    const [t] = (await analyzeToken(token, { now: NOW, limits: { maxHeaderBytes: 100_000 } })).tokens;
    assert.deepEqual(t.error, { code: 'ERR_JSON', message: 'header is not valid JSON: nesting deeper than 256 levels', segment: 'header' });
    assert.ok(rules(t).includes('JWT-FORMAT: header is not valid JSON: nesting deeper than 256 levels'));
  });

  test('claims nested 10 000 deep are not parsed: the decoder says why', () => {
    const token = `${b64('{"alg":"none"}')}.${b64(`${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`)}.`;
    const d = decodeToken(token);
    assert.ok(!('error' in d && d.error) && d.format === 'JWS');
    assert.equal((d as { payload: unknown }).payload, null);
    assert.deepEqual((d as { payloadError?: unknown }).payloadError, { code: 'ERR_JSON', message: 'payload is not valid JSON: nesting deeper than 256 levels', segment: 'payload' });
  });

  // Found here: the decoder's payloadError was dropped, so claims too deep to read gave no finding (fixed in inspect.ts).
  test('claims nested 10 000 deep give a JWT-FORMAT finding', async () => {
    const token = `${b64('{"alg":"none"}')}.${b64(`${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`)}.`;
    const [t] = (await analyzeText(token, { now: NOW })).tokens;
    assert.ok(rules(t).includes('JWT-FORMAT: payload is not valid JSON: nesting deeper than 256 levels'));
  });

  // Found here: a token over maxTokenLength was skipped without a word by analyzeText and decoded in
  // full by analyzeToken (fixed in inspect.ts and analyze.ts).
  test('a 5 MB token is a JWT-FORMAT finding (over maxTokenLength), pasted or given as an argument', async () => {
    const big = `${b64('{"alg":"none"}')}.${b64(JSON.stringify({ sub: 'x', pad: 'A'.repeat(3_750_000) }))}.`;
    for (const report of [await analyzeText(big, { now: NOW }), await analyzeToken(big, { now: NOW })]) {
      assert.equal(report.tokens.length, 1);
      const [t] = report.tokens;
      assert.deepEqual(t.error, { code: 'ERR_TOO_LARGE', message: `token is ${big.length} characters, over the limit of 262144` });
      assert.ok(rules(t).includes(`JWT-FORMAT: token is ${big.length} characters, over the limit of 262144`));
      assert.equal(t.payload, null);
    }
  });

  test('a HAR body over limits.maxHarBodyChars is skipped with a note and HAR-BODY-SKIPPED', async () => {
    const token = readFileSync(path.join(ROOT, 'test/fixtures/ftn/access-token.jwt'), 'utf8').trim();
    const text = `${'x'.repeat(1000)} ${token}`;
    const har = JSON.stringify({ log: { entries: [{ startedDateTime: '2026-11-02T10:00:00.000Z', request: { method: 'GET', url: 'https://x.example/' },
      response: { status: 200, content: { mimeType: 'text/plain', text } } }] } });
    const r = await analyzeHar(har, { now: NOW, limits: { maxHarBodyChars: 1000 } });
    const note = `entry 0 response: body of ${text.length} characters is over the limit of 1000: skipped`;
    assert.equal(r.tokens.length, 0);
    assert.deepEqual(r.notes, [note]);
    assert.deepEqual(r.findings, [{ rule: 'HAR-BODY-SKIPPED', severity: 'info', message: note, reason: 'info', source: 'limits.maxHarBodyChars' }]);
    assert.equal((await analyzeHar(har, { now: NOW })).tokens.length, 1, 'under the default limit the token is found');
  });
});
