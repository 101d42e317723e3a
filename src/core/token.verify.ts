/** verifyJws(): verify a JWS with a ring key. Never fetches jku/x5u; never trusts embedded jwk/x5c keys. */
import { compactVerify, errors, flattenedVerify, generalVerify, type VerifyOptions } from 'jose';
import type { KeyRing } from './keys/key.ring';
import { kidNote, keyLabel, ktyText, selectCandidates, usedKeyNote, type Candidate, type KeyNeed } from './keys/key.select';
import type { KeyDescription } from './keys/key.types';
import type { DecodedJWS } from './token.types';
import type { SignatureResult } from './types';

type Outcome = { result: SignatureResult; key?: KeyDescription };

const EC_CURVE: Record<string, string> = { ES256: 'P-256', ES384: 'P-384', ES512: 'P-521' };

/** The key a JWS "alg" needs, or undefined when the alg is unknown. */
function needFor(alg: string): KeyNeed | undefined {
  if (/^(RS|PS)(256|384|512)$/.test(alg)) return { ktys: ['RSA'], needPrivate: false, use: 'sig' };
  if (EC_CURVE[alg]) return { ktys: ['EC'], crv: EC_CURVE[alg], needPrivate: false, use: 'sig' };
  if (alg === 'EdDSA' || alg === 'Ed25519') return { ktys: ['OKP'], crv: 'Ed25519', needPrivate: false, use: 'sig' };
  if (/^HS(256|384|512)$/.test(alg)) return { ktys: ['oct'], needPrivate: false, use: 'sig' };
  return undefined;
}

async function attempt(decoded: DecodedJWS, raw: string, key: CryptoKey | Uint8Array, opts: VerifyOptions): Promise<void> {
  if (decoded.serialization === 'compact') await compactVerify(raw.trim(), key, opts);
  else if (decoded.serialization === 'flattened') await flattenedVerify(JSON.parse(raw), key, opts);
  else await generalVerify(JSON.parse(raw), key, opts);
}

function noKeyMessage(alg: string, need: KeyNeed, header: Record<string, unknown>, note = ''): string {
  for (const m of ['jwk', 'x5c'] as const) {
    if (header[m] !== undefined) return `the token embeds its own key in "${m}"; embedded keys are never trusted`;
  }
  const what = need.ktys[0] === 'oct'
    ? `no oct key for "alg" ${alg} is loaded (RSA and EC public keys are never used as HMAC secrets)`
    : `no key of type ${ktyText(need)}${need.crv ? ` (${need.crv})` : ''} for "alg" ${alg} is loaded${note}`;
  const remote = ['jku', 'x5u'].filter((m) => typeof header[m] === 'string');
  return remote.length ? `${what} (${remote.map((m) => `"${m}"`).join(' and ')} ${remote.length > 1 ? 'are' : 'is'} never fetched)` : what;
}

function invalid(tried: Candidate[], need: KeyNeed, reason: string): Outcome {
  const c = tried[0];
  const message = tried.length === 1
    ? `signature did not verify with key ${keyLabel(c.key)}${c.kidMatch ? ' (kid match)' : ''}${reason}`
    : `signature did not verify with any loaded key (tried ${tried.length} ${ktyText(need)} keys)${reason}`;
  return { result: { status: 'invalid', message } };
}

/** Verifies a decoded JWS (compact, flattened or general) against the ring. Never throws. */
export async function verifyJws(decoded: DecodedJWS, raw: string, ring: KeyRing | undefined): Promise<Outcome> {
  const { alg, kid } = decoded.header;
  if (alg === 'none') return { result: { status: 'unsigned', message: '"alg" is "none": the token is not signed' } };
  if (typeof alg !== 'string') return { result: { status: 'unsupported', message: 'the JWS header has no "alg"' } };
  const need = needFor(alg);
  if (!need) return { result: { status: 'unsupported', message: `"alg" ${JSON.stringify(alg.slice(0, 40)).slice(1, -1)} is not supported` } };
  if (!ring || ring.size === 0) {
    const embedded = ['jwk', 'x5c'].find((m) => decoded.header[m] !== undefined);
    return { result: { status: 'no-key', message: embedded ? noKeyMessage(alg, need, decoded.header) : 'no key loaded' } };
  }
  const candidates = selectCandidates(ring, kid, need, alg);
  if (!candidates.length) return { result: { status: 'no-key', message: noKeyMessage(alg, need, decoded.header, kidNote(ring, kid, need)) } };
  const opts: VerifyOptions = { algorithms: [alg] };
  const tried: Candidate[] = [];
  let reason = '';
  for (const c of candidates) {
    tried.push(c);
    try {
      const key = await ring.cryptoKey(c.key.thumbprint, alg, 'public');
      await attempt(decoded, raw, key, opts);
      const result: SignatureResult = { status: 'valid', kid: c.key.kid ?? c.key.thumbprint, thumbprint: c.key.thumbprint };
      const note = usedKeyNote('verified', c.key, kid, alg, 'sig');
      if (note) result.message = note;
      return { result, key: c.key };
    } catch (e) {
      if (e instanceof errors.JOSENotSupported) return { result: { status: 'unsupported', message: lower(e.message) } };
      if (!(e instanceof errors.JWSSignatureVerificationFailed)) {
        reason = `: ${lower((e as Error).message)}`;
        if (e instanceof errors.JWSInvalid) return invalid(tried, need, reason);
      }
    }
  }
  // The signer's key (named by kid) is not loaded and no other key fits: that is "no key", not a bad signature.
  if (typeof kid === 'string' && !tried.some((c) => c.kidMatch)) {
    const others = `${tried.length} other ${ktyText(need)} key${tried.length > 1 ? 's' : ''}`;
    return { result: { status: 'no-key', message: `no loaded key has "kid" ${JSON.stringify(kid.slice(0, 80))}; ${others} did not verify it${reason}` } };
  }
  return invalid(tried, need, reason);
}

/** jose messages start with a capital ("Decompressed plaintext…"); ours are lowercase. Acronyms (JWE, JWS) stay. */
function lower(m: string): string {
  return /^[A-Z][a-z]/.test(m) ? m.charAt(0).toLowerCase() + m.slice(1) : m;
}
