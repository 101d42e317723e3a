/** Shared helpers of the HAR tests: the committed fixtures and a key ring of the demo keys. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importKeys } from '../../../src/core/keys/key.import';
import { KeyRing } from '../../../src/core/keys/key.ring';

export const ROOT = path.resolve(__dirname, '../../..');
/** Capture instant of every fixture HAR (scripts/fixtures/har.ts HAR_NOW). */
export const HAR_NOW = Date.UTC(2026, 10, 2, 10, 0, 0) / 1000;

/** Text of a fixture in test/fixtures/har/. */
export function fixture(name: string): string {
  return readFileSync(path.join(ROOT, 'test/fixtures/har', name), 'utf8');
}

/** Text of the sample trace. */
export function example(): string {
  return readFileSync(path.join(ROOT, 'examples/ftn-login.har'), 'utf8');
}

let ring: Promise<KeyRing> | undefined;
/** Client enc private key, broker and client signature public keys. */
export function demoRing(): Promise<KeyRing> {
  ring ??= (async () => {
    const read = (f: string) => readFileSync(path.join(ROOT, 'examples/demo-keys', f), 'utf8');
    const clientPub = (await importKeys(read('client.public.jwks.json'))).filter((k) => k.description.use === 'sig');
    return new KeyRing([...await importKeys(read('client-enc.private.jwk.json')), ...await importKeys(read('broker-sig.public.jwks.json')), ...clientPub]);
  })();
  return ring;
}
