/** Key generation: extractable RSA/EC key pairs as JWKs with kid = RFC 7638 thumbprint. */
import { calculateJwkThumbprint, exportJWK, generateKeyPair as joseGenerateKeyPair, type JWK } from 'jose';
import { describeKey } from './key.describe';
import { publicJwk } from './key.export';
import type { GenerateKeyOptions, GeneratedKeyPair } from './key.types';

const EC_SIG: Record<string, string> = { 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512' };
const ALG_FOR: Record<string, RegExp> = {
  'RSA sig': /^(RS|PS)(256|384|512)$/,
  'RSA enc': /^RSA-OAEP(-256|-384|-512)?$/,
  'EC sig': /^ES(256|384|512)$/,
  'EC enc': /^ECDH-ES(\+A(128|192|256)KW)?$/,
};

/** The default "alg" for a key type, curve and use. */
export function defaultAlg(opts: GenerateKeyOptions): string {
  if (opts.kty === 'RSA') return opts.use === 'sig' ? 'RS256' : 'RSA-OAEP-256';
  return opts.use === 'sig' ? EC_SIG[opts.crv ?? 'P-256'] : 'ECDH-ES+A256KW';
}

/** Generates an extractable key pair; both JWKs carry kid (thumbprint), use and alg. */
export async function generateKeyPair(opts: GenerateKeyOptions): Promise<GeneratedKeyPair> {
  if (opts.kty !== 'RSA' && opts.kty !== 'EC') throw new TypeError('invalid "kty" option: expected RSA or EC');
  if (opts.use !== 'sig' && opts.use !== 'enc') throw new TypeError('invalid "use" option: expected sig or enc');
  const crv = opts.crv ?? 'P-256';
  if (opts.kty === 'EC' && !EC_SIG[crv]) throw new TypeError('invalid "crv" option: expected P-256, P-384 or P-521');
  const size = opts.size ?? 2048;
  if (opts.kty === 'RSA' && ![2048, 3072, 4096].includes(size)) throw new TypeError('invalid "size" option: expected 2048, 3072 or 4096');
  const alg = opts.alg ?? defaultAlg(opts);
  if (!ALG_FOR[`${opts.kty} ${opts.use}`].test(alg)) throw new TypeError(`invalid "alg" option: ${alg} is not a ${opts.kty} ${opts.use === 'sig' ? 'signing' : 'encryption'} algorithm`);
  // WebCrypto needs a concrete algorithm to generate; the JWK "alg" is set separately below.
  const genAlg = opts.kty === 'RSA' ? (opts.use === 'sig' ? 'RS256' : 'RSA-OAEP-256') : (opts.use === 'sig' ? EC_SIG[crv] : 'ECDH-ES');
  const pair = await joseGenerateKeyPair(genAlg, { extractable: true, modulusLength: size, crv });
  const bare = await exportJWK(pair.privateKey);
  delete bare.key_ops;
  delete bare.ext;
  const kid = await calculateJwkThumbprint(bare, 'sha256');
  const privateJwk: JWK = { ...bare, kid, use: opts.use, alg };
  const pub = publicJwk(privateJwk);
  return { privateJwk, publicJwk: pub, description: await describeKey(privateJwk, 'generated') };
}

/** One signing and one encryption key pair for a broker client's static JWKS (RSA 2048 by default). */
export async function generateFtnClientKeySet(opts: { kty?: 'RSA' | 'EC'; size?: 2048 | 3072 | 4096; crv?: 'P-256' | 'P-384' | 'P-521' } = {})
  : Promise<{ sig: GeneratedKeyPair; enc: GeneratedKeyPair; jwks: { keys: JWK[] } }> {
  const kty = opts.kty ?? 'RSA';
  const [sig, enc] = await Promise.all([
    generateKeyPair({ kty, size: opts.size, crv: opts.crv, use: 'sig' }),
    generateKeyPair({ kty, size: opts.size, crv: opts.crv, use: 'enc' }),
  ]);
  return { sig, enc, jwks: { keys: [sig.publicJwk, enc.publicJwk] } };
}
