/**
 * Strict base64url (RFC 4648 §5, no padding, RFC 7515 §2) with the exact position of the first bad
 * character, so decode errors can say where a segment breaks.
 */

/** 6-bit value of each char code, or -1 when the character is not in the base64url alphabet. */
const VALUE = /* @__PURE__ */ (() => {
  const table = new Int8Array(128).fill(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  return table;
})();
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Result of a strict decode: bytes, or the 1-based position of the first bad character. */
export type Base64urlResult =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; position: number; reason: 'character' | 'length' };

/** True when the char code is in the base64url alphabet (A–Z a–z 0–9 - _). */
export function isBase64urlCode(code: number): boolean {
  return code < 128 && VALUE[code] >= 0;
}

/**
 * Decodes base64url strictly: `=`, `+`, `/`, whitespace and anything outside the alphabet are errors
 * at their 1-based position; a length of 4n+1 is an error at its last character.
 */
export function decodeBase64url(input: string): Base64urlResult {
  const n = input.length;
  if (n % 4 === 1) {
    for (let i = 0; i < n; i++) if (!isBase64urlCode(input.charCodeAt(i))) return { ok: false, position: i + 1, reason: 'character' };
    return { ok: false, position: n, reason: 'length' };
  }
  const out = new Uint8Array(Math.floor((n * 3) / 4));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < n; i++) {
    const c = input.charCodeAt(i);
    const v = c < 128 ? VALUE[c] : -1;
    if (v < 0) return { ok: false, position: i + 1, reason: 'character' };
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return { ok: true, bytes: out };
}

/** Encodes bytes (or a string, as UTF-8) as base64url without padding. */
export function encodeBase64url(input: Uint8Array | string): string {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += ALPHABET[v >> 18] + ALPHABET[(v >> 12) & 63] + ALPHABET[(v >> 6) & 63] + ALPHABET[v & 63];
  }
  if (bytes.length - i === 1) {
    const v = bytes[i] << 16;
    out += ALPHABET[v >> 18] + ALPHABET[(v >> 12) & 63];
  } else if (bytes.length - i === 2) {
    const v = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += ALPHABET[v >> 18] + ALPHABET[(v >> 12) & 63] + ALPHABET[(v >> 6) & 63];
  }
  return out;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes UTF-8 strictly (fatal): null when the bytes are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return UTF8.decode(bytes);
  } catch {
    return null;
  }
}
