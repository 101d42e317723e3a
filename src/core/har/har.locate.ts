/**
 * Locating tokens in one HAR entry: every JWS/JWE with its exact place (entry, part, field, name)
 * and the context that drives classification (`client_assertion` form field, `Authorization: Bearer`,
 * `$.id_token` in a token response, an application/jwt userinfo body, …).
 */
import { scanText } from '../token.scan';
import type { RequestContext } from '../rules/context';
import type { HarPlace, TokenContext } from '../types';
import { bodyView, cookieMap, formParams, headerMap, parseUrl } from './har.body';
import type { EntryView, LocatedToken, Params, ReadEntry } from './har.types';

const COMPACT = /^eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)?$/;
const SKIP_HEADERS = new Set(['cookie', 'set-cookie', 'location', 'authorization']);

/** True when `value` is exactly one compact JWS or JWE. */
export function isCompactToken(value: string): boolean {
  return COMPACT.test(value);
}

/** Parses one entry once into the view every later stage reads. */
export function viewEntry({ index, entry }: ReadEntry, maxBodyChars: number): EntryView {
  const req = entry.request;
  const res = entry.response ?? ({} as Partial<typeof entry.response>);
  const url = String(req.url);
  const u = parseUrl(url);
  const responseHeaders = headerMap(res.headers);
  const started = typeof entry.startedDateTime === 'string' ? entry.startedDateTime : '';
  const ms = Date.parse(started);
  const view: EntryView = {
    index, startedDateTime: started, time: Number.isNaN(ms) ? undefined : Math.floor(ms / 1000),
    method: String(req.method).toUpperCase(), url, host: u.host, endpoint: u.endpoint, path: u.path,
    query: u.query, fragment: u.fragment, form: formParams(req.postData), headers: headerMap(req.headers),
    responseHeaders, status: typeof res.status === 'number' ? res.status : 0,
    responseContentType: String(res.content?.mimeType ?? responseHeaders['content-type']?.[0] ?? '').toLowerCase(),
    requestBody: bodyView(req.postData, maxBodyChars), responseBody: bodyView(res.content, maxBodyChars), notes: [],
  };
  for (const [part, body] of [['request', view.requestBody], ['response', view.responseBody]] as const) {
    if (body.skipped) view.notes.push(`entry ${index} ${part}: ${body.skipped}: skipped`);
  }
  if (view.responseBody.text !== undefined && /json/.test(view.responseContentType + view.responseBody.mimeType)) {
    try { view.responseJson = JSON.parse(view.responseBody.text); } catch { /* not JSON after all */ }
  }
  const location = responseHeaders['location']?.[0];
  if (location) {
    const l = parseUrl(location);
    view.redirect = { url: location, query: l.query, fragment: l.fragment };
  }
  return view;
}

/**
 * The request a token in the response's `Location` header travels in next: a GET of that URL at the
 * same time (so a request object in a redirect is judged against the broker it is sent to).
 */
export function redirectContext(view: EntryView, base: RequestContext): RequestContext {
  if (!view.redirect) return base;
  return { method: 'GET', url: view.redirect.url, query: view.redirect.query, headers: {}, time: view.time,
    ...(base.expectedNonce !== undefined ? { expectedNonce: base.expectedNonce } : {}) };
}

/** True for a token that stands in the response's `Location` header. */
export function inRedirect(place: HarPlace): boolean {
  return place.part === 'response' && (place.field === 'query' || place.field === 'fragment');
}

/** The request context the rules see for every token of this entry. */
export function requestContext(view: EntryView, expectedNonce?: string, maxAgeSent?: boolean): RequestContext {
  const ctx: RequestContext = {
    method: view.method, url: view.url, query: view.query, form: view.form, headers: view.headers,
    responseStatus: view.status, responseContentType: view.responseContentType, time: view.time,
  };
  if (expectedNonce !== undefined) ctx.expectedNonce = expectedNonce;
  if (maxAgeSent) ctx.maxAgeSent = true;
  return ctx;
}

type Push = (raw: string, place: Omit<HarPlace, 'entry'>, context: TokenContext) => void;

function fromParams(params: Params, part: HarPlace['part'], field: 'query' | 'fragment' | 'form' | 'cookie', push: Push) {
  for (const [name, values] of Object.entries(params)) {
    for (const v of values) if (isCompactToken(v.trim())) push(v.trim(), { part, field, name }, { container: field, name });
  }
}

