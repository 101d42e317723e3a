/**
 * Decodes compact and JSON-serialised JWS/JWE without verifying anything. Never throws: malformed
 * input comes back as a DecodeError saying exactly what is wrong and where.
 */
import { DEFAULT_LIMITS } from './limits';
import type { DecodeError } from './types';
import type { DecodedJWE, DecodedJWS, DecodedToken } from './token.types';
import { decodeBase64url, decodeUtf8 } from './util/base64url';
import { parseJsonStrict } from './util/json';

type Format = 'JWS' | 'JWE';
type Failure = { format: Format | null; error: DecodeError; header?: Record<string, unknown> };
type Json = Record<string, unknown>;

/** Errors made here (plain objects, so a hostile header with "code"/"message" members is never one). */
const MADE = new WeakSet<object>();

/** Builds a DecodeError. */
function err(code: DecodeError['code'], message: string, segment?: string): DecodeError {
  const e: DecodeError = segment === undefined ? { code, message } : { code, message, segment };
  MADE.add(e);
  return e;
}

/** True for a DecodeError made by this module (as opposed to a decoded value). */
function isErr(v: unknown): v is DecodeError {
  return typeof v === 'object' && v !== null && MADE.has(v);
}

/** `a JSON array`, `JSON null`…: how to name a JSON value that is not an object. */
function jsonKind(v: unknown): string {
  if (v === null) return 'JSON null';
  return `a JSON ${Array.isArray(v) ? 'array' : typeof v}`;
}

/** Decodes one base64url segment; `segment` names it in the error (1-based character position). */
export function segmentBytes(segment: string, value: string): Uint8Array | DecodeError {
  const r = decodeBase64url(value);
  if (r.ok) return r.bytes;
  if (r.reason === 'length') {
    return err('ERR_BASE64URL', `${segment} segment is not valid base64url: a length of ${value.length} characters is impossible`, segment);
  }
  return err('ERR_BASE64URL', `${segment} segment is not valid base64url at character ${r.position}`, segment);
}

/** Decodes a protected header segment to a JSON object (alg/enc are checked by the caller). */
export function decodeHeaderSegment(value: string, maxHeaderBytes = DEFAULT_LIMITS.maxHeaderBytes): { header: Json; duplicates: string[] } | DecodeError {
  const size = Math.floor((value.length * 3) / 4);
  if (size > maxHeaderBytes) return err('ERR_TOO_LARGE', `header is ${size} bytes, over the limit of ${maxHeaderBytes}`, 'header');
  if (value.length === 0) return err('ERR_SEGMENTS', 'header segment is empty', 'header');
  const bytes = segmentBytes('header', value);
  if (isErr(bytes)) return bytes;
  const text = decodeUtf8(bytes);
  if (text === null) return err('ERR_UTF8', 'header segment is not valid UTF-8', 'header');
  const parsed = parseJsonStrict(text);
  if (!parsed.ok) return err('ERR_JSON', `header is not valid JSON: ${parsed.error}`, 'header');
  if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) {
    return err('ERR_NOT_OBJECT', `header is ${jsonKind(parsed.value)}, not an object`, 'header');
  }
  return { header: parsed.value as Json, duplicates: parsed.duplicates };
}

/** Checks the members every header needs: "alg", and "enc" for a JWE. */
function checkHeader(header: Json, format: Format): DecodeError | undefined {
  if (!('alg' in header)) return err('ERR_MISSING_ALG', 'header has no "alg" member', 'header');
  if (typeof header.alg !== 'string') return err('ERR_MISSING_ALG', 'header "alg" member is not a string', 'header');
  if (format === 'JWE') {
    if (!('enc' in header)) return err('ERR_MISSING_ENC', 'header has no "enc" member', 'header');
    if (typeof header.enc !== 'string') return err('ERR_MISSING_ENC', 'header "enc" member is not a string', 'header');
  }
  return undefined;
}

