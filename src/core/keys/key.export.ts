/** Key export: PEM (PKCS#8 / SPKI), public JWKs and JWKS documents. */
import { exportPKCS8, exportSPKI, importJWK, type JWK } from 'jose';
import { KeyImportError } from '../errors';
import { privateMembers } from './key.describe';

/** The public half of a JWK: every private member (d, p, q, dp, dq, qi, oth, k) removed. */
export function publicJwk(jwk: JWK): JWK {
  const out: Record<string, unknown> = { ...jwk };
  for (const m of privateMembers()) delete out[m];
  if (Array.isArray(out.key_ops)) {
    const ops = (out.key_ops as string[]).filter((o) => o === 'verify' || o === 'encrypt' || o === 'wrapKey');
    if (ops.length) out.key_ops = ops; else delete out.key_ops;
  }
  return out as JWK;
}

/** A JWKS document of the public members only; private members are always stripped, oct keys dropped. */
export function toJwks(jwks: JWK[]): { keys: JWK[] } {
  return { keys: jwks.filter((k) => k.kty !== 'oct').map(publicJwk) };
}

/** An algorithm jose accepts for importing this key type (export does not depend on it). */
export function importAlgFor(jwk: JWK): string {
  switch (jwk.kty) {
    case 'RSA': return 'RS256';
    case 'EC': return jwk.crv === 'P-384' ? 'ES384' : jwk.crv === 'P-521' ? 'ES512' : 'ES256';
    case 'OKP': return jwk.crv === 'Ed25519' || jwk.crv === 'Ed448' ? 'EdDSA' : 'ECDH-ES';
    default: throw new KeyImportError(`cannot export a "${jwk.kty}" key as PEM`);
  }
}

/** Exports a JWK as PEM: PKCS#8 `PRIVATE KEY` or SPKI `PUBLIC KEY`. */
export async function exportPem(jwk: JWK, which: 'private' | 'public'): Promise<string> {
  const alg = importAlgFor(jwk);
  if (which === 'private') {
    if (!jwk.d) throw new KeyImportError('the key has no private part to export');
    const { alg: _a, use: _u, key_ops: _o, ...bare } = jwk;
    const key = await importJWK({ ...bare, ext: true }, alg, { extractable: true });
    return exportPKCS8(key as CryptoKey);
  }
  const { alg: _a, use: _u, key_ops: _o, ...bare } = publicJwk(jwk);
  const key = await importJWK({ ...bare, ext: true }, alg, { extractable: true });
  return exportSPKI(key as CryptoKey);
}
