/**
 * Real tokens for the bench inputs, built with the fixture builders (scripts/fixtures/tokens.ts) and the
 * demo keys (examples/demo-keys), cached in bench/.data so the RSA work is done once per seed.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { JWK } from 'jose';
import { loadDemoKeys, newRsaJwk } from '../scripts/fixtures/keys';
import { accessToken, clientAssertion, idToken, logoutToken, requestObject, userinfo } from '../scripts/fixtures/tokens';
import { DATA_DIR, cached } from './data';
import { rng } from './prng';

/** The capture instant of generated data (2026-11-02T10:00:00Z, as the fixtures). */
export const BENCH_NOW = Date.UTC(2026, 10, 2, 10, 0, 0) / 1000;

async function cachedJson<T>(name: string, build: () => Promise<T>): Promise<T> {
  const file = cached(name);
  if (file) return JSON.parse(readFileSync(file, 'utf8')) as T;
  const value = await build();
  mkdirSync(DATA_DIR, { recursive: true });
  writeFileSync(path.join(DATA_DIR, name), JSON.stringify(value));
  return value;
}

/** `n` real tokens of every kind (nested JWE ID tokens and userinfo, access tokens, assertions, request objects, logout tokens). */
export function tokenPool(seed: number, n = 240): Promise<string[]> {
  return cachedJson(`tokens-${seed}-${n}.json`, async () => {
    const keys = loadDemoKeys();
    const r = rng(seed);
    const builders = [idToken, userinfo, accessToken, clientAssertion, requestObject, logoutToken];
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(await builders[i % builders.length](keys, { now: BENCH_NOW - r.int(86400) }));
    return out;
  });
}

/** `n` nested FTN ID tokens (RS256 JWS in an RSA-OAEP-256 JWE), each distinct. */
export function idTokens(seed: number, n: number): Promise<string[]> {
  return cachedJson(`idtokens-${seed}-${n}.json`, async () => {
    const keys = loadDemoKeys();
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(await idToken(keys, { now: BENCH_NOW + i }));
    return out;
  });
}

/** `n` decoy RSA private keys (half enc, half sig), each with its own kid. */
export function decoyKeys(n: number): Promise<JWK[]> {
  return cachedJson(`decoy-keys-${n}.json`, async () => {
    const out: JWK[] = [];
    for (let i = 0; i < n; i++) out.push(await newRsaJwk(i % 2 ? 'sig' : 'enc', i % 2 ? 'RS256' : 'RSA-OAEP-256'));
    return out;
  });
}
