/** decryptJwe(): decrypt a JWE with a key from the ring; reports which key, or exactly why none could. */
import { compactDecrypt, errors, flattenedDecrypt, generalDecrypt, type DecryptOptions, type JWEKeyManagementAlgorithm } from 'jose';
import type { KeyRing } from './keys/key.ring';
import { kidNote, keyLabel, ktyText, selectCandidates, usedKeyNote, type Candidate, type KeyNeed } from './keys/key.select';
import type { KeyDescription } from './keys/key.types';
import type { DecodedJWE } from './token.types';
import type { DecryptionResult, Limits } from './types';

type Outcome = { result: DecryptionResult; plaintext?: Uint8Array; key?: KeyDescription };

const ENCS = new Set(['A128GCM', 'A192GCM', 'A256GCM', 'A128CBC-HS256', 'A192CBC-HS384', 'A256CBC-HS512']);

/** The key a JWE "alg" needs, or an `unsupported` message. */
function needFor(alg: string, header: Record<string, unknown>): KeyNeed | string {
  if (alg === 'RSA1_5') return '"alg" RSA1_5 is not supported by WebCrypto';
  if (/^RSA-OAEP(-256|-384|-512)?$/.test(alg)) return { ktys: ['RSA'], needPrivate: true, use: 'enc' };
  if (/^ECDH-ES(\+A(128|192|256)KW)?$/.test(alg)) {
    const epk = header.epk as { crv?: unknown } | undefined;
    return { ktys: ['EC', 'OKP'], crv: typeof epk?.crv === 'string' ? epk.crv : undefined, needPrivate: true, use: 'enc' };
  }
  // PBES2 works only with an oct key holding the password (UTF-8 bytes as "k"); p2c is capped by limits.
  if (alg === 'dir' || /^A(128|192|256)(GCM)?KW$/.test(alg) || /^PBES2-HS(256\+A128|384\+A192|512\+A256)KW$/.test(alg)) {
    return { ktys: ['oct'], needPrivate: true, use: 'enc' };
  }
  return `"alg" ${JSON.stringify(alg.slice(0, 40)).slice(1, -1)} is not supported`;
}

async function attempt(decoded: DecodedJWE, raw: string, key: CryptoKey | Uint8Array, opts: DecryptOptions): Promise<Uint8Array> {
  if (decoded.serialization === 'compact') return (await compactDecrypt(raw.trim(), key, opts)).plaintext;
  const json = JSON.parse(raw);
  if (decoded.serialization === 'flattened') return (await flattenedDecrypt(json, key, opts)).plaintext;
  return (await generalDecrypt(json, key, opts)).plaintext;
}

function failed(tried: Candidate[], need: KeyNeed, reason: string): Outcome {
  if (tried.length === 1) {
    const c = tried[0];
    return { result: { status: 'failed', message: `key ${keyLabel(c.key)}${c.kidMatch ? ' (kid match)' : ''} did not decrypt: ${reason}` } };
  }
  return { result: { status: 'failed', message: `no loaded key decrypted it (tried ${tried.length} ${ktyText(need)} keys): ${reason}` } };
}

/** Decrypts a decoded JWE (compact, flattened or general) with the best matching ring key. Never throws. */
export async function decryptJwe(decoded: DecodedJWE, raw: string, ring: KeyRing | undefined, limits: Limits): Promise<Outcome> {
  const { alg, enc, kid } = decoded.header;
  if (typeof alg !== 'string') return { result: { status: 'unsupported', message: 'the JWE header has no "alg"' } };
  const need = needFor(alg, decoded.header);
  if (typeof need === 'string') return { result: { status: 'unsupported', message: need } };
  if (typeof enc !== 'string') return { result: { status: 'unsupported', message: 'the JWE header has no "enc"' } };
  if (!ENCS.has(enc)) return { result: { status: 'unsupported', message: `"enc" ${JSON.stringify(enc.slice(0, 40)).slice(1, -1)} is not supported` } };
  if (!ring || ring.size === 0) return { result: { status: 'no-key', message: 'no key loaded' } };
  const candidates = selectCandidates(ring, kid, need, alg);
  if (!candidates.length) {
    const what = need.ktys[0] === 'oct' ? `no oct key` : `no private key of type ${ktyText(need)}${need.crv ? ` (${need.crv})` : ''}`;
    return { result: { status: 'no-key', message: `${what} for "alg" ${alg} is loaded${kidNote(ring, kid, need)}` } };
  }
  const opts: DecryptOptions = {
    keyManagementAlgorithms: [alg as JWEKeyManagementAlgorithm],
    maxPBES2Count: limits.maxPBES2Count,
    maxDecompressedLength: limits.maxDecompressedBytes,
  };
  const tried: Candidate[] = [];
  let reason = 'decryption operation failed — wrong key or corrupted ciphertext';
  for (const c of candidates) {
    tried.push(c);
    try {
      const key = await ring.cryptoKey(c.key.thumbprint, alg, 'private');
      const plaintext = await attempt(decoded, raw, key, opts);
      const result: DecryptionResult = { status: 'decrypted', kid: c.key.kid ?? c.key.thumbprint, thumbprint: c.key.thumbprint };
      const note = usedKeyNote('decrypted', c.key, kid, alg, 'enc');
      if (note) result.message = note;
      return { result, plaintext, key: c.key };
    } catch (e) {
      if (e instanceof errors.JOSENotSupported) return { result: { status: 'unsupported', message: lower(e.message) } };
      if ((e as Error)?.name === 'NotSupportedError') {
        return { result: { status: 'unsupported', message: `"alg" ${alg} with "enc" ${enc} is not supported by this runtime's WebCrypto` } };
      }
      if (!(e instanceof errors.JWEDecryptionFailed)) reason = lower((e as Error).message);
      if (e instanceof errors.JWEInvalid) return failed(tried, need, reason);
    }
  }
  return failed(tried, need, reason);
}

/** jose messages start with a capital ("Decompressed plaintext…"); ours are lowercase. Acronyms (JWE, JWS) stay. */
function lower(m: string): string {
  return /^[A-Z][a-z]/.test(m) ? m.charAt(0).toLowerCase() + m.slice(1) : m;
}
