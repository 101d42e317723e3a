/**
 * Private key material for sanitizeHar: PEM private key blocks in any text (found in linear time:
 * each BEGIN line, then indexOf its END line) and the private members of JWKs in JSON values.
 */
import type { Pass } from './har.sanitize.fields';

const BEGIN = '-----BEGIN ';
const HEADER = /-----BEGIN ((?:RSA |EC |ENCRYPTED |OPENSSH |DSA )?PRIVATE KEY)-----/y;
/** What a truncated PEM body (no END line) may hold: base64, whitespace, legacy headers, `\n` escapes. */
const BODY_CHAR = /[A-Za-z0-9+/=\s:,-]/;

/** Where a PEM block without its END line stops: the end of its body-like run of characters. */
function bodyEnd(s: string, from: number): number {
  let i = from;
  while (i < s.length) {
    if (s[i] === '\\' && (s[i + 1] === 'n' || s[i + 1] === 'r')) i += 2;
    else if (BODY_CHAR.test(s[i])) i++;
    else break;
  }
  return i;
}

/**
 * Replaces every PEM private key block of `s` with `replace(block)`; returns `s` itself when none.
 * A block without its END line is replaced up to the end of its body. Linear in `s.length`.
 */
export function redactPemKeys(s: string, replace: (block: string) => string): string {
  if (!s.includes(BEGIN)) return s;
  const noEnd = new Set<string>(); // a label whose END line is missing after some point is missing after any later point
  let out = '', last = 0, at = s.indexOf(BEGIN);
  while (at !== -1) {
    HEADER.lastIndex = at;
    const m = HEADER.exec(s);
    if (!m) { at = s.indexOf(BEGIN, at + 1); continue; }
    const from = at + m[0].length, endLine = `-----END ${m[1]}-----`;
    let stop = noEnd.has(m[1]) ? -1 : s.indexOf(endLine, from);
    if (stop === -1) { noEnd.add(m[1]); stop = bodyEnd(s, from); } else stop += endLine.length;
    out += s.slice(last, at) + replace(s.slice(at, stop));
    last = stop;
    at = s.indexOf(BEGIN, stop);
  }
  return last === 0 ? s : out + s.slice(last);
}

/** JWK members that hold private key material (RFC 7518 §6.2.2, §6.3.2, §6.4.1). */
export const PRIVATE_JWK_MEMBERS: ReadonlySet<string> = new Set(['d', 'p', 'q', 'dp', 'dq', 'qi', 'k', 'oth']);

/** True when `o` is a JSON object that looks like a JWK (has a `kty` member). */
export function isJwk(o: unknown): o is Record<string, unknown> {
  return o !== null && typeof o === 'object' && !Array.isArray(o) && Object.prototype.hasOwnProperty.call(o, 'kty');
}

/** A private JWK member's value, redacted as `private-key` (registered in the collect pass). */
export function privateMember(p: Pass, value: unknown): unknown {
  if (value === null || value === undefined || value === '') return value;
  const raw = typeof value === 'string' ? value : JSON.stringify(value);
  const out = p.value('private-key', raw);
  return p.collect ? value : out;
}

/** Redacts the private members of every JWK inside a parsed JSON value (in place); true when one was found. */
function walkJwks(p: Pass, v: unknown, depth: number): boolean {
  if (depth > 64 || v === null || typeof v !== 'object') return false;
  let found = false;
  if (Array.isArray(v)) { for (const x of v) found = walkJwks(p, x, depth + 1) || found; return found; }
  const o = v as Record<string, unknown>;
  const jwk = isJwk(o);
  for (const k of Object.keys(o)) {
    if (jwk && PRIVATE_JWK_MEMBERS.has(k)) { const r = privateMember(p, o[k]); if (r !== o[k]) { o[k] = r; found = true; } }
    else found = walkJwks(p, o[k], depth + 1) || found;
  }
  return found;
}

/**
 * A string field holding JSON (a query or form parameter, a JSON string inside a body): the same
 * JSON with the private members of its JWKs redacted, or `value` itself when it holds none.
 */
export function redactJwksInJson(p: Pass, value: string): string {
  const t = value.trim();
  if (!(t.startsWith('{') || t.startsWith('[')) || !t.includes('"kty"')) return value;
  let parsed: unknown;
  try { parsed = JSON.parse(t); } catch { return value; }
  if (!walkJwks(p, parsed, 0) || p.collect) return value;
  return JSON.stringify(parsed, null, /\n\s/.test(t) ? 2 : undefined);
}
