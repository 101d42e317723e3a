/**
 * sanitizeHar(): a HAR that can be shared. Every token, client_secret, code, code_verifier, password,
 * cookie, Set-Cookie, Authorization credential and HETU is replaced wherever it stands (URLs, query
 * and params arrays, headers, cookies, postData, response bodies — also inside base64 bodies), while
 * the structure stays a valid HAR that DevTools can import and the OIDC flow stays visible.
 */
import type { Entry } from 'har-format';
import { HarReadError } from '../errors';
import { base64ToBytes, bytesToBase64 } from './har.body';
import { isCompactToken } from './har.locate';
import { byteOffset, jsonErrorOffset } from './har.json-scan';
import { Redactor, type SanitizeOptions } from './har.redactor';
import { Pass, cookies, decode, headers, pairs, url } from './har.sanitize.fields';

export type { SanitizeOptions } from './har.redactor';
export { kindOfName } from './har.sanitize.fields';

function jsonWalk(p: Pass, v: unknown, key?: string, depth = 0): unknown {
  if (typeof v === 'string') return key !== undefined ? p.field(key, v) : p.text(v);
  if (depth > 64 || v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => jsonWalk(p, x, key, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = jsonWalk(p, x, k, depth + 1);
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
      if (out !== value) prm.value = encoded ? encodeURIComponent(out) : out;
    }
  }
  if (typeof pd.text === 'string') pd.text = body(p, pd.text, String(pd.mimeType ?? ''));
  if (p.changed && !p.collect) e.request.bodySize = typeof pd.text === 'string' ? utf8(pd.text) : -1;
  p.changed ||= before;
}

function content(p: Pass, e: Entry): void {
  const c = e.response?.content as { text?: string; encoding?: string; mimeType?: string; size?: number } | undefined;
  if (!c || typeof c.text !== 'string' || c.text === '') return;
  let text = c.text;
  if (c.encoding === 'base64') {
    try { text = new TextDecoder('utf-8', { fatal: true }).decode(base64ToBytes(c.text)); } catch { return; /* binary */ }
  }
  const out = body(p, text, String(c.mimeType ?? ''));
  if (out === text || p.collect) return;
  const bytes = new TextEncoder().encode(out);
  c.text = c.encoding === 'base64' ? bytesToBase64(bytes) : out;
  c.size = bytes.length;
  e.response.bodySize = -1;
}

function entry(p: Pass, e: Entry): void {
  if (!e || typeof e !== 'object' || !e.request) return;
  const req = e.request, res = e.response;
  if (typeof req.url === 'string') req.url = url(p, req.url);
  for (const q of Array.isArray(req.queryString) ? req.queryString : []) if (q && typeof q.value === 'string') q.value = p.field(String(q.name), q.value);
  if (headers(p, req.headers) && !p.collect) req.headersSize = -1;
  cookies(p, req.cookies, 'cookie');
  postData(p, e);
  if (!res) return;
  if (headers(p, res.headers) && !p.collect) res.headersSize = -1;
  cookies(p, res.cookies, 'set-cookie');
  if (typeof res.redirectURL === 'string') res.redirectURL = url(p, res.redirectURL);
  content(p, e);
}

/** Every other string of the document (vendor `_` fields, comments, pages) as free text. */
function rest(r: Redactor, v: unknown, depth = 0): unknown {
  if (typeof v === 'string') return r.text(v);
  if (depth > 64 || v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) { for (let i = 0; i < v.length; i++) v[i] = rest(r, v[i], depth + 1); return v; }
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!(k === 'text' && o.encoding === 'base64')) o[k] = rest(r, o[k], depth + 1);
  return v;
}

/** Parses a whole HAR for sanitising (a truncated file cannot be rewritten); throws HarReadError. */
function parseWhole(text: string): { log: { entries: Entry[] } } {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let doc: unknown;
  try {
    doc = JSON.parse(t);
  } catch (err) {
    const at = jsonErrorOffset((err as Error).message, t);
    const offset = at === undefined ? undefined : byteOffset(t, at);
    throw new HarReadError(`cannot sanitise: the HAR is not valid JSON${offset === undefined ? '' : ` at byte offset ${offset}`} (${(err as Error).message})`, { offset }, { cause: err });
  }
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
  return { text: JSON.stringify(doc, null, 2) + '\n', redactions: { ...r.counts } };
}
