/** Request object rules (FTN-RO-*, ftn-rules §4): the JAR `request` parameter. */
import type { RuleContext, Emit } from './context';
import { q, num, str, audList, param, requestTime, urlOrigin, noSlash, type View } from './util';
import { profileFacts } from '../profiles';
import { typMediaType } from '../token.classify';
import { findHetus } from '../hetu';
import { iso } from './rules.time';

const TELIA_METHODS = new Set(['mpki.telia.1', 'oidc.aktia.1', 'oidc.alandsbanken.1', 'oidc.danskebank.1', 'oidc.nordea.1', 'oidc.omasp.1',
  'saml.op.1', 'oidc.pop.1', 'oidc.sp.1', 'oidc.spankki.1', 'oidc.hightrust.id.1', 'mpki.telia.emulator.1',
  'http://ftn.ficora.fi/2017/loa2', 'http://ftn.ficora.fi/2017/loatest2']);

/** Layer rules: FTN-RO-SIGNED, -ALG, -KID, -TYP, -ENC, -PII. */
export function ruleRoLayers(v: View, ctx: RuleContext, emit: Emit): void {
  const t = v.token;
  if (t.format === 'JWE') {
    emit('FTN-RO-ENC', `encrypted request object (${q(v.header?.alg)}, ${q(v.header?.enc)}): it must be signed, then encrypted to the broker's encryption key, with "cty": "JWT"`, { reason: 'info' });
    if (t.decryption?.status === 'decrypted' && t.nested?.format !== 'JWS') emit('FTN-RO-SIGNED', 'decrypted request object is not a JWS: it must be signed, then encrypted', { reason: 'invalid' });
  }
  const h = v.sig;
  if (h) {
    const alg = h.alg;
    if (alg === 'none') emit('FTN-RO-SIGNED', '"alg" is "none": the request object is not signed', { claim: 'header.alg', reason: 'invalid' });
    else if (alg !== 'RS256') {
      const hard = ctx.profile === 'op';
      emit('FTN-RO-ALG', `"alg" is ${q(alg)}; ${hard ? 'OP requires "RS256" (OP §7)' : 'FTN brokers document "RS256"'}`, { severity: hard ? 'error' : 'warning', claim: 'header.alg', reason: 'invalid', source: hard ? 'OP §7' : 'TELIA 2.4.4' });
    }
    if (typeof h.kid !== 'string') emit('FTN-RO-KID', 'request object header has no "kid"; the broker picks the verification key by it when the client JWKS has more than one key', { claim: 'header.kid', reason: 'missing' });
    if (typMediaType(h.typ) !== 'oauth-authz-req+jwt') emit('FTN-RO-TYP', `"typ" is ${q(h.typ)}; RFC 9101 recommends "oauth-authz-req+jwt"`, { claim: 'header.typ', reason: 'info' });
  }
  if (t.format === 'JWS' && v.claims && findHetus(t.payloadText ?? JSON.stringify(v.claims)).length > 0) {
    emit('FTN-RO-PII', 'unencrypted request object carries a HETU (personal identity code); encrypt the request object to the broker', { reason: 'invalid' });
  }
}

