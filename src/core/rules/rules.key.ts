/** Key rules (FTN-KEY-*, ftn-rules §7) over a JWK set, client metadata or a key embedded in a header. */
import type { Finding, ProfileId } from '../types';
import type { Emit } from './context';
import { decodeBase64url } from '../util/base64url';
import { makeEmit, q } from './util';

const PRIVATE = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'];
const SIG_OPS = new Set(['sign', 'verify']);
const ENC_OPS = new Set(['encrypt', 'decrypt', 'wrapKey', 'unwrapKey', 'deriveKey', 'deriveBits']);

/** Bit length of a big-endian unsigned integer. */
export function bitLength(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length && bytes[i] === 0) i++;
  if (i === bytes.length) return 0;
  return (bytes.length - i - 1) * 8 + (32 - Math.clz32(bytes[i]));
}

/** RSA modulus bits of a JWK `n`, or undefined when it does not decode. */
export function rsaBits(n: unknown): number | undefined {
  if (typeof n !== 'string') return undefined;
  const r = decodeBase64url(n);
  return r.ok ? bitLength(r.bytes) : undefined;
}

function keysOf(input: unknown): { keys: Record<string, unknown>[]; meta: Record<string, unknown> | null } {
  if (Array.isArray(input)) return { keys: input.filter(isObj), meta: null };
  if (!isObj(input)) return { keys: [], meta: null };
  if (Array.isArray(input.keys)) return { keys: input.keys.filter(isObj), meta: null };
  if ('jwks' in input || 'jwks_uri' in input) {
    const j = input.jwks;
    return { keys: isObj(j) && Array.isArray(j.keys) ? j.keys.filter(isObj) : [], meta: input };
  }
  return { keys: typeof input.kty === 'string' ? [input] : [], meta: null };
}

