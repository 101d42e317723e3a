import assert from 'node:assert/strict';
import { exportJWK, generateKeyPair } from 'jose';
import { importKeys } from '../../../src/core/keys/key.import';
import { KeyRing } from '../../../src/core/keys/key.ring';
import { selectCandidates, type KeyNeed } from '../../../src/core/keys/key.select';
import type { ImportedKey } from '../../../src/core/keys/key.types';

const SIG: KeyNeed = { ktys: ['EC'], crv: 'P-256', needPrivate: false, use: 'sig' };

async function ecKey(extra: Record<string, string>, priv = false): Promise<ImportedKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(priv ? privateKey : publicKey);
  return (await importKeys(JSON.stringify({ ...jwk, ...extra })))[0];
}

const names = (ring: KeyRing, kid: unknown) => selectCandidates(ring, kid, SIG, 'ES256').map((c) => `${c.key.kid}${c.kidMatch ? '*' : ''}`);

suite('selectCandidates', () => {
  let plain: ImportedKey, withAlg: ImportedKey, withUse: ImportedKey, otherAlg: ImportedKey, rsaLike: ImportedKey;
  suiteSetup(async () => {
    plain = await ecKey({ kid: 'plain' });
    withAlg = await ecKey({ kid: 'alg', alg: 'ES256' });
    withUse = await ecKey({ kid: 'use', use: 'sig' });
    otherAlg = await ecKey({ kid: 'other', alg: 'ES384' });
    rsaLike = await ecKey({ kid: 'enc', use: 'enc' }, true);
  });

  test('kid matches first, then declared alg, declared use, no declaration, other declarations', () => {
    const ring = new KeyRing([plain, otherAlg, withUse, rsaLike, withAlg]);
    assert.deepEqual(names(ring, undefined), ['alg', 'use', 'plain', 'enc', 'other']);
    assert.deepEqual(names(ring, 'plain'), ['plain*', 'alg', 'use', 'enc', 'other']);
    assert.deepEqual(names(ring, 'other'), ['other*', 'alg', 'use', 'plain', 'enc']);
    assert.deepEqual(names(ring, 'nobody'), ['alg', 'use', 'plain', 'enc', 'other']);
  });

  test('two keys with the same kid are both kid matches, ranked among themselves', () => {
    const twin = { ...withAlg, description: { ...withAlg.description, kid: 'plain' } };
    const ring = new KeyRing([plain, withUse, twin]);
    assert.deepEqual(names(ring, 'plain'), ['plain*', 'plain*', 'use']);
    assert.equal(selectCandidates(ring, 'plain', SIG, 'ES256')[0].key.alg, 'ES256');
  });

  test('the ranked list follows add and remove; a returned array is the caller\'s own', () => {
    const ring = new KeyRing([plain]);
    const first = selectCandidates(ring, undefined, SIG, 'ES256');
    first.length = 0;
    assert.deepEqual(names(ring, undefined), ['plain']);
    ring.add([withAlg]);
    assert.deepEqual(names(ring, 'plain'), ['plain*', 'alg']);
    assert.equal(ring.remove(plain.description.thumbprint), true);
    assert.deepEqual(names(ring, 'plain'), ['alg']);
    assert.deepEqual(selectCandidates(ring, 'alg', { ...SIG, needPrivate: true }, 'ES256'), []);
  });
});
