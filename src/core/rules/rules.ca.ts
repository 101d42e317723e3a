/** client_assertion rules (FTN-CA-*, ftn-rules §3): private_key_jwt at the token endpoint. */
import type { RuleContext, Emit } from './context';
import { q, num, str, audList, isHs, param, requestTime, urlBase, urlOrigin, noSlash, type View } from './util';
import { profileFacts } from '../profiles';
import { typMediaType } from '../token.classify';
import { iso } from './rules.time';

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** The form of the token request: FTN-CA-TYPE, FTN-CA-NOSECRET. */
export function ruleCaRequest(ctx: RuleContext, emit: Emit): void {
  const r = ctx.request;
  if (r?.form && 'client_assertion' in r.form) {
    const t = param(r.form, 'client_assertion_type');
    if (t !== JWT_BEARER) emit('FTN-CA-TYPE', `form field "client_assertion_type" is ${q(t)}, expected ${q(JWT_BEARER)}`, { claim: 'client_assertion_type', reason: t === undefined ? 'missing' : 'invalid' });
  }
  if (r?.form && 'client_secret' in r.form) emit('FTN-CA-NOSECRET', 'token request sends form field "client_secret"; FTN requires private_key_jwt instead of a client secret', { claim: 'client_secret', reason: 'invalid' });
  const auth = r?.headers?.authorization?.[0];
  if (auth && /^basic\s/i.test(auth)) emit('FTN-CA-NOSECRET', 'token request sends "Authorization: Basic" (client_secret_basic); FTN requires private_key_jwt', { claim: 'authorization', reason: 'invalid' });
}

/** Header rules: FTN-CA-ALG-NONE, FTN-CA-ALG, FTN-CA-KID, FTN-CA-TYP, FTN-CA-KEY. */
export function ruleCaHeader(v: View, ctx: RuleContext, emit: Emit): void {
  const h = v.sig;
  if (!h) return;
  const alg = h.alg;
  if (alg === 'none' || isHs(alg)) emit('FTN-CA-ALG-NONE', `"alg" is ${q(alg)}: that is ${alg === 'none' ? 'an unsigned assertion' : 'client_secret_jwt'}, not private_key_jwt`, { claim: 'header.alg', reason: 'invalid' });
  else if (alg !== 'RS256') emit('FTN-CA-ALG', `"alg" is ${q(alg)}; every FTN broker documents only "RS256" for client assertions (acceptance of others is unverified)`, { claim: 'header.alg', reason: 'invalid' });
  if (typeof h.kid !== 'string') {
    const hard = profileFacts(ctx.profile).assertionKid === 'E';
    emit('FTN-CA-KID', `client assertion header has no "kid"${hard ? '; Idura requires it (IDURA-FTN)' : '; the broker needs it when the client JWKS has more than one key'}`, { severity: hard ? 'error' : 'warning', claim: 'header.kid', reason: 'missing', source: hard ? 'IDURA-FTN' : 'OIDC-CORE §10.1' });
  }
  const typ = typMediaType(h.typ);
  if (typ === undefined) emit('FTN-CA-TYP', 'client assertion has no "typ"; rfc7523bis recommends "client-authentication+jwt"', { claim: 'header.typ', reason: 'info' });
  else if (typ === 'jwt') emit('FTN-CA-TYP', `"typ" is ${q(h.typ)}; rfc7523bis recommends "client-authentication+jwt"`, { claim: 'header.typ', reason: 'info' });
  else if (typ !== 'client-authentication+jwt') emit('FTN-CA-TYP', `"typ" is ${q(h.typ)}, the type of another kind of JWT: a client assertion must not be confusable with it`, { severity: 'warning', claim: 'header.typ', reason: 'invalid' });
  const k = ctx.verifyingKey;
  if (!k) return;
  const name = k.kid ? `verifying key ${q(k.kid)}` : 'verifying key';
  if (k.kty !== 'RSA') emit('FTN-CA-KEY', `${name} is ${k.kty}; brokers document RSA keys of at least 2048 bits`, { severity: 'warning', reason: 'invalid' });
  else if ((k.size ?? 0) < 2048) emit('FTN-CA-KEY', `${name} is RSA ${k.size} bits; at least 2048 are required`, { reason: 'invalid', source: 'TELIA 2.1.1' });
  if (k.use === 'enc') {
    const hard = ctx.profile === 'idura';
    emit('FTN-CA-KEY', `${name} has "use": "enc"; client assertions are signed with the signing key${hard ? ' (IDURA-FTN)' : ''}`, { severity: hard ? 'error' : 'warning', reason: 'invalid', source: 'IDURA-FTN' });
  }
}

