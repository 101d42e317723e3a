/** importKeys(): JWK, JWKS, PEM (several blocks) or DER input → ImportedKey[]. */
import type { JWK } from 'jose';
import { KeyImportError } from '../errors';
import { readDer } from './key.asn1';
import { checkJwk, describeKey } from './key.describe';
import { decryptPkcs8 } from './key.pbes2';
import { certificateSpki, parsePemBlocks, pkcs1PrivateToPkcs8, pkcs1PublicToSpki, sec1ToPkcs8, type PemBlock } from './key.pem';
import type { ImportedKey } from './key.types';
import { fromPkcs8, fromSpki } from './key.webcrypto';

/** Imports keys from a JWK, JWKS, PEM text (any number of blocks) or DER bytes. Throws KeyImportError. */
export async function importKeys(input: string | Uint8Array, opts: { passphrase?: string; name?: string } = {}): Promise<ImportedKey[]> {
  const suffix = opts.name ? ` (${opts.name})` : '';
  if (input instanceof Uint8Array && input[0] === 0x30) return [await importDer(input, suffix)];
  const text = (typeof input === 'string' ? input : new TextDecoder().decode(input)).replace(/^\uFEFF/, '');
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) return importJson(trimmed, suffix);
  if (trimmed.includes('-----BEGIN ')) {
    const out: ImportedKey[] = [];
    for (const block of parsePemBlocks(trimmed)) out.push(await importPemBlock(block, opts.passphrase, suffix));
    if (out.length) return out;
  }
  const head = trimmed.slice(0, 20);
  // A bare base64 run may be key material itself: describe it, never quote it.
  if (/^[A-Za-z0-9+/=_-]{16,}$/.test(head)) {
    throw new KeyImportError('not a JWK, JWKS or PEM: input starts with bare base64 (a PEM body without its BEGIN/END lines?)');
  }
  throw new KeyImportError(`not a JWK, JWKS or PEM: input starts with ${JSON.stringify(head)}`);
}

async function importJson(text: string, suffix: string): Promise<ImportedKey[]> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new KeyImportError(`not a JWK, JWKS or PEM: input starts with "{" but is not valid JSON`);
  }
  if (doc && typeof doc === 'object' && Array.isArray((doc as { keys?: unknown }).keys)) {
    const keys = (doc as { keys: unknown[] }).keys;
    if (!keys.length) throw new KeyImportError('JWKS "keys" is empty');
    return Promise.all(keys.map((k, i) => importJwk(k, `JWKS${suffix}`, `JWKS "keys"[${i}]`)));
  }
  return [await importJwk(doc, `JWK${suffix}`, 'JWK')];
}

async function importJwk(value: unknown, source: string, where: string): Promise<ImportedKey> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new KeyImportError(`${where} is not a JSON object`);
  const jwk = { ...(value as JWK) };
  try {
    checkJwk(jwk);
  } catch (e) {
    if (where !== 'JWK' && e instanceof Error) throw new KeyImportError(`${where}: ${e.message}`);
    throw e;
  }
  return { jwk, description: await describeKey(jwk, source) };
}

async function importPemBlock(block: PemBlock, passphrase: string | undefined, suffix: string): Promise<ImportedKey> {
  switch (block.label) {
    case 'PRIVATE KEY': return fromPkcs8(block.der, `PEM PKCS#8${suffix}`);
    case 'RSA PRIVATE KEY':
      if (block.headers.some((h) => h.startsWith('Proc-Type'))) {
        throw new KeyImportError('unsupported PEM block "RSA PRIVATE KEY" with legacy OpenSSL encryption (convert it to encrypted PKCS#8)');
      }
      return fromPkcs8(pkcs1PrivateToPkcs8(block.der), `PEM PKCS#1${suffix}`);
    case 'EC PRIVATE KEY': return fromPkcs8(sec1ToPkcs8(block.der), `PEM SEC1${suffix}`);
    case 'PUBLIC KEY': return fromSpki(block.der, `PEM SPKI${suffix}`);
    case 'RSA PUBLIC KEY': return fromSpki(pkcs1PublicToSpki(block.der), `PEM PKCS#1${suffix}`);
    case 'CERTIFICATE': return fromSpki(certificateSpki(block.der), `X.509${suffix}`);
    case 'ENCRYPTED PRIVATE KEY':
      if (passphrase === undefined) throw new KeyImportError('passphrase required: the PEM block "ENCRYPTED PRIVATE KEY" is encrypted');
      return fromPkcs8(await decryptPkcs8(block.der, passphrase), `encrypted PKCS#8${suffix}`);
    default: throw new KeyImportError(`unsupported PEM block "${block.label}"`);
  }
}

async function importDer(der: Uint8Array, suffix: string): Promise<ImportedKey> {
  const top = readDer(der);
  if (top.end !== der.length) throw new KeyImportError('malformed DER: trailing bytes after the key');
  const first = readDer(top.content);
  if (first.tag === 0x02) return fromPkcs8(der, `DER PKCS#8${suffix}`);
  if (first.tag === 0x30 && readDer(first.content).tag === 0x06) return fromSpki(der, `DER SPKI${suffix}`);
  if (first.tag === 0x30) return fromSpki(certificateSpki(der), `DER X.509${suffix}`);
  throw new KeyImportError('unsupported DER structure (expected PKCS#8, SPKI or an X.509 certificate)');
}