function fromHeaders(headers: Params, part: HarPlace['part'], push: Push) {
  for (const [name, values] of Object.entries(headers)) {
    for (const v of values) {
      if (name === 'authorization') {
        const m = /^(\S+)\s+(\S+)$/.exec(v.trim());
        if (m && isCompactToken(m[2])) {
          const bearer = /^bearer$/i.test(m[1]);
          push(m[2], { part, field: 'header', name }, bearer ? { container: 'bearer', name } : { container: 'header', name });
        }
      } else if (!SKIP_HEADERS.has(name) && isCompactToken(v.trim())) {
        push(v.trim(), { part, field: 'header', name }, { container: 'header', name });
      }
    }
  }
}

function jsonPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${base}.${key}` : `${base}[${JSON.stringify(key)}]`;
}

const IDENT = /^[A-Za-z_$][\w$]*$/;

/** `$.a[0]["b c"]` for the keys from the root (built only for the tokens found, not for every value). */
function pathOf(keys: (string | number)[]): string {
  return keys.reduce<string>(jsonPath, '$');
}

function fromJson(value: unknown, keys: (string | number)[], part: HarPlace['part'], push: Push): void {
  if (keys.length > 64) return;
  if (typeof value === 'string') {
    const raw = value.trim();
    if (isCompactToken(raw)) {
      const path = pathOf(keys), last = keys[keys.length - 1];
      push(raw, { part, field: 'json', name: path }, { container: 'json', name: typeof last === 'string' && IDENT.test(last) ? last : path });
    }
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) { keys.push(i); fromJson(value[i], keys, part, push); keys.pop(); }
  } else if (value && typeof value === 'object') {
    for (const k of Object.keys(value)) { keys.push(k); fromJson((value as Record<string, unknown>)[k], keys, part, push); keys.pop(); }
  }
}

function fromBody(body: EntryView['requestBody'], json: unknown, isForm: boolean, part: HarPlace['part'], push: Push) {
  if (body.text === undefined) return;
  const trimmed = body.text.trim();
  if (isCompactToken(trimmed)) {
    push(trimmed, { part, field: 'body', name: 'body' }, { container: 'body' });
  } else if (json !== undefined) {
    fromJson(json, [], part, push);
  } else if (!isForm) {
    for (const f of scanText(body.text)) {
      const container = f.context.container === 'text' ? 'text' : f.context.container;
      push(f.token, { part, field: 'text', name: f.context.name ?? 'body' }, { container, name: f.context.name });
    }
  }
}

function requestJson(view: EntryView): unknown {
  const text = view.requestBody.text;
  if (text === undefined || !/json/i.test(view.requestBody.mimeType)) return undefined;
  try { return JSON.parse(text); } catch { return undefined; }
}

/** Every token of one entry, in the order request (URL, headers, cookies, body) then response. */
export function locateTokens(view: EntryView, cookies: { request: Params; response: Params }): LocatedToken[] {
  const out: LocatedToken[] = [];
  const seen = new Set<string>();
  const push: Push = (raw, place, context) => {
    const key = `${place.part}|${place.field}|${place.name}|${raw}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ raw, place: { entry: view.index, ...place }, context });
  };
  fromParams(view.query, 'request', 'query', push);
  fromParams(view.fragment, 'request', 'fragment', push);
  fromHeaders(view.headers, 'request', push);
  fromParams(cookies.request, 'request', 'cookie', push);
  fromParams(view.form, 'request', 'form', push);
  fromBody(view.requestBody, requestJson(view), Object.keys(view.form).length > 0, 'request', push);
  if (view.redirect) {
    fromParams(view.redirect.query, 'response', 'query', push);
    fromParams(view.redirect.fragment, 'response', 'fragment', push);
  }
  fromHeaders(view.responseHeaders, 'response', push);
  fromParams(cookies.response, 'response', 'cookie', push);
  fromBody(view.responseBody, view.responseJson, false, 'response', push);
  return out;
}

/** Request and response cookies of an entry (HAR `cookies` arrays, else the headers). */
export function entryCookies(entry: ReadEntry['entry'], view: EntryView): { request: Params; response: Params } {
  return {
    request: cookieMap(entry.request.cookies, view.headers, false),
    response: cookieMap(entry.response?.cookies, view.responseHeaders, true),
  };
}
