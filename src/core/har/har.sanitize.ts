/**
 * sanitizeHar(): a HAR that can be shared. Every token, client_secret, code, code_verifier, password,
 * cookie, Set-Cookie, Authorization credential, HETU and private key (PEM private key blocks, private
 * JWK members) is replaced wherever it stands (URLs, query and params arrays, headers, cookies,
 * postData, response bodies — also inside base64 bodies), while the structure stays a valid HAR that
 * DevTools can import and the OIDC flow stays visible.
 */
import type { Entry } from 'har-format';
import { HarReadError } from '../errors';
import { base64ToBytes, bytesToBase64 } from './har.body';
import { isCompactToken } from './har.locate';
import { byteOffset, jsonErrorOffset } from './har.json-scan';
import { Redactor, type SanitizeOptions } from './har.redactor';
import { Pass, cookies, decode, encode, headers, pairs, url } from './har.sanitize.fields';
import { PRIVATE_JWK_MEMBERS, isJwk, privateMember } from './har.sanitize.keys';
import { parseJsonStrict } from '../util/json';

export type { SanitizeOptions } from './har.redactor';
export { kindOfName } from './har.sanitize.fields';

function jsonWalk(p: Pass, v: unknown, key?: string, depth = 0): unknown {
  if (typeof v === 'string') return key !== undefined ? p.field(key, v) : p.text(v);
  if (depth > 64 || v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => jsonWalk(p, x, key, depth + 1));
  const out: Record<string, unknown> = {};
  const jwk = isJwk(v);
  for (const [k, x] of Object.entries(v)) out[k] = jwk && PRIVATE_JWK_MEMBERS.has(k) ? privateMember(p, x) : jsonWalk(p, x, k, depth + 1);
  return out;
}

/** A body text by its media type: JSON (walked by key), form (by field), anything else as free text. */
function body(p: Pass, text: string, mime: string): string {
  const t = text.trim();
  if (/json/i.test(mime) || ((t.startsWith('{') || t.startsWith('[')) && !isCompactToken(t))) {
    try {
      const walked = jsonWalk(p, JSON.parse(text));
      if (p.collect) return text;
      const out = JSON.stringify(walked, null, /\n\s/.test(text) ? 2 : undefined);
      return out === JSON.stringify(JSON.parse(text), null, /\n\s/.test(text) ? 2 : undefined) ? text : out;
    } catch { /* not JSON after all: free text */ }
  }
  if (/x-www-form-urlencoded/i.test(mime) || (!mime && /^[\w.-]+=[^&\s]*(&[\w.-]+=[^&\s]*)*$/.test(t))) return p.text(pairs(p, text));
  return p.text(text);
}

const utf8 = (s: string) => new TextEncoder().encode(s).length;

function postData(p: Pass, e: Entry): void {
  const pd = e.request.postData as { mimeType?: string; text?: string; params?: { name: string; value?: string; fileName?: string }[] } | undefined;
  if (!pd) return;
  const before = p.changed;
  p.changed = false;
  for (const prm of Array.isArray(pd.params) ? pd.params : []) {
    if (prm && typeof prm.value === 'string') {
      const encoded = /%[0-9a-f]{2}/i.test(prm.value);
      const value = encoded ? decode(prm.value) : prm.value;
      const out = p.field(String(prm.name), value);
      if (out !== value) prm.value = encoded ? encode(out) : out;
    }
  }
  if (typeof pd.text === 'string') pd.text = body(p, pd.text, String(pd.mimeType ?? ''));
  if (p.changed && !p.collect) e.request.bodySize = typeof pd.text === 'string' ? utf8(pd.text) : -1;
  p.changed ||= before;
}

function content(p: Pass, e: Entry): void {
  const c = e.response?.content as { text?: string; encoding?: string; mimeType?: string; size?: number } | undefined;
  if (!c || typeof c.text !== 'string' || c.text === '') return;
  const out = redactBody(c.text, c.encoding === 'base64', (t) => body(p, t, String(c.mimeType ?? '')));
  if (!out || p.collect) return;
  c.text = out.text;
  c.size = out.size;
  e.response.bodySize = -1;
}

/**
 * Redacts a body with `redact`; a base64 one is decoded first (UTF-8, else one character per byte so
 * the ASCII tokens inside binary are still found) and re-encoded; one that only claims base64 is
 * redacted as it stands. Returns the new text and its byte size, or undefined when nothing changed.
 */
