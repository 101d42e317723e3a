/** A small DER/ASN.1 reader and writer (just what PKCS#1/#8, SEC1, SPKI, X.509 and PBES2 need). */
import { KeyImportError } from '../errors';

/** One DER element: tag byte, content bytes, and the whole encoding. */
export interface Der { tag: number; content: Uint8Array; raw: Uint8Array }

/** OIDs of the key and PBES2 algorithms we read or write. */
export const OID = {
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsassaPss: '1.2.840.113549.1.1.10',
  ecPublicKey: '1.2.840.10045.2.1',
  'P-256': '1.2.840.10045.3.1.7',
  'P-384': '1.3.132.0.34',
  'P-521': '1.3.132.0.35',
  X25519: '1.3.101.110',
  X448: '1.3.101.111',
  Ed25519: '1.3.101.112',
  Ed448: '1.3.101.113',
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
} as const;

/** Reads one DER element at `offset`; throws KeyImportError on truncated or malformed input. */
export function readDer(buf: Uint8Array, offset = 0): Der & { end: number } {
  if (offset + 2 > buf.length) throw new KeyImportError('malformed DER: truncated element');
  const tag = buf[offset];
  let len = buf[offset + 1];
  let pos = offset + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || pos + n > buf.length) throw new KeyImportError('malformed DER: bad length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[pos + i];
    pos += n;
  }
  const end = pos + len;
  if (end > buf.length) throw new KeyImportError('malformed DER: element runs past the end');
  return { tag, content: buf.subarray(pos, end), raw: buf.subarray(offset, end), end };
}

/** The child elements of a constructed DER element (SEQUENCE, context tag). */
export function derChildren(el: Der): Der[] {
  const out: Der[] = [];
  let pos = 0;
  while (pos < el.content.length) {
    const child = readDer(el.content, pos);
    out.push(child);
    pos = child.end;
  }
  return out;
}

/** Decodes an OBJECT IDENTIFIER's content to dotted form. */
export function oidToString(content: Uint8Array): string {
  const parts: number[] = [];
  let value = 0;
  for (const b of content) {
    value = value * 128 + (b & 0x7f);
    if (!(b & 0x80)) { parts.push(value); value = 0; }
  }
  const first = parts.shift() ?? 0;
  const head = first < 80 ? [Math.floor(first / 40), first % 40] : [2, first - 80];
  return [...head, ...parts].join('.');
}

/** Encodes a DER element from a tag and content. */
export function derEncode(tag: number, ...contents: Uint8Array[]): Uint8Array {
  const len = contents.reduce((n, c) => n + c.length, 0);
  const lenBytes: number[] = [];
  if (len < 0x80) lenBytes.push(len);
  else {
    for (let l = len; l > 0; l = Math.floor(l / 256)) lenBytes.unshift(l & 0xff);
    lenBytes.unshift(0x80 | lenBytes.length);
  }
  const out = new Uint8Array(1 + lenBytes.length + len);
  out[0] = tag;
  out.set(lenBytes, 1);
  let pos = 1 + lenBytes.length;
  for (const c of contents) { out.set(c, pos); pos += c.length; }
  return out;
}

/** Encodes a dotted OID as a DER OBJECT IDENTIFIER. */
export function derOid(oid: string): Uint8Array {
  const [a, b, ...rest] = oid.split('.').map(Number);
  const bytes = [a * 40 + b];
  for (const n of rest) {
    const group = [n & 0x7f];
    for (let v = Math.floor(n / 128); v > 0; v = Math.floor(v / 128)) group.unshift(0x80 | (v & 0x7f));
    bytes.push(...group);
  }
  return derEncode(0x06, Uint8Array.from(bytes));
}

/** A DER SEQUENCE of the given encoded elements. */
export const derSeq = (...c: Uint8Array[]): Uint8Array => derEncode(0x30, ...c);
/** DER NULL. */
export const derNull = (): Uint8Array => Uint8Array.of(0x05, 0x00);
/** DER INTEGER 0. */
export const derInt0 = (): Uint8Array => Uint8Array.of(0x02, 0x01, 0x00);