/** Reads payload bytes as UTF-8 text and JSON object, saying why when it is neither. */
function readPayload(bytes: Uint8Array): Pick<DecodedJWS, 'payloadText' | 'payload' | 'payloadError'> & { duplicates: string[] } {
  const payloadText = decodeUtf8(bytes);
  if (payloadText === null) {
    return { payloadText, payload: null, payloadError: err('ERR_UTF8', 'payload segment is not valid UTF-8', 'payload'), duplicates: [] };
  }
  const parsed = parseJsonStrict(payloadText);
  if (!parsed.ok) return { payloadText, payload: null, payloadError: err('ERR_JSON', `payload is not valid JSON: ${parsed.error}`, 'payload'), duplicates: [] };
  if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) {
    return { payloadText, payload: null, payloadError: err('ERR_NOT_OBJECT', `payload is ${jsonKind(parsed.value)}, not an object`, 'payload'), duplicates: [] };
  }
  return { payloadText, payload: parsed.value as Json, duplicates: parsed.duplicates };
}

/** Payload bytes: base64url-decoded, or the raw text for an unencoded payload (RFC 7797 `b64: false`). */
function payloadBytes(protectedHeader: Json, value: string): Uint8Array | DecodeError {
  // RFC 7797 §3: "b64" counts only in the protected header.
  if (protectedHeader.b64 === false) return new TextEncoder().encode(value);
  return segmentBytes('payload', value);
}

/** Builds a decoded JWS from its (protected) header and the payload and signature members. */
function buildJws(
  serialization: DecodedJWS['serialization'],
  h: { header: Json; protectedHeader: Json; duplicates: string[] },
  payload: string,
  signature: string,
  signatureCount: number,
  protectedValue: string,
): DecodedJWS | Failure {
  const bad = checkHeader(h.header, 'JWS');
  if (bad) return { format: 'JWS', error: bad, header: h.header };
  const bytes = payloadBytes(h.protectedHeader, payload);
  if (isErr(bytes)) return { format: 'JWS', error: bytes, header: h.header };
  const sig = segmentBytes('signature', signature);
  if (isErr(sig)) return { format: 'JWS', error: sig, header: h.header };
  const p = readPayload(bytes);
  const result: DecodedJWS = {
    format: 'JWS', serialization, header: h.header, protectedHeader: h.protectedHeader,
    payloadBytes: bytes, payloadText: p.payloadText, payload: p.payload,
    signature: sig, signatureCount,
    duplicates: { header: h.duplicates, payload: p.duplicates },
    segments: { protected: protectedValue, payload, signature },
  };
  if (p.payloadError) result.payloadError = p.payloadError;
  return result;
}

/** Checks the JWE's binary segments are base64url; returns the first error. */
function checkJweSegments(s: DecodedJWE['segments']): DecodeError | undefined {
  for (const name of ['encrypted_key', 'iv', 'ciphertext', 'tag'] as const) {
    const r = segmentBytes(name, s[name]);
    if (isErr(r)) return r;
  }
  return undefined;
}

/** Decodes a compact JWS (3 segments) or JWE (5 segments). */
function decodeCompact(raw: string, maxHeaderBytes: number): DecodedToken {
  const parts = raw.split('.');
  if (parts.length !== 3 && parts.length !== 5) {
    return { format: null, error: err('ERR_SEGMENTS', `expected 3 (JWS) or 5 (JWE) segments, found ${parts.length}`) };
  }
  const format: Format = parts.length === 3 ? 'JWS' : 'JWE';
  const h = decodeHeaderSegment(parts[0], maxHeaderBytes);
  if (isErr(h)) return { format, error: h };
  if (format === 'JWS') {
    return buildJws('compact', { header: h.header, protectedHeader: h.header, duplicates: h.duplicates }, parts[1], parts[2], 1, parts[0]);
  }
  const bad = checkHeader(h.header, 'JWE');
  if (bad) return { format, error: bad, header: h.header };
  const segments = { protected: parts[0], encrypted_key: parts[1], iv: parts[2], ciphertext: parts[3], tag: parts[4] };
  const segErr = checkJweSegments(segments);
  if (segErr) return { format, error: segErr, header: h.header };
  return { format, serialization: 'compact', header: h.header, protectedHeader: h.header, duplicates: { header: h.duplicates, payload: [] }, segments, recipientCount: 1 };
}

