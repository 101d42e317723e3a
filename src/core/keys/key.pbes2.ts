/** PBES2 (PBKDF2-HMAC-SHA* + AES-CBC) decryption of PKCS#8 `ENCRYPTED PRIVATE KEY`, via WebCrypto. */
import { KeyImportError } from '../errors';
import { OID, derChildren, oidToString, readDer } from './key.asn1';
import { keyAlgorithm } from './key.pem';

const PRF: Record<string, string> = {
  '1.2.840.113549.2.7': 'SHA-1',
  '1.2.840.113549.2.9': 'SHA-256',
  '1.2.840.113549.2.10': 'SHA-384',
  '1.2.840.113549.2.11': 'SHA-512',
};
const AES_CBC: Record<string, number> = {
  '2.16.840.1.101.3.4.1.2': 16,
  '2.16.840.1.101.3.4.1.22': 24,
  '2.16.840.1.101.3.4.1.42': 32,
};

/** Highest PBKDF2 iteration count accepted: a hostile key file must not pin the CPU (OWASP 2023 asks 600 000). */
export const MAX_PBKDF2_ITERATIONS = 10_000_000;

interface Pbes2Params { salt: Uint8Array; iterations: number; hash: string; keyLen: number; iv: Uint8Array; data: Uint8Array }

/** Reads the PBES2 parameters; any structural damage becomes a KeyImportError. */
function readParams(der: Uint8Array): Pbes2Params {
  try {
    const [algId, data] = derChildren(readDer(der));
    const [schemeOid, params] = derChildren(algId);
    if (oidToString(schemeOid.content) !== OID.pbes2) {
      throw new KeyImportError(`unsupported encrypted PKCS#8 scheme ${oidToString(schemeOid.content)} (only PBES2 is supported)`);
    }
    const [kdf, enc] = derChildren(params);
    const [kdfOid, kdfParams] = derChildren(kdf);
    if (oidToString(kdfOid.content) !== OID.pbkdf2) throw new KeyImportError('unsupported PBES2 key derivation (only PBKDF2 is supported)');
    const kp = derChildren(kdfParams);
    const salt = kp[0].content;
    const iterations = Number(BigInt('0x' + hex(kp[1].content)));
    const prfEl = kp.slice(2).find((e) => e.tag === 0x30);
    const prfOid = prfEl ? oidToString(derChildren(prfEl)[0].content) : '1.2.840.113549.2.7';
    const hash = PRF[prfOid];
    if (!hash) throw new KeyImportError(`unsupported PBKDF2 PRF ${prfOid}`);
    const [encOid, iv] = derChildren(enc);
    const keyLen = AES_CBC[oidToString(encOid.content)];
    if (!keyLen) throw new KeyImportError(`unsupported PBES2 cipher ${oidToString(encOid.content)} (only AES-CBC is supported)`);
    if (iterations < 1 || iterations > MAX_PBKDF2_ITERATIONS) {
      throw new KeyImportError(`PBKDF2 iteration count ${iterations} is outside 1..${MAX_PBKDF2_ITERATIONS}`);
    }
    return { salt, iterations, hash, keyLen, iv: iv.content, data: data.content };
  } catch (e) {
    if (e instanceof KeyImportError) throw e;
    // A missing element (undefined.content) or a bad integer: the structure is damaged.
    throw new KeyImportError('malformed encrypted PKCS#8 structure', { cause: e });
  }
}

/** Decrypts a PBES2 `EncryptedPrivateKeyInfo` with the passphrase; returns PKCS#8 DER. */
export async function decryptPkcs8(der: Uint8Array, passphrase: string): Promise<Uint8Array> {
  const { salt, iterations, hash, keyLen, iv, data } = readParams(der);
  let plain: Uint8Array;
  try {
    const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveBits']);
    const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash, salt: copy(salt), iterations }, base, keyLen * 8);
    const aes = await crypto.subtle.importKey('raw', bits, 'AES-CBC', false, ['decrypt']);
    plain = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-CBC', iv: copy(iv) }, aes, copy(data)));
    keyAlgorithm(plain, 'pkcs8');
  } catch {
    throw new KeyImportError('wrong passphrase for encrypted PKCS#8 key');
  }
  return plain;
}

function hex(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('') || '0';
}

function copy(b: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(b);
}