function redactBody(text: string, base64: boolean, redact: (s: string) => string): { text: string; size: number } | undefined {
  let plain = text;
  let form: 'plain' | 'utf8' | 'latin1' = 'plain';
  if (base64) {
    let raw: Uint8Array | undefined;
    try { raw = base64ToBytes(text); } catch { raw = undefined; }
    if (raw) {
      try { plain = new TextDecoder('utf-8', { fatal: true }).decode(raw); form = 'utf8'; } catch { plain = latin1(raw); form = 'latin1'; }
    }
  }
  const out = redact(plain);
  if (out === plain) return undefined;
  const bytes = form === 'latin1' ? Uint8Array.from(out, (ch) => Math.min(ch.charCodeAt(0), 0xff)) : new TextEncoder().encode(out);
  return { text: form === 'plain' ? out : bytesToBase64(bytes), size: bytes.length };
}

/** Bytes as text, one character per byte. */
function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return s;
}

function entry(p: Pass, e: Entry): void {
  if (!e || typeof e !== 'object') return;
  const req = e.request, res = e.response;
  // A damaged request must not shield the response: each part is rewritten when it is an object.
  if (req && typeof req === 'object') {
    if (typeof req.url === 'string') req.url = url(p, req.url);
    for (const q of Array.isArray(req.queryString) ? req.queryString : []) if (q && typeof q.value === 'string') q.value = p.field(String(q.name), q.value);
    if (headers(p, req.headers) && !p.collect) req.headersSize = -1;
    cookies(p, req.cookies, 'cookie');
    postData(p, e);
  }
  if (!res || typeof res !== 'object') return;
  if (headers(p, res.headers) && !p.collect) res.headersSize = -1;
  cookies(p, res.cookies, 'set-cookie');
  if (typeof res.redirectURL === 'string') res.redirectURL = url(p, res.redirectURL);
  content(p, e);
}

/** Every other string of the document (vendor `_` fields, comments, pages) as free text. */
function rest(r: Redactor, v: unknown): unknown {
  if (typeof v === 'string') return r.text(v);
  // No depth cut-off: parseWhole refused anything nested deeper than MAX_DEPTH.
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) { for (let i = 0; i < v.length; i++) v[i] = rest(r, v[i]); return v; }
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    if (k === 'text' && o.encoding === 'base64' && typeof o.text === 'string') {
      // Any { text, encoding: "base64" } object, also outside response.content (vendor fields, damaged entries).
      const out = redactBody(o.text, true, (t) => r.text(t));
      if (out) o.text = out.text;
      continue;
    }
    const value = rest(r, o[k]);
    // Member names are text too: a token used as a key must not survive.
    const name = r.text(k);
    if (name !== k) { delete o[k]; Object.defineProperty(o, name, { value, enumerable: true, writable: true, configurable: true }); }
    else o[k] = value;
  }
  return v;
}

/** Deepest JSON nesting sanitizeHar rewrites (real traces stay under ~80, Chrome's async stacks included). */
const MAX_DEPTH = 256;

/** Parses a whole HAR for sanitising (a truncated file cannot be rewritten); throws HarReadError. */
function parseWhole(text: string): { log: { entries: Entry[] } } {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // A depth limit first: the rewrite and JSON.stringify recurse, and pretty-printing deep nesting
  // multiplies its size (a 6 KB trace of 3000 nested arrays became 18 MB; 6000 overflowed the stack).
  const parsed = parseJsonStrict(t, MAX_DEPTH);
  if (!parsed.ok && parsed.error.startsWith('nesting deeper than')) {
    throw new HarReadError(`cannot sanitise: the HAR nests deeper than ${MAX_DEPTH} levels`, {});
  }
  if (!parsed.ok) {
    const at = jsonErrorOffset(parsed.error, t);
    const offset = at === undefined ? undefined : byteOffset(t, at);
    throw new HarReadError(`cannot sanitise: the HAR is not valid JSON${offset === undefined ? '' : ` at byte offset ${offset}`} (${parsed.error})`, { offset });
  }
  const doc: unknown = parsed.value;
  const entries = (doc as { log?: { entries?: unknown } } | null)?.log?.entries;
  if (!Array.isArray(entries)) throw new HarReadError('cannot sanitise: not a HAR (missing "log.entries" array)', {});
  return doc as { log: { entries: Entry[] } };
}

/** Redacts every token and secret of a HAR; returns valid HAR text and counts by kind. */
export async function sanitizeHar(text: string, options: SanitizeOptions): Promise<{ text: string; redactions: Record<string, number> }> {
  if (!options || typeof options !== 'object') throw new TypeError('invalid options: expected { mode }');
  const r = new Redactor(options);
  const doc = parseWhole(text);
  const collect = new Pass(r, true);
  for (const e of doc.log.entries) entry(collect, e);
  const rewrite = new Pass(r, false);
  for (const e of doc.log.entries) entry(rewrite, e);
  rest(r, doc);
  let out: string;
  try {
    out = JSON.stringify(doc, null, 2) + '\n';
  } catch (e) {
    if (e instanceof RangeError) throw new HarReadError('cannot sanitise: the sanitised HAR is too large to write as one string', {}, { cause: e });
    throw e;
  }
  return { text: out, redactions: { ...r.counts } };
}
