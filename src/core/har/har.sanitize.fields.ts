/**
 * Field-level redaction for sanitizeHar: named parameters (client_secret, code, code_verifier,
 * passwords, token fields), URLs, Authorization, Cookie and Set-Cookie headers, cookie arrays.
 */
import type { Cookie, Header } from 'har-format';
import { isCompactToken } from './har.locate';
import type { RedactionKind, Redactor } from './har.redactor';
import { redactJwksInJson } from './har.sanitize.keys';

/** The redaction kind of a parameter, form field or JSON key name, if its value is secret. */
export function kindOfName(name: string): RedactionKind | 'token' | undefined {
  const n = name.toLowerCase();
  if (n === 'client_secret') return 'client_secret';
  if (n === 'code') return 'code';
  if (n === 'code_verifier') return 'code_verifier';
  if (/password|passwd|passphrase|^pass$|^pwd$|^pin$/.test(n)) return 'password';
  if (/^(access_token|refresh_token|id_token|client_assertion|request|logout_token|assertion|subject_token|token)$/.test(n)) return 'token';
  return undefined;
}

/** One traversal: `collect` registers secret values, otherwise values are replaced. */
export class Pass {
  changed = false;
  constructor(readonly r: Redactor, readonly collect: boolean) {}

  /** A named field's value. */
  field(name: string, value: string): string {
    const kind = kindOfName(name);
    if (!kind || value === '' || /^REDACTED/.test(value)) return this.text(redactJwksInJson(this, value));
    const v = value.trim();
    if (this.collect) { if (!isCompactToken(v)) this.r.register(kind, value); return value; }
    this.changed = true;
    return isCompactToken(v) ? this.r.token(v) : this.r.replace(kind, value);
  }

  /** A value of a known kind (cookie, set-cookie, authorization). */
  value(kind: RedactionKind, value: string): string {
    if (value === '' || /^REDACTED/.test(value)) return value;
    if (this.collect) { this.r.register(kind, value); return value; }
    this.changed = true;
    return this.r.replace(kind, value);
  }

  /** Free text. */
  text(s: string): string {
    if (this.collect) return s;
    const out = this.r.text(s);
    if (out !== s) this.changed = true;
    return out;
  }
}

/** Form/URL decoding that never throws. */
export function decode(s: string): string {
  try { return decodeURIComponent(s.replace(/\+/g, ' ')); } catch { return s; }
}

/** Percent-encoding that never throws: lone surrogates (URIError) become U+FFFD first. */
export function encode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return encodeURIComponent(s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
  }
}

/** `a=1&b=2` with secret values replaced (names and separators kept). */
export function pairs(p: Pass, s: string): string {
  return s.split('&').map((part) => {
    const eq = part.indexOf('=');
    if (eq === -1) return part;
    const name = decode(part.slice(0, eq)), raw = part.slice(eq + 1), value = decode(raw);
    const out = p.field(name, value);
    return out === value ? part : `${part.slice(0, eq)}=${encode(out)}`;
  }).join('&');
}

/** A URL with secret query/fragment values replaced, then free-text redaction. */
export function url(p: Pass, u: string): string {
  const hash = u.indexOf('#');
  const base = hash === -1 ? u : u.slice(0, hash);
  const q = base.indexOf('?');
  let out = q === -1 ? base : `${base.slice(0, q + 1)}${pairs(p, base.slice(q + 1))}`;
  if (hash !== -1) out += `#${pairs(p, u.slice(hash + 1))}`;
  return p.text(out);
}

function authorization(p: Pass, v: string): string {
  const m = /^(\S+)(\s+)(.+)$/.exec(v.trim());
  if (!m) return p.value('authorization', v);
  if (p.collect) { if (!isCompactToken(m[3])) p.r.register('authorization', m[3]); return v; }
  p.changed = true;
  if (!isCompactToken(m[3])) return `${m[1]}${m[2]}${p.r.replace('authorization', m[3])}`;
  p.r.counts.authorization = (p.r.counts.authorization ?? 0) + 1;
  return `${m[1]}${m[2]}${p.r.token(m[3])}`;
}

function cookieHeader(p: Pass, v: string): string {
  return v.split(';').map((c) => {
    const eq = c.indexOf('=');
    return eq === -1 ? c : `${c.slice(0, eq)}=${p.value('cookie', c.slice(eq + 1).trim())}`;
  }).join(';');
}

function setCookie(p: Pass, v: string): string {
  return v.split('\n').map((line) => {
    const semi = line.indexOf(';'), first = semi === -1 ? line : line.slice(0, semi), eq = first.indexOf('=');
    return eq === -1 ? line : `${first.slice(0, eq)}=${p.value('set-cookie', first.slice(eq + 1).trim())}${semi === -1 ? '' : line.slice(semi)}`;
  }).join('\n');
}

/** Redacts a header list in place; true when a value changed (headersSize must then be -1). */
export function headers(p: Pass, list: Header[] | undefined): boolean {
  if (!Array.isArray(list)) return false;
  const before = p.changed;
  p.changed = false;
  for (const h of list) {
    if (!h || typeof h.value !== 'string') continue;
    const n = String(h.name).toLowerCase();
    if (n === 'authorization' || n === 'proxy-authorization') h.value = authorization(p, h.value);
    else if (n === 'cookie') h.value = cookieHeader(p, h.value);
    else if (n === 'set-cookie') h.value = setCookie(p, h.value);
    else if (n === 'location' || n === 'referer' || n === 'content-location') h.value = url(p, h.value);
    else h.value = p.text(h.value);
  }
  const changed = p.changed;
  p.changed = before || changed;
  return changed;
}

/** Redacts the values of a HAR cookies array in place. */
export function cookies(p: Pass, list: Cookie[] | undefined, kind: 'cookie' | 'set-cookie'): void {
  if (!Array.isArray(list)) return;
  for (const c of list) if (c && typeof c.value === 'string') c.value = p.value(kind, c.value);
}