function isObj(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Run FTN-KEY-* over a JWK set, an array of JWKs, one JWK, or client metadata with jwks/jwks_uri. */
export function judgeKeySet(jwks: unknown, ctx: { profile: Exclude<ProfileId, 'auto'> | ProfileId; disabledRules?: ReadonlySet<string> | string[]; label?: string }): Finding[] {
  const out: Finding[] = [];
  const emit = makeEmit(out, ctx.disabledRules instanceof Set ? ctx.disabledRules : new Set(ctx.disabledRules ?? []), ctx.profile);
  const label = ctx.label ?? 'key set';
  const { keys, meta } = keysOf(jwks);
  if (meta) ruleMeta(meta, label, emit);
  keys.forEach((k, i) => ruleOneKey(k, keys.length > 1 || !ctx.label ? `${label} key ${i}${typeof k.kid === 'string' ? ` (kid ${q(k.kid)})` : ''}` : label, emit));
  ruleSetShape(keys, label, ctx.profile, emit);
  return out;
}

function ruleMeta(meta: Record<string, unknown>, label: string, emit: Emit): void {
  if ('jwks' in meta && 'jwks_uri' in meta) emit('FTN-KEY-BOTH', `${label} has both "jwks" and "jwks_uri"; client metadata must use one`, { claim: 'jwks_uri', reason: 'invalid' });
  if ('jwks_uri' in meta && !('signed_jwks_uri' in meta)) emit('FTN-KEY-STATIC', `${label} provides keys via an unsigned "jwks_uri" ${q(meta.jwks_uri)}; Idura FTN accepts static JWKS only and OP has deprecated unsigned JWKS`, { claim: 'jwks_uri', reason: 'invalid' });
}

function ruleOneKey(k: Record<string, unknown>, name: string, emit: Emit): void {
  if (k.kty === 'RSA') {
    const bits = rsaBits(k.n);
    if (bits !== undefined && bits < 2048) emit('FTN-KEY-RSA2048', `${name} is RSA ${bits} bits; at least 2048 are required`, { claim: 'n', reason: 'invalid' });
  } else if (k.kty === 'EC') {
    if (k.crv !== 'P-256' && k.crv !== 'P-384' && k.crv !== 'P-521') emit('FTN-KEY-EC', `${name} is EC with "crv" ${q(k.crv)}; only P-256, P-384 and P-521 are registered`, { severity: 'error', claim: 'crv', reason: 'invalid' });
    else emit('FTN-KEY-EC', `${name} is EC ${k.crv}; no FTN broker documents EC keys (Telia: "should use RSA")`, { claim: 'kty', reason: 'invalid' });
  } else if (k.kty === 'OKP') {
    emit('FTN-KEY-EC', `${name} is OKP ${q(k.crv)}; no FTN broker documents non-RSA keys`, { claim: 'kty', reason: 'invalid' });
  }
  const priv = PRIVATE.filter((m) => m in k);
  if (priv.length) emit('FTN-KEY-PRIV', `${name} holds private members ${priv.map((m) => `"${m}"`).join(', ')}; a public JWKS must not (best practice: publish public members only)`, { claim: priv[0], reason: 'invalid' });
  const ops = Array.isArray(k.key_ops) ? (k.key_ops as unknown[]).filter((x): x is string => typeof x === 'string') : undefined;
  if (ops && (k.use === 'sig' || k.use === 'enc')) {
    const allowed = k.use === 'sig' ? SIG_OPS : ENC_OPS;
    const bad = ops.filter((o) => !allowed.has(o));
    if (bad.length) emit('FTN-KEY-OPS', `${name} has "use": ${q(k.use)} but "key_ops" ${q(ops)}`, { claim: 'key_ops', reason: 'mismatch' });
  }
}

function ruleSetShape(keys: Record<string, unknown>[], label: string, profile: string, emit: Emit): void {
  const uses = new Set(keys.map((k) => k.use));
  if (uses.has('sig') && uses.has('enc')) {
    const without = keys.filter((k) => k.use === undefined).map((k, i) => (typeof k.kid === 'string' ? q(k.kid) : `#${i}`));
    if (without.length) emit('FTN-KEY-USE', `${label} holds both "sig" and "enc" keys, but ${without.join(', ')} has no "use"`, { claim: 'use', reason: 'missing' });
  }
  const seen = new Map<string, number>();
  keys.forEach((k, i) => {
    if (typeof k.kid !== 'string') emit('FTN-KEY-KID', `${label} key ${i} has no "kid"`, { claim: 'kid', reason: 'missing' });
    else seen.set(k.kid, (seen.get(k.kid) ?? 0) + 1);
  });
  for (const [kid, n] of seen) if (n > 1) emit('FTN-KEY-KID', `${label} has ${n} keys with "kid" ${q(kid)}`, { claim: 'kid', reason: 'invalid' });
  ruleSeparation(keys, label, profile, emit);
}

function material(k: Record<string, unknown>): string | undefined {
  if (k.kty === 'RSA' && typeof k.n === 'string') return `RSA:${k.n}`;
  if (k.kty === 'EC' && typeof k.x === 'string') return `EC:${k.crv}:${k.x}:${k.y}`;
  if (k.kty === 'OKP' && typeof k.x === 'string') return `OKP:${k.x}`;
  return undefined;
}

function ruleSeparation(keys: Record<string, unknown>[], label: string, profile: string, emit: Emit): void {
  const hard = profile === 'idura';
  const byMaterial = new Map<string, Set<unknown>>();
  for (const k of keys) {
    const m = material(k);
    if (m) byMaterial.set(m, (byMaterial.get(m) ?? new Set()).add(k.use));
  }
  for (const set of byMaterial.values()) {
    if (set.has('sig') && set.has('enc')) emit('FTN-KEY-SEP', `${label} uses the same key pair for "sig" and "enc"; signing and encryption need distinct key pairs${hard ? ' (Idura requires it: IDURA-FTN)' : ''}`, { severity: hard ? 'error' : 'warning', claim: 'use', reason: 'invalid' });
  }
  const pub = keys.filter((k) => k.kty !== 'oct');
  if (hard && pub.length === 1 && pub[0].use === undefined) emit('FTN-KEY-SEP', `${label} has one key without "use" serving both signing and encryption; Idura requires separate sig and enc key pairs (IDURA-FTN)`, { claim: 'use', reason: 'invalid' });
}

/** FTN-KEY-RSA2048, FTN-KEY-EC and FTN-KEY-PRIV over one key embedded in a header (`jwk`, `x5c`). */
export function judgeEmbeddedKey(jwk: unknown, label: string, emit: Emit): void {
  if (isObj(jwk)) ruleOneKey(jwk, label, emit);
}
