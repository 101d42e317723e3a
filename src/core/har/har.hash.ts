/** The hashes of the cross-token checks: OIDC left-half hashes (at_hash, c_hash) and PKCE S256. */
import { encodeBase64url } from '../util/base64url';

/** Left half of the hash of `value` per the JWS alg (OIDC-CORE §3.1.3.6), base64url; undefined for an unknown alg. */
export async function halfHash(value: string, alg: string): Promise<string | undefined> {
  const bits = alg === 'EdDSA' || alg === 'Ed25519' ? '512' : /(256|384|512)$/.exec(alg)?.[1];
  if (!bits) return undefined;
  const digest = new Uint8Array(await crypto.subtle.digest(`SHA-${bits}`, new TextEncoder().encode(value)));
  return encodeBase64url(digest.subarray(0, digest.length / 2));
}

/** S256 code challenge of a verifier (RFC 7636 §4.2). */
export async function s256(verifier: string): Promise<string> {
  return encodeBase64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}