/** Claim rules: FTN-RO-ISS, -AUD, -CID, -RT, -REDIR, -SCOPE, -ACR, -STATE, -NONCE, -NESTED, -SUB, -SPNAME, -JTI. */
export function ruleRoClaims(v: View, ctx: RuleContext, emit: Emit): void {
  const c = v.claims;
  if (!c) return;
  const cid = ctx.clientId ?? str(c.client_id);
  if (c.iss === undefined || (cid !== undefined && c.iss !== cid)) {
    const hard = ctx.profile === 'telia' || (ctx.profile === 'op' && c.jti !== undefined);
    const msg = c.iss === undefined ? '"iss" claim is missing; it must be the client_id' : `"iss" is ${q(c.iss)} but the client_id is ${q(cid)}`;
    emit('FTN-RO-ISS', msg, { severity: hard ? 'error' : 'warning', claim: 'iss', reason: c.iss === undefined ? 'missing' : 'mismatch' });
  }
  ruleRoAud(c, ctx, emit);
  const qid = param(ctx.request?.query, 'client_id');
  if (c.client_id === undefined) emit('FTN-RO-CID', '"client_id" claim is missing', { claim: 'client_id', reason: 'missing' });
  else if (c.iss !== undefined && c.client_id !== c.iss) emit('FTN-RO-CID', `"client_id" is ${q(c.client_id)} but "iss" is ${q(c.iss)}`, { claim: 'client_id', reason: 'mismatch' });
  else if (qid !== undefined && c.client_id !== qid) emit('FTN-RO-CID', `"client_id" is ${q(c.client_id)} but query parameter "client_id" is ${q(qid)}`, { claim: 'client_id', reason: 'mismatch' });
  if (c.response_type !== 'code') emit('FTN-RO-RT', `"response_type" is ${q(c.response_type)}, expected "code"`, { claim: 'response_type', reason: c.response_type === undefined ? 'missing' : 'invalid' });
  ruleRedirect(c.redirect_uri, emit);
  ruleScope(c, ctx, emit);
  ruleAcrValues(c, ctx, emit);
  if (c.state === undefined) emit('FTN-RO-STATE', '"state" claim is missing; it protects the callback against CSRF', { claim: 'state', reason: 'missing' });
  const nonce = str(c.nonce);
  if (nonce === undefined) emit('FTN-RO-NONCE', '"nonce" claim is missing; it binds the ID token to this request', { claim: 'nonce', reason: 'missing' });
  else if (nonce.length < 22) emit('FTN-RO-NONCE', `"nonce" is ${nonce.length} characters long; at least 22 (128 bits) are advised`, { claim: 'nonce', reason: 'invalid' });
  for (const k of ['request', 'request_uri']) if (c[k] !== undefined) emit('FTN-RO-NESTED', `request object contains a "${k}" claim; it must not`, { claim: k, reason: 'invalid' });
  if (c.sub !== undefined) emit('FTN-RO-SUB', `request object has "sub" ${q(c.sub)}${c.sub === c.iss ? ' equal to "iss"' : ''}: it could be replayed as a client assertion`, { claim: 'sub', reason: 'invalid' });
  const sp = str(c.ftn_spname);
  if (sp !== undefined && sp.length > 40) emit('FTN-RO-SPNAME', `"ftn_spname" is ${sp.length} characters long; Telia allows at most 40 (TELIA 2.1.4)`, { claim: 'ftn_spname', reason: 'invalid' });
  if (c.jti === undefined) emit('FTN-RO-JTI', 'request object has no "jti"; brokers use it to detect replays', { claim: 'jti', reason: 'missing' });
  ruleRoTimes(c, ctx, emit);
  ruleRoQuery(c, ctx, emit);
}

function ruleRoAud(c: Record<string, unknown>, ctx: RuleContext, emit: Emit): void {
  if (c.aud === undefined) { emit('FTN-RO-AUD', '"aud" claim is missing; it must be the broker issuer', { claim: 'aud', reason: 'missing' }); return; }
  const aud = audList(c.aud)?.map(noSlash);
  const f = profileFacts(ctx.profile);
  const want = ctx.issuer ? [ctx.issuer] : Array.isArray(f.jarAud) ? f.jarAud : f.jarAud === 'issuer' ? [urlOrigin(ctx.request?.url)].filter((x): x is string => !!x) : [];
  if (want.length === 0 || (aud && aud.some((a) => want.map(noSlash).includes(a)))) return;
  const known = ctx.profile === 'telia' || ctx.profile === 'idura' || !!ctx.issuer;
  emit('FTN-RO-AUD', `"aud" is ${q(c.aud)} but the broker issuer is ${q(want.length === 1 ? want[0] : want)}`, { severity: known ? 'error' : 'warning', claim: 'aud', reason: 'mismatch' });
}

function ruleRedirect(r: unknown, emit: Emit): void {
  const o = { claim: 'redirect_uri', reason: 'invalid' };
  if (r === undefined) { emit('FTN-RO-REDIR', '"redirect_uri" claim is missing', { ...o, reason: 'missing' }); return; }
  if (typeof r !== 'string' || !r.startsWith('https://')) emit('FTN-RO-REDIR', `"redirect_uri" is ${q(r)}; it must be an https URL`, o);
  else if (r.includes('*')) emit('FTN-RO-REDIR', `"redirect_uri" is ${q(r)}; it must not contain a wildcard`, o);
}

