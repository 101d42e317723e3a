/** PKCS#8 / SPKI DER → JWK through WebCrypto (the curve or key type is read from the DER first). */
import type { JWK } from 'jose';
import { KeyImportError } from '../errors';
import { OID } from './key.asn1';
import { describeKey } from './key.describe';
import { keyAlgorithm } from './key.pem';
import type { ImportedKey } from './key.types';

const CURVES: Record<string, string> = { [OID['P-256']]: 'P-256', [OID['P-384']]: 'P-384', [OID['P-521']]: 'P-521' };
const OKP: Record<string, string> = { [OID.Ed25519]: 'Ed25519', [OID.X25519]: 'X25519' };
const KNOWN_UNSUPPORTED: Record<string, string> = { '1.2.840.10040.4.1': 'DSA', [OID.Ed448]: 'Ed448', [OID.X448]: 'X448', [OID.rsassaPss]: 'RSASSA-PSS' };
const JWK_MEMBERS_DROPPED = ['ext', 'key_ops', 'alg'];

function webCryptoAlgorithm(oid: string, curveOid: string | undefined, label: string): { alg: AlgorithmIdentifier | EcKeyImportParams | RsaHashedImportParams; priv: KeyUsage[]; pub: KeyUsage[] } {
  if (oid === OID.rsaEncryption) return { alg: { name: 'RSA-PSS', hash: 'SHA-256' }, priv: ['sign'], pub: ['verify'] };
  if (oid === OID.ecPublicKey) {
    const namedCurve = curveOid && CURVES[curveOid];
    if (!namedCurve) throw new KeyImportError(`unsupported EC curve ${curveOid ?? '(none)'} in ${label}`);
    return { alg: { name: 'ECDSA', namedCurve }, priv: ['sign'], pub: ['verify'] };
  }
  const okp = OKP[oid];
  if (okp === 'Ed25519') return { alg: { name: 'Ed25519' }, priv: ['sign'], pub: ['verify'] };
  if (okp === 'X25519') return { alg: { name: 'X25519' }, priv: ['deriveBits'], pub: [] };
  const name = KNOWN_UNSUPPORTED[oid];
  throw new KeyImportError(`unsupported key algorithm ${name ? `${name} (${oid})` : oid} in ${label}`);
}

/** Imports PKCS#8 (private) or SPKI (public) DER through WebCrypto and exports it as a JWK. */
async function fromDer(der: Uint8Array, format: 'pkcs8' | 'spki', source: string): Promise<ImportedKey> {
  const { oid, curveOid } = keyAlgorithm(der, format);
  const { alg, priv, pub } = webCryptoAlgorithm(oid, curveOid, source);
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey(format, new Uint8Array(der), alg, true, format === 'pkcs8' ? priv : pub);
  } catch (e) {
    throw new KeyImportError(`${source}: WebCrypto rejected the ${format === 'pkcs8' ? 'private' : 'public'} key (${(e as Error).name})`);
  }
  return fromCryptoKey(key, source);
}

/** Imports PKCS#8 DER through WebCrypto and exports it as a JWK. */
export function fromPkcs8(der: Uint8Array, source: string): Promise<ImportedKey> {
  return fromDer(der, 'pkcs8', source);
}

/** Imports SPKI DER through WebCrypto and exports it as a JWK. */
export function fromSpki(der: Uint8Array, source: string): Promise<ImportedKey> {
  return fromDer(der, 'spki', source);
}

async function fromCryptoKey(key: CryptoKey, source: string): Promise<ImportedKey> {
  const exported = (await crypto.subtle.exportKey('jwk', key)) as Record<string, unknown>;
  for (const m of JWK_MEMBERS_DROPPED) delete exported[m];
  const jwk = exported as JWK;
  return { jwk, description: await describeKey(jwk, source) };
}