/** Claim rules: FTN-CA-ISS-SUB, -AUD, -AUD-VAL, -AUD-MULTI, -JTI, -EXP, -EXP-PAST, -LIFE60, -LIFE5, -IAT, -NBF. */
export function ruleCaClaims(v: View, ctx: RuleContext, emit: Emit): void {
  const c = v.claims;
  if (!c) return;
  ruleIssSub(c, ctx, emit);
  ruleAud(c, ctx, emit);
  if (c.jti === undefined) emit('FTN-CA-JTI', '"jti" claim is missing; brokers require a single-use jti', { claim: 'jti', reason: 'missing' });
  const exp = num(c.exp), iat = num(c.iat), nbf = num(c.nbf);
  const t = requestTime(ctx), at = ctx.request?.time !== undefined ? 'the request time' : 'the reference time';
  if (exp === undefined) { emit('FTN-CA-EXP', c.exp === undefined ? '"exp" claim is missing' : `"exp" is ${q(c.exp)}, not a number`, { claim: 'exp', reason: c.exp === undefined ? 'missing' : 'invalid' }); }
  else if (exp <= t - ctx.skew) emit('FTN-CA-EXP-PAST', `"exp" is ${exp} (${iso(exp)}), ${t - exp} s before ${at}: the assertion has expired (skew ${ctx.skew} s)`, { claim: 'exp', reason: 'check_failed' });
  else if (exp - t > 3600) {
    const hard = ctx.profile === 'telia';
    emit('FTN-CA-LIFE60', `"exp" is ${exp - t} s after ${at}; Telia rejects client assertions that live longer than 60 min (TELIA 2.6.2)`, { severity: hard ? 'error' : 'warning', claim: 'exp', reason: 'check_failed' });
  } else {
    const limit = ctx.profile === 'op' ? 600 : 300;
    const from = iat ?? t, fromName = iat !== undefined ? '"iat"' : at;
    if (exp - from > limit) emit('FTN-CA-LIFE5', `"exp" is ${exp - from} s after ${fromName}; ${ctx.profile === 'op' ? 'OP suggests 600 s (OP §8)' : 'Idura recommends at most 5 min, 300 s (IDURA-PKJ)'}`, { claim: 'exp', reason: 'check_failed' });
  }
  if (iat !== undefined && iat > t + ctx.skew) emit('FTN-CA-IAT', `"iat" is ${iat} (${iso(iat)}), ${iat - t} s after ${at}: issued in the future (skew ${ctx.skew} s)`, { claim: 'iat', reason: 'check_failed' });
  if (nbf !== undefined && nbf > t + ctx.skew) emit('FTN-CA-NBF', `"nbf" is ${nbf} (${iso(nbf)}), ${nbf - t} s after ${at}: not yet valid (skew ${ctx.skew} s)`, { claim: 'nbf', reason: 'check_failed' });
}

function ruleIssSub(c: Record<string, unknown>, ctx: RuleContext, emit: Emit): void {
  const o = (reason: string) => ({ claim: 'iss', reason });
  if (c.iss === undefined || c.sub === undefined) {
    emit('FTN-CA-ISS-SUB', `client assertion lacks ${[c.iss === undefined ? '"iss"' : '', c.sub === undefined ? '"sub"' : ''].filter(Boolean).join(' and ')}; both must be the client_id`, o('missing'));
    return;
  }
  if (c.iss !== c.sub) { emit('FTN-CA-ISS-SUB', `"iss" is ${q(c.iss)} but "sub" is ${q(c.sub)}; both must be the client_id`, o('mismatch')); return; }
  const formId = param(ctx.request?.form, 'client_id');
  if (ctx.clientId && c.iss !== ctx.clientId) emit('FTN-CA-ISS-SUB', `"iss" and "sub" are ${q(c.iss)} but the client_id is ${q(ctx.clientId)}`, o('mismatch'));
  else if (formId !== undefined && c.iss !== formId) emit('FTN-CA-ISS-SUB', `"iss" and "sub" are ${q(c.iss)} but form field "client_id" is ${q(formId)}`, o('mismatch'));
}

function ruleAud(c: Record<string, unknown>, ctx: RuleContext, emit: Emit): void {
  if (c.aud === undefined) { emit('FTN-CA-AUD', '"aud" claim is missing', { claim: 'aud', reason: 'missing' }); return; }
  const aud = audList(c.aud);
  if (!aud || aud.length === 0) { emit('FTN-CA-AUD', `"aud" is ${q(c.aud)}: not a string or an array of strings`, { claim: 'aud', reason: 'invalid' }); return; }
  if (aud.length > 1) emit('FTN-CA-AUD-MULTI', `"aud" has ${aud.length} values ${q(aud)}; FAPI 2.0 and rfc7523bis want only the broker issuer (audience-injection risk)`, { claim: 'aud', reason: 'invalid' });
  const f = profileFacts(ctx.profile);
  const called = urlBase(ctx.request?.url);
  const te = ctx.tokenEndpoint ?? called;
  const issuer = ctx.issuer ?? (f.assertionAud === 'issuer' ? urlOrigin(called) : undefined);
  const norm = aud.map(noSlash);
  const o = { claim: 'aud', reason: 'mismatch', source: f.assertionAudSource };
  if (f.assertionAud === 'issuer') {
    if (issuer && !norm.includes(noSlash(issuer))) emit('FTN-CA-AUD-VAL', `"aud" is ${q(c.aud)} but ${f.name} expects its issuer ${q(issuer)} (${f.assertionAudSource})`, o);
    else if (!issuer && !aud.some((a) => /^https:\/\/[^/]+\/?$/.test(a))) emit('FTN-CA-AUD-VAL', `"aud" is ${q(c.aud)}; ${f.name} expects its issuer "https://<domain>" (${f.assertionAudSource})`, o);
  } else if (f.assertionAud === 'token_endpoint') {
    const want = te ? [te] : (f.tokenEndpoints ?? []);
    if (!norm.some((a) => want.map(noSlash).includes(a))) emit('FTN-CA-AUD-VAL', `"aud" is ${q(c.aud)} but ${f.name} expects its token endpoint ${q(want.length === 1 ? want[0] : want)} (${f.assertionAudSource})`, o);
  } else {
    const known = [te, ctx.issuer, urlOrigin(called)].filter((x): x is string => !!x).map(noSlash);
    if (known.length === 0) emit('FTN-CA-AUD-VAL', `"aud" is ${q(c.aud)}: cannot be compared, the broker is unknown and neither its issuer nor its token endpoint is known`, { severity: 'warning', claim: 'aud', reason: 'info' });
    else if (!norm.some((a) => known.includes(a))) emit('FTN-CA-AUD-VAL', `"aud" is ${q(c.aud)} and matches neither the broker issuer nor the token endpoint ${q(known)}`, { severity: 'warning', claim: 'aud', reason: 'mismatch' });
  }
}
