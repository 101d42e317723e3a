/** Key rings for the bench: the demo keys as the CLI would load them, plus decoys. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { JWK } from 'jose';
import { importKeys, KeyRing, type ImportedKey } from '../src/core';

const DIR = path.resolve(__dirname, '../examples/demo-keys');

/** The client's private enc key, the broker's public signing JWKS and the client's public JWKS. */
export async function demoKeys(): Promise<ImportedKey[]> {
  const read = (f: string) => readFileSync(path.join(DIR, f), 'utf8');
  return [
    ...await importKeys(read('client-enc.private.jwk.json'), { name: 'client-enc' }),
    ...await importKeys(read('broker-sig.public.jwks.json'), { name: 'broker-sig' }),
  ];
}

/** A ring of the demo keys. */
export async function demoRing(): Promise<KeyRing> {
  return new KeyRing(await demoKeys());
}

/** Imports JWKs (decoys) as ring keys. */
export async function importJwks(jwks: JWK[]): Promise<ImportedKey[]> {
  return importKeys(JSON.stringify({ keys: jwks }), { name: 'decoys' });
}
