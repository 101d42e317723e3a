/** PEM blocks, and wrapping PKCS#1 / SEC1 / X.509 into the PKCS#8 / SPKI containers WebCrypto takes. */
import { KeyImportError } from '../errors';
import { OID, derChildren, derEncode, derInt0, derNull, derOid, derSeq, oidToString, readDer } from './key.asn1';

/** One PEM block: its label (`PRIVATE KEY`) and the decoded DER bytes. */
export interface PemBlock { label: string; der: Uint8Array; headers: string[] }

/** Splits text into PEM blocks; text outside blocks is ignored. */
export function parsePemBlocks(text: string): PemBlock[] {
  const re = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
  const blocks: PemBlock[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lines = m[2].split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    const headers = lines.filter((l) => l.includes(':'));
    const body = lines.filter((l) => !l.includes(':')).join('');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body) || body.length % 4 === 1) throw new KeyImportError(`the PEM block "${m[1]}" is not valid base64`);
    let bin: string;
    try {
      bin = atob(body);
    } catch {
      // atob throws a DOMException (InvalidCharacterError) on a bad length or misplaced padding.
      throw new KeyImportError(`the PEM block "${m[1]}" is not valid base64`);
    }
    blocks.push({ label: m[1], der: Uint8Array.from(bin, (c) => c.charCodeAt(0)), headers });
  }
  return blocks;
}

/** Wraps DER bytes in a PEM block with 64-character lines. */
export function toPem(label: string, der: Uint8Array): string {
  let bin = '';
  for (const b of der) bin += String.fromCharCode(b);
  const b64 = btoa(bin).replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

/** Wraps a PKCS#1 RSAPrivateKey into PKCS#8 PrivateKeyInfo. */
export function pkcs1PrivateToPkcs8(der: Uint8Array): Uint8Array {
  return derSeq(derInt0(), derSeq(derOid(OID.rsaEncryption), derNull()), derEncode(0x04, der));
}

/** Wraps a PKCS#1 RSAPublicKey into SPKI. */
export function pkcs1PublicToSpki(der: Uint8Array): Uint8Array {
  return derSeq(derSeq(derOid(OID.rsaEncryption), derNull()), derEncode(0x03, Uint8Array.of(0), der));
}

/** Wraps a SEC1 ECPrivateKey into PKCS#8; the curve OID comes from the SEC1 `[0]` parameters. */
export function sec1ToPkcs8(der: Uint8Array): Uint8Array {
  const params = derChildren(readDer(der)).find((c) => c.tag === 0xa0);
  if (!params) throw new KeyImportError('the PEM block "EC PRIVATE KEY" does not name its curve');
  const curve = readDer(params.content);
  return derSeq(derInt0(), derSeq(derOid(OID.ecPublicKey), curve.raw), derEncode(0x04, der));
}

/** The algorithm OID and (for EC) curve OID of an SPKI or PKCS#8 structure. */
export function keyAlgorithm(der: Uint8Array, kind: 'pkcs8' | 'spki'): { oid: string; curveOid?: string } {
  const top = derChildren(readDer(der));
  const algId = top[kind === 'pkcs8' ? 1 : 0];
  if (!algId || algId.tag !== 0x30) throw new KeyImportError(`malformed ${kind === 'pkcs8' ? 'PKCS#8' : 'SPKI'} structure`);
  const [oid, params] = derChildren(algId);
  return { oid: oidToString(oid.content), curveOid: params?.tag === 0x06 ? oidToString(params.content) : undefined };
}

/** Extracts the SubjectPublicKeyInfo from an X.509 certificate. */
export function certificateSpki(der: Uint8Array): Uint8Array {
  const tbs = derChildren(readDer(der))[0];
  if (!tbs) throw new KeyImportError('malformed X.509 certificate');
  const fields = derChildren(tbs);
  const rest = fields[0]?.tag === 0xa0 ? fields.slice(1) : fields;
  const spki = rest[5];
  if (!spki || spki.tag !== 0x30) throw new KeyImportError('malformed X.509 certificate: no subjectPublicKeyInfo');
  return spki.raw;
}

