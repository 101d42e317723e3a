/** Keys inside headers (JWT-EMBEDDED-KEY, x5c/jwk key size) and entity statements (FTN-KEY-ES). */
import type { RuleContext, Emit } from './context';
import { q, num, type View } from './util';
import { headers } from './rules.jwt';
import { judgeEmbeddedKey, judgeKeySet, bitLength } from './rules.key';
import { typMediaType } from '../token.classify';

const RSA_OID = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];

function derLen(b: Uint8Array, i: number): [number, number] | undefined {
  const first = b[i];
  if (first === undefined) return undefined;
  if (first < 0x80) return [first, i + 1];
  const n = first & 0x7f;
  if (n === 0 || n > 4) return undefined;
  let len = 0;
  for (let j = 1; j <= n; j++) len = len * 256 + (b[i + j] ?? 0);
  return [len, i + 1 + n];
}

/** RSA modulus bits of a DER X.509 certificate (base64, as in `x5c`), or undefined when not RSA. */
export function x5cRsaBits(b64: string): number | undefined {
  let bytes: Uint8Array;
  try {
    bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
  } catch {
    return undefined;
  }
  outer: for (let i = 0; i + RSA_OID.length < bytes.length; i++) {
    for (let j = 0; j < RSA_OID.length; j++) if (bytes[i + j] !== RSA_OID[j]) continue outer;
    let p = i + RSA_OID.length;
    if (bytes[p] === 0x05 && bytes[p + 1] === 0x00) p += 2; // NULL parameters
    if (bytes[p] !== 0x03) continue; // BIT STRING holding RSAPublicKey
    const bl = derLen(bytes, p + 1);
    if (!bl) return undefined;
    p = bl[1] + 1; // skip the unused-bits byte
    if (bytes[p] !== 0x30) return undefined;
    const sl = derLen(bytes, p + 1);
    if (!sl || bytes[sl[1]] !== 0x02) return undefined;
    const il = derLen(bytes, sl[1] + 1);
    if (!il) return undefined;
    return bitLength(bytes.subarray(il[1], il[1] + il[0]));
  }
  return undefined;
}

/** JWT-EMBEDDED-KEY, and the key rules over an embedded `jwk` or the first `x5c` certificate. */
export function ruleEmbedded(v: View, ctx: RuleContext, emit: Emit): void {
  for (const { h, where } of headers(v)) {
    const present = ['jwk', 'jku', 'x5u', 'x5c'].filter((k) => k in h);
    if (present.length === 0) continue;
    emit('JWT-EMBEDDED-KEY', `the ${where} carries ${present.map((k) => `"${k}"`).join(', ')}: never trust a key the token brings; FTN keys are pre-registered`, { claim: `header.${present[0]}`, reason: 'invalid' });
    if ('jwk' in h) judgeEmbeddedKey(h.jwk, `"jwk" in the ${where}`, emit);
    const x5c = h.x5c;
    if (Array.isArray(x5c) && typeof x5c[0] === 'string') {
      const bits = x5cRsaBits(x5c[0]);
      if (bits !== undefined && bits < 2048) emit('FTN-KEY-RSA2048', `"x5c" certificate in the ${where} holds an RSA ${bits}-bit key; at least 2048 are required`, { claim: 'header.x5c', reason: 'invalid' });
    }
  }
}

/** FTN-KEY-ES: an entity statement (`entity-statement+jwt`) or a signed JWK set (`jwk-set+jwt`). */
export function ruleEntityStatement(v: View, ctx: RuleContext, emit: Emit, sink: (f: ReturnType<typeof judgeKeySet>) => void): void {
  const typ = typMediaType(v.sig?.typ);
  const c = v.claims;
  if (!c || (typ !== 'entity-statement+jwt' && typ !== 'jwk-set+jwt')) return;
  const es = typ === 'entity-statement+jwt';
  const what = es ? 'entity statement' : 'signed JWK set';
  const need = es ? ['iss', 'sub', 'iat', 'exp', 'jwks'] : ['keys', 'iss', 'iat', 'exp'];
  const missing = need.filter((k) => c[k] === undefined);
  if (missing.length) emit('FTN-KEY-ES', `${what} lacks ${missing.map((k) => `"${k}"`).join(', ')}`, { claim: missing[0], reason: 'missing' });
  if (es && c.iss !== undefined && c.sub !== undefined && c.iss !== c.sub) emit('FTN-KEY-ES', `entity statement "iss" is ${q(c.iss)} but "sub" is ${q(c.sub)}; a self-signed entity statement has iss = sub`, { claim: 'sub', reason: 'mismatch' });
  const set = es ? c.jwks : { keys: c.keys };
  const keys = (set as { keys?: unknown })?.keys;
  const kid = v.sig?.kid;
  if (es && Array.isArray(keys) && typeof kid === 'string' && !keys.some((k) => (k as { kid?: unknown })?.kid === kid)) {
    emit('FTN-KEY-ES', `entity statement is signed with "kid" ${q(kid)}, which is not in its own "jwks"`, { claim: 'header.kid', reason: 'mismatch' });
  }
  const exp = num(c.exp);
  if (exp !== undefined && exp <= ctx.now - ctx.skew) emit('FTN-KEY-ES', `${what} "exp" is ${exp}: expired ${ctx.now - exp} s before the reference time`, { claim: 'exp', reason: 'check_failed' });
  if (Array.isArray(keys)) sink(judgeKeySet({ keys }, { profile: ctx.profile, disabledRules: ctx.disabledRules, label: `${what} ${es ? '"jwks"' : '"keys"'}` }));
}
