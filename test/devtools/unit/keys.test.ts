import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PanelKeys, STORE_KEYS, STORE_PERSIST } from '../../../src/devtools/keys';
import { memoryStorageArea } from '../../../src/devtools/storage';

const demo = (f: string) => readFileSync(path.resolve(__dirname, '../../../examples/demo-keys', f), 'utf8');

suite('devtools keys', function () {
  suiteSetup(function () {
    try { demo('client-enc.private.jwk.json'); } catch { this.skip(); }
  });

  test('keys live in memory only until the opt-in; the opt-in writes them, the opt-out deletes them', async () => {
    const store = memoryStorageArea();
    let changes = 0;
    const keys = new PanelKeys(store, () => changes++);
    const added = await keys.import(demo('client-enc.private.jwk.json'));
    assert.equal(added.length, 1);
    assert.equal(added[0].private, true);
    assert.equal(keys.ring.size, 1);
    assert.deepEqual(store.data, {});
    await keys.setPersist(true);
    assert.equal(store.data[STORE_PERSIST], true);
    assert.equal((store.data[STORE_KEYS] as unknown[]).length, 1);
    await keys.import(demo('broker-sig.public.jwks.json'));
    assert.equal((store.data[STORE_KEYS] as unknown[]).length, 2);
    await keys.setPersist(false);
    assert.deepEqual(store.data, { [STORE_PERSIST]: false });
    assert.equal(keys.ring.size, 2, 'opting out keeps the session keys');
    assert.equal(changes, 2);
  });

  test('restore() brings kept keys back only when the opt-in is on, and skips unreadable entries', async () => {
    const jwk = JSON.parse(demo('client-enc.private.jwk.json'));
    const kept = [{ jwk, source: 'JWK (client-enc.private.jwk.json)' }, { jwk: { kty: 'nope' }, source: 'bad' }, 'junk'];
    const on = new PanelKeys(memoryStorageArea({ [STORE_PERSIST]: true, [STORE_KEYS]: kept }));
    await on.restore();
    assert.deepEqual(on.list().map((k) => [k.kid, k.private, k.source]), [[jwk.kid, true, 'JWK (client-enc.private.jwk.json)']]);
    const off = new PanelKeys(memoryStorageArea({ [STORE_PERSIST]: false, [STORE_KEYS]: kept }));
    await off.restore();
    assert.equal(off.ring.size, 0);
  });

  test('clear() forgets every key and the stored copy; a bad key is refused with the core message', async () => {
    const store = memoryStorageArea();
    const keys = new PanelKeys(store);
    await keys.setPersist(true);
    await keys.import(demo('client-enc.private.jwk.json'));
    await keys.clear();
    assert.equal(keys.ring.size, 0);
    assert.equal(store.data[STORE_KEYS], undefined);
    await assert.rejects(keys.import('hello'), { message: 'not a JWK, JWKS or PEM: input starts with "hello"' });
  });
});
