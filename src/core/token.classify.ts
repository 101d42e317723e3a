/**
 * Token kinds: from the place a token was found first (form field, query parameter, JSON key, header,
 * userinfo body), then from its typ and claims. `reason` says why, for the report.
 */
import type { TokenContext, TokenKind } from './types';
import type { RequestContext } from './rules/context';

/** What classifyToken reads. */
export interface ClassifyInput {
  context: TokenContext;
  header: Record<string, unknown> | null;
  payload: Record<string, unknown> | null;
  format: 'JWS' | 'JWE';
  /** For a decrypted JWE: the nested JWS header. */
  innerHeader?: Record<string, unknown> | null;
  request?: RequestContext;
}

const PLACE_NAMES: Record<string, TokenKind> = {
  client_assertion: 'client_assertion',
  request: 'request_object',
  id_token: 'id_token',
  access_token: 'access_token',
  logout_token: 'logout_token',
};

const CONTAINER_LABEL: Record<TokenContext['container'], string> = {
  text: 'text', query: 'query parameter', fragment: 'fragment parameter', form: 'form field',
  json: 'JSON key', bearer: 'bearer', cookie: 'cookie', header: 'header', body: 'body',
};

const TYP_KIND: Record<string, TokenKind> = {
  'oauth-authz-req+jwt': 'request_object',
  'at+jwt': 'access_token',
  'logout+jwt': 'logout_token',
  'client-authentication+jwt': 'client_assertion',
};

/** The media type of a `typ` value, lowercased, without an `application/` prefix. */
export function typMediaType(typ: unknown): string | undefined {
  if (typeof typ !== 'string') return undefined;
  const t = typ.toLowerCase();
  return t.startsWith('application/') ? t.slice(12) : t;
}

function fromPlace(input: ClassifyInput): { kind: TokenKind; reason: string } | undefined {
  const { context, request } = input;
  if (context.container === 'bearer') return { kind: 'access_token', reason: '"Authorization: Bearer" header' };
  const name = context.name?.replace(/^\$\./, '').toLowerCase();
  if (name && context.container !== 'text' && Object.hasOwn(PLACE_NAMES, name)) {
    return { kind: PLACE_NAMES[name], reason: `${CONTAINER_LABEL[context.container]} "${name}"` };
  }
  if (context.container === 'body' && request?.url && isUserinfoUrl(request.url)) {
    return { kind: 'userinfo', reason: 'userinfo response body' };
  }
  return undefined;
}

function isUserinfoUrl(url: string): boolean {
  try {
    return /\/userinfo\/?$/i.test(new URL(url).pathname);
  } catch {
    return /\/userinfo\/?(\?|#|$)/i.test(url);
  }
}

function fromClaims(p: Record<string, unknown>): { kind: TokenKind; reason: string } | undefined {
  const has = (k: string) => p[k] !== undefined;
  const events = p.events;
  if (events && typeof events === 'object' && 'http://schemas.openid.net/event/backchannel-logout' in (events as object)) {
    return { kind: 'logout_token', reason: 'claim events (back-channel logout)' };
  }
  const idt = ['nonce', 'at_hash', 'auth_time', 'acr'].filter(has);
  if (idt.length > 0 && !has('response_type') && !has('redirect_uri')) return { kind: 'id_token', reason: `claims ${idt.join(', ')}` };
  const ro = ['response_type', 'redirect_uri'].filter(has);
  if (ro.length > 0) return { kind: 'request_object', reason: `claims ${ro.join(', ')}` };
  const life = typeof p.exp === 'number' && typeof p.iat === 'number' ? p.exp - p.iat : undefined;
  if (has('iss') && p.iss === p.sub && has('aud') && has('jti') && (life === undefined || life <= 3600)) {
    return { kind: 'client_assertion', reason: 'claims iss = sub, aud, jti' };
  }
  if (has('scope') && has('client_id')) return { kind: 'access_token', reason: 'claims client_id, scope without nonce' };
  return undefined;
}

/** Classify a token from where it was found, then from its typ and claims; else `unknown`. */
export function classifyToken(input: ClassifyInput): { kind: TokenKind; reason: string } {
  const place = fromPlace(input);
  if (place) return place;
  for (const h of [input.header, input.innerHeader]) {
    const t = typMediaType(h?.typ);
    if (t && Object.hasOwn(TYP_KIND, t)) return { kind: TYP_KIND[t], reason: `typ "${String(h!.typ)}"` };
  }
  if (input.payload) {
    const c = fromClaims(input.payload);
    if (c) return c;
  }
  if (input.request?.url && isUserinfoUrl(input.request.url)) return { kind: 'userinfo', reason: 'userinfo endpoint response' };
  return { kind: 'unknown', reason: input.payload ? 'no known place, typ or claims' : 'no known place or typ; payload not readable' };
}
