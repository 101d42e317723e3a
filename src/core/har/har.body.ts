/**
 * Message bodies and parameters of HAR entries: base64 bodies (atob + TextDecoder, no Buffer),
 * url-encoded forms from `postData.text` or `postData.params`, cookies, and URL query/fragment.
 */
import type { Content, Cookie, Header, PostData } from 'har-format';
import type { BodyView, Params } from './har.types';

/** Appends a value to a multi-valued map. */
export function addParam(map: Params, name: string, value: string): void {
  // Own properties only: a parameter named "constructor" or "__proto__" is an ordinary name.
  if (!Object.hasOwn(map, name)) Object.defineProperty(map, name, { value: [], enumerable: true, writable: true, configurable: true });
  map[name].push(value);
}

function decodeComponent(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** Parses `a=1&b=2` (form or query syntax) into a multi-valued map. */
export function parseForm(text: string): Params {
  const out: Params = {};
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = decodeComponent(eq === -1 ? part : part.slice(0, eq));
    addParam(out, name, eq === -1 ? '' : decodeComponent(part.slice(eq + 1)));
  }
  return out;
}

/** Splits a URL into endpoint (no query/fragment), host, path, query and fragment parameters. */
export function parseUrl(url: string): { endpoint: string; host: string; path: string; query: Params; fragment: Params } {
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt === -1 ? url : url.slice(0, hashAt);
  const qAt = beforeHash.indexOf('?');
  const endpoint = qAt === -1 ? beforeHash : beforeHash.slice(0, qAt);
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)(.*)$/i.exec(endpoint);
  const host = m ? m[1].replace(/^[^@]*@/, '').toLowerCase() : '';
  return {
    endpoint, host, path: m ? m[2] || '/' : endpoint,
    query: qAt === -1 ? {} : parseForm(beforeHash.slice(qAt + 1)),
    fragment: hashAt === -1 ? {} : parseForm(url.slice(hashAt + 1)),
  };
}

/** Header list as a map with lowercased names. */
export function headerMap(headers: Header[] | undefined): Params {
  const out: Params = {};
  for (const h of Array.isArray(headers) ? headers : []) {
    if (h && typeof h.name === 'string') addParam(out, h.name.toLowerCase(), String(h.value ?? ''));
  }
  return out;
}

/** Form parameters of a request body: `params` when present (Fiddler gives only these), else parsed text. */
export function formParams(post: PostData | undefined): Params {
  if (!post) return {};
  const params = (post as { params?: { name: string; value?: string }[] }).params;
  if (Array.isArray(params) && params.length > 0) {
    const out: Params = {};
    for (const p of params) {
      if (!p || typeof p.name !== 'string') continue;
      const v = String(p.value ?? '');
      addParam(out, p.name, /%[0-9a-f]{2}/i.test(v) ? decodeComponent(v) : v);
    }
    return out;
  }
  const text = typeof post.text === 'string' ? post.text : '';
  const mime = String(post.mimeType ?? '').toLowerCase();
  if (mime.includes('x-www-form-urlencoded') || (!mime && /^[\w.-]+=[^&]*(&[\w.-]+=[^&]*)*$/.test(text))) return parseForm(text);
  return {};
}

/** Cookies as a map: the HAR `cookies` array, or the Cookie / Set-Cookie headers when it is empty. */
export function cookieMap(cookies: Cookie[] | undefined, headers: Params, response: boolean): Params {
  const out: Params = {};
  if (Array.isArray(cookies) && cookies.length > 0) {
    for (const c of cookies) if (c && typeof c.name === 'string') addParam(out, c.name, String(c.value ?? ''));
    return out;
  }
  const lines = response ? headers['set-cookie'] ?? [] : (headers['cookie'] ?? []).flatMap((l) => l.split(';'));
  for (const line of lines.flatMap((l) => (response ? l.split('\n') : [l]))) {
    const pair = response ? line.split(';')[0] : line;
    const eq = pair.indexOf('=');
    if (eq > 0) addParam(out, pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  return out;
}

/** Decodes base64 (standard alphabet, as HAR writers use) to bytes. Throws on bad input. */
export function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64.replace(/\s+/g, ''));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Encodes bytes as standard base64. */
export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

const BINARY_MIME = /^\s*(?:(?:image|font|audio|video)\/(?!svg\+xml)|application\/(?:octet-stream|wasm|pdf|zip|x-zip-compressed|gzip|x-gzip|x-7z-compressed|x-rar-compressed|vnd\.ms-fontobject|font-woff2?)\b)/i;

/** True for media types whose bodies are binary (images but SVG, fonts, audio, video, archives, PDF, wasm): no tokens as text. */
export function isBinaryMime(mimeType: string): boolean {
  return BINARY_MIME.test(mimeType);
}

/** The text of a body (`content` or `postData`), decoding base64; skipped over `maxChars`; binary media types have no text. */
export function bodyView(content: Content | PostData | undefined, maxChars: number): BodyView {
  const mimeType = String(content?.mimeType ?? '');
  const text = content?.text;
  if (typeof text !== 'string' || text === '' || isBinaryMime(mimeType)) return { mimeType };
  if (text.length > maxChars) return { mimeType, skipped: `body of ${text.length} characters is over the limit of ${maxChars}` };
  if ((content as Content).encoding !== 'base64') return { text, mimeType };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(base64ToBytes(text)), mimeType };
  } catch {
    return { mimeType };
  }
}

