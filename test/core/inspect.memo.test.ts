import assert from 'node:assert/strict';
import { CompactEncrypt, CompactSign, exportJWK, generateKeyPair } from 'jose';
import { analyzeText } from '../../src/core/analyze';
import { analyzeHar } from '../../src/core/har/har.analyze';
import { importKeys } from '../../src/core/keys/key.import';
import { KeyRing } from '../../src/core/keys/key.ring';

const NOW = 1793613600;

/** A ring that counts how often a key is asked for (one call per decrypt or verify attempt). */
class CountingRing extends KeyRing {
  calls = 0;
  override cryptoKey(thumbprint: string, alg: string, half: 'private' | 'public') {
    this.calls++;
    return super.cryptoKey(thumbprint, alg, half);
  }
}

async function nested(): Promise<{ token: string; ring: () => Promise<CountingRing> }> {
  const sig = await generateKeyPair('ES256', { extractable: true });
  const encKeys = await generateKeyPair('ECDH-ES+A256KW', { extractable: true });
  const payload = { iss: 'https://rp.example.com', sub: 'x', aud: 'client-1', iat: NOW - 10, exp: NOW + 300, nonce: 'n-1' };
  const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: 'ES256', kid: 'sig-1', typ: 'JWT' }).sign(sig.privateKey);
  const token = await new CompactEncrypt(new TextEncoder().encode(jws)).setProtectedHeader({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM', kid: 'enc-1', cty: 'JWT' }).encrypt(encKeys.publicKey);
  const sigJwk = { ...await exportJWK(sig.publicKey), kid: 'sig-1', use: 'sig' };
  const encJwk = { ...await exportJWK(encKeys.privateKey), kid: 'enc-1', use: 'enc' };
  const ring = async () => new CountingRing([...await importKeys(JSON.stringify(sigJwk)), ...await importKeys(JSON.stringify(encJwk))]);
  return { token, ring };
}

function har(token: string): string {
  const entry = (i: number) => ({
    startedDateTime: new Date((NOW + i) * 1000).toISOString(), time: 1,
    request: { method: 'GET', url: `https://app.example.com/api/${i}`, httpVersion: 'HTTP/1.1', headers: [{ name: 'Authorization', value: `Bearer ${token}` }], cookies: [], queryString: [], headersSize: -1, bodySize: 0 },
    response: { status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', headers: [], cookies: [], content: { size: 0, mimeType: 'text/plain' }, redirectURL: '', headersSize: -1, bodySize: 0 },
    cache: {}, timings: { send: 0, wait: 1, receive: 0 },
  });
  return JSON.stringify({ log: { version: '1.2', creator: { name: 't', version: '1' }, entries: [entry(0), entry(1), entry(2)] } }, null, 1);
}

suite('inspect cache: a token repeated in one analysis is decrypted and verified once', () => {
  let t: Awaited<ReturnType<typeof nested>>;
  suiteSetup(async () => { t = await nested(); });

  test('analyzeText: the second occurrence asks the ring for no key; the reports share no objects', async () => {
    const once = await t.ring(), twice = await t.ring();
    const r1 = await analyzeText(`a ${t.token}\n`, { keys: once, now: NOW });
    const r2 = await analyzeText(`a ${t.token}\nb ${t.token}\n`, { keys: twice, now: NOW });
    assert.equal(once.calls, 2);
    assert.equal(twice.calls, 2);
    const [a, b] = r2.tokens;
    assert.equal(a.decryption?.status, 'decrypted');
    assert.equal(b.signature?.status, 'valid');
    assert.deepEqual(r1.tokens[0], a);
    assert.deepEqual([a.location.line, b.location.line, b.nested?.location.line], [1, 2, 2]);
    for (const k of ['header', 'payload', 'decryption', 'signature', 'nested', 'findings', 'location'] as const) {
      assert.notEqual(a[k], b[k], k);
    }
    assert.notEqual(a.nested?.header, b.nested?.header);
    (a.payload as Record<string, unknown>).sub = 'changed';
    assert.equal(b.payload?.sub, 'x');
    assert.equal(b.nested?.payload?.sub, 'x');
  });

  test('analyzeHar: three entries with the same token cost one decrypt and one verify; a new call starts afresh', async () => {
    const ring = await t.ring();
    const report = await analyzeHar(har(t.token), { keys: ring, now: NOW });
    assert.equal(report.tokens.length, 3);
    assert.equal(ring.calls, 2);
    assert.deepEqual(report.tokens.map((x) => [x.location.har?.entry, x.decryption?.status, x.signature?.status]), [[0, 'decrypted', 'valid'], [1, 'decrypted', 'valid'], [2, 'decrypted', 'valid']]);
    assert.notEqual(report.tokens[0].payload, report.tokens[1].payload);
    await analyzeHar(har(t.token), { keys: ring, now: NOW });
    assert.equal(ring.calls, 4);
  });
});