/**
 * Decodes a JWS or JWE, compact (`a.b.c`, `a.b.c.d.e`) or JSON-serialised (flattened or general).
 * Never throws; nothing is verified or decrypted.
 * @example decodeToken('eyJhbGciOiJub25lIn0.e30.')  // { format: 'JWS', header: { alg: 'none' }, payload: {} … }
 */
export function decodeToken(raw: string, options?: { maxHeaderBytes?: number }): DecodedToken {
  const maxHeaderBytes = options?.maxHeaderBytes ?? DEFAULT_LIMITS.maxHeaderBytes;
  try {
    const text = String(raw).trim();
    return text.startsWith('{') ? decodeJson(text, maxHeaderBytes) : decodeCompact(text, maxHeaderBytes);
  } catch (e) {
    // Defensive: decoding must never throw (e.g. out of memory on hostile input).
    return { format: null, error: err('ERR_TOO_LARGE', `token could not be decoded: ${e instanceof Error ? e.message : String(e)}`) };
  }
}

/** A member that must be a string when present (or always, when `required`). */
function strMember(obj: Json, name: string, segment: string, required = false): string | DecodeError {
  const v = obj[name];
  if (v === undefined) return required ? err('ERR_SEGMENTS', `JSON serialization has no "${name}" member`, segment) : '';
  return typeof v === 'string' ? v : err('ERR_SEGMENTS', `"${name}" member is ${jsonKind(v)}, not a string`, segment);
}

/** A member that must be a JSON object when present. */
function objMember(obj: Json, name: string): Json | undefined | DecodeError {
  const v = obj[name];
  if (v === undefined) return undefined;
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Json;
  return err('ERR_NOT_OBJECT', `"${name}" member is ${jsonKind(v)}, not an object`, 'header');
}

/** The first element of a non-empty array of objects (`signatures`, `recipients`). */
function firstOf(obj: Json, name: string): Json | DecodeError {
  const v = obj[name];
  if (!Array.isArray(v)) return err('ERR_SEGMENTS', `"${name}" member is ${jsonKind(v)}, not an array`);
  if (v.length === 0) return err('ERR_SEGMENTS', `"${name}" member is an empty array`);
  const first: unknown = v[0];
  if (typeof first !== 'object' || first === null || Array.isArray(first)) {
    return err('ERR_NOT_OBJECT', `"${name}[0]" is ${jsonKind(first)}, not an object`);
  }
  return first as Json;
}

/** Decodes "protected" and merges the unprotected headers into it (RFC 7515 §7.2.1: names must be disjoint). */
function mergeHeaders(protectedValue: string, unprotected: (Json | undefined)[], maxHeaderBytes: number): { header: Json; protectedHeader: Json; duplicates: string[] } | DecodeError {
  let protectedHeader: Json = {};
  const duplicates = new Set<string>();
  if (protectedValue !== '') {
    const h = decodeHeaderSegment(protectedValue, maxHeaderBytes);
    if (isErr(h)) return h;
    protectedHeader = h.header;
    h.duplicates.forEach((d) => duplicates.add(d));
  }
  const header: Json = { ...protectedHeader };
  for (const u of unprotected) {
    for (const [k, v] of Object.entries(u ?? {})) {
      // Own properties only: "toString" or "__proto__" are ordinary member names, never Object.prototype's.
      if (Object.hasOwn(header, k)) duplicates.add(k);
      else Object.defineProperty(header, k, { value: v, enumerable: true, writable: true, configurable: true });
    }
  }
  return { header, protectedHeader, duplicates: [...duplicates] };
}

