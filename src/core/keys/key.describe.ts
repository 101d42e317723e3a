/** describeKey(): what may be shown of a key (never private material). */
import { base64url, calculateJwkThumbprint, type JWK } from 'jose';
import { KeyImportError } from '../errors';
import type { KeyDescription } from './key.types';

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;
const CURVE_BITS: Record<string, number> = { 'P-256': 256, 'P-384': 384, 'P-521': 521, Ed25519: 256, X25519: 256, Ed448: 456, X448: 448 };
/** Members holding key material as base64url (RFC 7518 §6). */
const MATERIAL = ['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi', 'x', 'y', 'k'] as const;
const REQUIRED: Record<string, string[]> = { RSA: ['n', 'e'], EC: ['crv', 'x', 'y'], OKP: ['crv', 'x'], oct: ['k'] };

/** True when the JWK holds private members (`d`, or `k` for an oct key). */
export function hasPrivate(jwk: JWK): boolean {
  return jwk.kty === 'oct' || typeof jwk.d === 'string';
}

/** Names of the JWK members that are private key material. */
export function privateMembers(): readonly string[] {
  return PRIVATE_MEMBERS;
}

/** Throws KeyImportError naming the first missing required member (`JWK is missing "n"`). */
export function checkJwk(jwk: JWK): void {
  if (typeof jwk.kty !== 'string') throw new KeyImportError('JWK is missing "kty"');
  const required = REQUIRED[jwk.kty];
  if (!required) throw new KeyImportError(`unsupported JWK "kty" ${JSON.stringify(jwk.kty.slice(0, 20))}`);
  for (const m of required) {
    const v = (jwk as Record<string, unknown>)[m];
    if (typeof v !== 'string' || v === '') throw new KeyImportError(`JWK is missing "${m}"`);
  }
  for (const m of MATERIAL) {
    const v = (jwk as Record<string, unknown>)[m];
    if (v === undefined) continue;
    // Never quote the value: it may be private key material.
    if (typeof v !== 'string') throw new KeyImportError(`JWK "${m}" is not a string`);
    if (!/^[A-Za-z0-9_-]*$/.test(v) || v.length % 4 === 1) throw new KeyImportError(`JWK "${m}" is not valid base64url`);
  }
  if (jwk.kty === 'EC' && !(jwk.crv! in CURVE_BITS && jwk.crv!.startsWith('P-'))) {
    throw new KeyImportError(`unsupported EC "crv" ${JSON.stringify(String(jwk.crv).slice(0, 20))}`);
  }
}

function keySize(jwk: JWK): number | undefined {
  if (jwk.kty === 'RSA' && jwk.n) {
    const n = base64url.decode(jwk.n);
    let i = 0;
    while (i < n.length && n[i] === 0) i++;
    return i === n.length ? 0 : (n.length - i - 1) * 8 + (32 - Math.clz32(n[i]));
  }
  if (jwk.kty === 'oct' && jwk.k) return base64url.decode(jwk.k).length * 8;
  return jwk.crv ? CURVE_BITS[jwk.crv] : undefined;
}

/** RFC 7638 thumbprint; jose's JWKInvalid (fixed texts, never values) becomes a KeyImportError. */
async function thumbprintOf(jwk: JWK): Promise<string> {
  try {
    return await calculateJwkThumbprint(jwk, 'sha256');
  } catch (e) {
    const m = e instanceof Error ? e.message : String(e);
    throw new KeyImportError(`invalid JWK: ${m.charAt(0).toLowerCase()}${m.slice(1)}`, { cause: e });
  }
}

/** Describes a key: type, size/curve, use, alg, kid, RFC 7638 thumbprint, private flag, source. */
export async function describeKey(jwk: JWK, source: string): Promise<KeyDescription> {
  checkJwk(jwk);
  const d: KeyDescription = {
    kty: jwk.kty as KeyDescription['kty'],
    thumbprint: await thumbprintOf(jwk),
    private: hasPrivate(jwk),
    source,
  };
  const size = keySize(jwk);
  if (size !== undefined) d.size = size;
  if (jwk.crv) d.crv = jwk.crv;
  if (jwk.use === 'sig' || jwk.use === 'enc') d.use = jwk.use as 'sig' | 'enc';
  if (typeof jwk.alg === 'string') d.alg = jwk.alg;
  if (typeof jwk.kid === 'string') d.kid = jwk.kid;
  if (Array.isArray(jwk.key_ops)) d.key_ops = jwk.key_ops.filter((o): o is string => typeof o === 'string');
  return d;
}