function ruleScope(c: Record<string, unknown>, ctx: RuleContext, emit: Emit): void {
  const scopes = (str(c.scope) ?? '').split(' ').filter(Boolean);
  if (!scopes.includes('openid')) emit('FTN-RO-SCOPE', `"scope" is ${q(c.scope)} and does not contain "openid"`, { claim: 'scope', reason: 'invalid' });
  else if (ctx.profile === 'op' && !scopes.includes('personal_identity_code')) emit('FTN-RO-SCOPE', `"scope" is ${q(c.scope)}; OP requires "personal_identity_code" too (OP §7)`, { claim: 'scope', reason: 'invalid', source: 'OP §7' });
}

function ruleAcrValues(c: Record<string, unknown>, ctx: RuleContext, emit: Emit): void {
  if (ctx.profile !== 'telia') return;
  const v = str(c.acr_values);
  if (v === undefined) { emit('FTN-RO-ACR', '"acr_values" is missing; Telia\'s 213/2023 S profile requires it (TELIA 2.4.2)', { claim: 'acr_values', reason: 'missing' }); return; }
  const unknown = v.split(' ').filter((x) => x && !TELIA_METHODS.has(x));
  if (unknown.length) emit('FTN-RO-ACR', `"acr_values" holds ${q(unknown.join(' '))}, not a documented Telia value (http://ftn.ficora.fi/2017/loa2 or a method code)`, { severity: 'info', claim: 'acr_values', reason: 'info' });
}

function ruleRoTimes(c: Record<string, unknown>, ctx: RuleContext, emit: Emit): void {
  const t = requestTime(ctx), at = ctx.request?.time !== undefined ? 'the request time' : 'the reference time';
  const exp = num(c.exp), nbf = num(c.nbf);
  if (c.exp === undefined) emit('FTN-RO-EXP', '"exp" claim is missing; about 600 s is suggested', { claim: 'exp', reason: 'missing' });
  else if (exp !== undefined && exp <= t - ctx.skew) emit('FTN-RO-EXP', `"exp" is ${exp} (${iso(exp)}), ${t - exp} s before ${at}: the request object has expired (skew ${ctx.skew} s)`, { severity: 'error', claim: 'exp', reason: 'check_failed', source: 'RFC7519 §4.1.4' });
  if (nbf !== undefined && nbf > t + ctx.skew) emit('FTN-RO-NBF', `"nbf" is ${nbf} (${iso(nbf)}), ${nbf - t} s after ${at}: not yet valid (skew ${ctx.skew} s)`, { claim: 'nbf', reason: 'check_failed' });
  if (exp !== undefined && nbf !== undefined && exp - nbf > 3600) emit('FTN-RO-LIFE', `"exp" is ${exp - nbf} s after "nbf"; best practice keeps a request object under 60 min (FAPI, not a quoted FTN requirement)`, { claim: 'exp', reason: 'check_failed' });
  else if (nbf !== undefined && nbf < t - 3600) emit('FTN-RO-LIFE', `"nbf" is ${t - nbf} s before ${at}; best practice rejects request objects older than 60 min (FAPI, not a quoted FTN requirement)`, { claim: 'nbf', reason: 'check_failed' });
}

function ruleRoQuery(c: Record<string, unknown>, ctx: RuleContext, emit: Emit): void {
  const query = ctx.request?.query;
  if (!query || !('request' in query)) return;
  for (const [k, vals] of Object.entries(query)) {
    if (k === 'request' || k === 'request_uri' || k === 'client_id' || !Object.hasOwn(c, k) || c[k] === undefined) continue;
    const claim = typeof c[k] === 'string' ? c[k] : JSON.stringify(c[k]);
    if (vals[0] !== claim) emit('FTN-RO-QUERY', `query parameter "${k}" is ${q(vals[0])} but the request object claim is ${q(c[k])}; the broker uses only the request object`, { claim: k, reason: 'mismatch' });
  }
}