/** Decodes a flattened or general JWS JSON serialization (RFC 7515 §7.2). */
function decodeJsonJws(obj: Json, maxHeaderBytes: number): DecodedToken {
  const general = 'signatures' in obj;
  const sigObj = general ? firstOf(obj, 'signatures') : obj;
  if (isErr(sigObj)) return { format: 'JWS', error: sigObj };
  const payload = strMember(obj, 'payload', 'payload', true);
  const prot = strMember(sigObj, 'protected', 'header');
  const unprot = objMember(sigObj, 'header');
  const signature = strMember(sigObj, 'signature', 'signature', true);
  for (const v of [payload, prot, unprot, signature]) if (isErr(v)) return { format: 'JWS', error: v };
  const h = mergeHeaders(prot as string, [unprot as Json | undefined], maxHeaderBytes);
  if (isErr(h)) return { format: 'JWS', error: h };
  const count = general ? (obj.signatures as unknown[]).length : 1;
  return buildJws(general ? 'general' : 'flattened', h, payload as string, signature as string, count, prot as string);
}

/** Decodes a flattened or general JWE JSON serialization (RFC 7516 §7.2). */
function decodeJsonJwe(obj: Json, maxHeaderBytes: number): DecodedToken {
  const general = 'recipients' in obj;
  const rcpt = general ? firstOf(obj, 'recipients') : obj;
  if (isErr(rcpt)) return { format: 'JWE', error: rcpt };
  const prot = strMember(obj, 'protected', 'header');
  const shared = objMember(obj, 'unprotected');
  const own = objMember(rcpt, 'header');
  const ek = strMember(rcpt, 'encrypted_key', 'encrypted_key');
  const iv = strMember(obj, 'iv', 'iv');
  const ct = strMember(obj, 'ciphertext', 'ciphertext', true);
  const tag = strMember(obj, 'tag', 'tag');
  for (const v of [prot, shared, own, ek, iv, ct, tag]) if (isErr(v)) return { format: 'JWE', error: v };
  const h = mergeHeaders(prot as string, [shared as Json | undefined, own as Json | undefined], maxHeaderBytes);
  if (isErr(h)) return { format: 'JWE', error: h };
  const bad = checkHeader(h.header, 'JWE');
  if (bad) return { format: 'JWE', error: bad, header: h.header };
  const segments = { protected: prot as string, encrypted_key: ek as string, iv: iv as string, ciphertext: ct as string, tag: tag as string };
  const segErr = checkJweSegments(segments);
  if (segErr) return { format: 'JWE', error: segErr, header: h.header };
  const recipientCount = general ? (obj.recipients as unknown[]).length : 1;
  return { format: 'JWE', serialization: general ? 'general' : 'flattened', header: h.header, protectedHeader: h.protectedHeader, duplicates: { header: h.duplicates, payload: [] }, segments, recipientCount };
}

/** Decodes a JSON serialization: a JWE when it has "ciphertext", a JWS when it has "payload". */
function decodeJson(text: string, maxHeaderBytes: number): DecodedToken {
  const parsed = parseJsonStrict(text);
  if (!parsed.ok) return { format: null, error: err('ERR_JSON', `token is not valid JSON: ${parsed.error}`) };
  const obj = parsed.value;
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
    return { format: null, error: err('ERR_NOT_OBJECT', `token is ${jsonKind(obj)}, not an object`) };
  }
  if ('ciphertext' in obj) return decodeJsonJwe(obj as Json, maxHeaderBytes);
  if ('payload' in obj) return decodeJsonJws(obj as Json, maxHeaderBytes);
  return { format: null, error: err('ERR_SEGMENTS', 'JSON serialization has no "payload" (JWS) or "ciphertext" (JWE) member') };
}
