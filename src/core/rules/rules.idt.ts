/** ID token rules (FTN-IDT-*, ftn-rules §5) and the JWE layer checks shared with userinfo (FTN-UI-ALG). */
import type { RuleContext, Emit } from './context';
import { q, str, num, audList, isHs, noSlash, type View } from './util';
import { findHetus } from '../hetu';
import { isTestBrokerHost, profileOfHost } from '../profiles';
import { iso } from './rules.time';

const REGISTERED_ENC = new Set(['A128CBC-HS256', 'A192CBC-HS384', 'A256CBC-HS512', 'A128GCM', 'A192GCM', 'A256GCM']);
const OBSERVED_ENC = new Set(['A128CBC-HS256', 'A256GCM']);
const NAME_CLAIMS = ['name', 'given_name', 'family_name', 'urn:oid:2.5.4.4', 'urn:oid:1.2.246.575.1.14', 'urn:oid:2.16.840.1.113730.3.1.241'];
const FTN_LOA = /^http:\/\/ftn\.ficora\.fi\/2017\/(loa2|loa3|loatest2|loatest3)$/;

/** JWE alg, enc and zip of an ID token or userinfo response (FTN-IDT-ALG/ENC/ZIP, or FTN-UI-ALG for all three). */
export function ruleJweLayer(v: View, emit: Emit, ids: { alg: string; enc: string; zip: string }, what: string): void {
  const h = v.header;
  if (v.token.format !== 'JWE' || !h) return;
  const alg = h.alg;
  if (alg === 'RSA1_5') {
    emit(ids.alg, `${what} "alg" is "RSA1_5": PKCS#1 v1.5 key transport is discouraged (RFC 8725 §3.2); FTN brokers use RSA-OAEP`, { claim: 'header.alg', reason: 'invalid' });
  } else if (alg !== 'RSA-OAEP' && alg !== 'RSA-OAEP-256') {
    emit(ids.alg, `${what} "alg" is ${q(alg)}: not documented for FTN, whose brokers use RSA-OAEP or RSA-OAEP-256 (best practice, not a quoted requirement)`, { claim: 'header.alg', reason: 'invalid' });
  }
  const enc = h.enc;
  if (typeof enc !== 'string' || !REGISTERED_ENC.has(enc)) {
    emit(ids.enc, `${what} "enc" is ${q(enc)}: not a registered JWE content encryption algorithm`, { severity: 'error', claim: 'header.enc', reason: 'invalid' });
  } else if (!OBSERVED_ENC.has(enc)) {
    emit(ids.enc, `${what} "enc" is ${q(enc)}: registered, but FTN brokers are observed to use "A128CBC-HS256" (Telia, OP) or "A256GCM" (DVV)`, { severity: 'info', claim: 'header.enc', reason: 'info' });
  }
  if ('zip' in h) emit(ids.zip, `${what} JWE has "zip" ${q(h.zip)}: compression before encryption can leak plaintext length`, { severity: 'warning', claim: 'header.zip', reason: 'invalid', source: 'RFC8725 §3.6' });
}

/** Names of PII found in a payload: HETUs and name claims. */
export function piiIn(v: View): string[] {
  const out: string[] = [];
  const text = v.token.payloadText ?? (v.claims ? JSON.stringify(v.claims) : '');
  if (findHetus(text).length > 0) out.push('a HETU');
  const names = NAME_CLAIMS.filter((n) => v.claims && typeof v.claims[n] === 'string');
  if (names.length > 0) out.push(`name claims ${names.map((n) => `"${n}"`).join(', ')}`);
  return out;
}

/** Header rules of an ID token: FTN-IDT-JWE, -ALG, -ENC, -JWEKID, -CTY, -ZIP, -NESTED, -SIG, -KID. */
export function ruleIdtLayers(v: View, ctx: RuleContext, emit: Emit): void {
  const t = v.token;
  if (t.format === 'JWS') {
    const pii = piiIn(v);
    emit('FTN-IDT-JWE', `id_token is a signed JWS, not an encrypted JWE${pii.length ? `, and carries ${pii.join(' and ')} in clear text` : ''}; FTN brokers encrypt ID tokens`, { reason: 'invalid' });
  } else if (v.header) {
    ruleJweLayer(v, emit, { alg: 'FTN-IDT-ALG', enc: 'FTN-IDT-ENC', zip: 'FTN-IDT-ZIP' }, 'id_token');
    if (typeof v.header.kid !== 'string') emit('FTN-IDT-JWEKID', 'JWE header has no "kid": the client cannot tell which encryption key to use during rotation', { claim: 'header.kid', reason: 'missing' });
    if (str(v.header.cty)?.toUpperCase() !== 'JWT') emit('FTN-IDT-CTY', `${v.header.cty === undefined ? 'JWE header has no "cty"' : `JWE "cty" is ${q(v.header.cty)}`}; a nested JWT must carry "cty": "JWT"`, { claim: 'header.cty', reason: v.header.cty === undefined ? 'missing' : 'invalid' });
    if (t.decryption?.status === 'decrypted' && t.nested?.format !== 'JWS') {
      emit('FTN-IDT-NESTED', 'decrypted id_token is not a JWS: it must be signed, then encrypted', { reason: 'invalid' });
    }
  }
  const sig = v.sig;
  if (!sig) return;
  const alg = sig.alg;
  if (alg === 'none' || isHs(alg)) emit('FTN-IDT-SIG', `id_token signature "alg" is ${q(alg)}; an ID token must be signed with the broker's asymmetric key`, { severity: 'error', claim: 'header.alg', reason: 'invalid' });
  else if (alg !== 'RS256') emit('FTN-IDT-SIG', `id_token signature "alg" is ${q(alg)}; FTN brokers sign with "RS256" (the OIDC default)`, { severity: 'info', claim: 'header.alg', reason: 'info' });
  if (typeof sig.kid !== 'string') emit('FTN-IDT-KID', 'id_token JWS header has no "kid": brokers publish old and new keys during rotation', { claim: 'header.kid', reason: 'missing' });
}

/** Claim rules of an ID token: FTN-IDT-CLAIMS, -ISS, -AUD, -EXP, -IAT, -NONCE, -ACR, -AUTHTIME, -SUB. */
export function ruleIdtClaims(v: View, ctx: RuleContext, emit: Emit): void {
  const c = v.claims;
  if (!c) return;
  const missing = ['iss', 'sub', 'aud', 'exp', 'iat'].filter((k) => c[k] === undefined);
  if (missing.length) emit('FTN-IDT-CLAIMS', `id_token lacks ${missing.map((k) => `"${k}"`).join(', ')}`, { claim: missing[0], reason: 'missing' });
  if (ctx.issuer && c.iss !== undefined && c.iss !== ctx.issuer) {
    emit('FTN-IDT-ISS', `"iss" is ${q(c.iss)} but the broker issuer is ${q(ctx.issuer)}`, { claim: 'iss', reason: 'mismatch' });
  }
  const aud = audList(c.aud);
  if (c.aud !== undefined && !aud) emit('FTN-IDT-AUD', `"aud" is ${q(c.aud)}: not a string or an array of strings`, { claim: 'aud', reason: 'invalid' });
  if (aud && ctx.clientId && !aud.includes(ctx.clientId)) emit('FTN-IDT-AUD', `"aud" is ${q(c.aud)} and does not contain the client_id ${q(ctx.clientId)}`, { claim: 'aud', reason: 'mismatch' });
  if (aud && aud.length > 1) emit('FTN-IDT-AUD', `"aud" has ${aud.length} audiences ${q(aud)}; the ID token should be for this client only`, { severity: 'warning', claim: 'aud', reason: 'invalid' });
  const exp = num(c.exp), iat = num(c.iat);
  if (exp !== undefined && exp <= ctx.now - ctx.skew) emit('FTN-IDT-EXP', `"exp" is ${exp} (${iso(exp)}), ${ctx.now - exp} s before the reference time: the id_token has expired (skew ${ctx.skew} s)`, { claim: 'exp', reason: 'check_failed' });
  if (exp !== undefined && iat !== undefined && exp - iat > 3600) emit('FTN-IDT-EXP', `"exp" is ${exp - iat} s after "iat": longer than 1 h; Telia and OP issue ID tokens for 600 s (TELIA 2.6.4; OP §9)`, { severity: 'warning', claim: 'exp', reason: 'check_failed', source: 'TELIA 2.6.4; OP §9' });
  if (iat !== undefined && iat > ctx.now + ctx.skew) emit('FTN-IDT-IAT', `"iat" is ${iat} (${iso(iat)}), ${iat - ctx.now} s after the reference time: issued in the future (skew ${ctx.skew} s)`, { claim: 'iat', reason: 'check_failed' });
  else if (iat !== undefined && iat < ctx.now - 600 - ctx.skew) emit('FTN-IDT-IAT', `"iat" is ${iat} (${iso(iat)}), ${ctx.now - iat} s before the reference time: issued more than 10 min ago`, { claim: 'iat', reason: 'check_failed' });
  const want = ctx.request?.expectedNonce;
  if (want !== undefined && c.nonce !== want) emit('FTN-IDT-NONCE', `${c.nonce === undefined ? '"nonce" is missing' : `"nonce" is ${q(c.nonce)}`} but the authorization request sent ${q(want)}`, { claim: 'nonce', reason: c.nonce === undefined ? 'missing' : 'mismatch' });
  ruleAcr(c, ctx, emit);
  if (ctx.request?.maxAgeSent && c.auth_time === undefined) emit('FTN-IDT-AUTHTIME', '"auth_time" is missing but the authorization request sent "max_age"', { claim: 'auth_time', reason: 'missing' });
  if (typeof c.sub === 'string' && c.sub.length > 255) emit('FTN-IDT-SUB', `"sub" is ${c.sub.length} characters long; OIDC limits it to 255 ASCII characters`, { claim: 'sub', reason: 'invalid' });
}

function ruleAcr(c: Record<string, unknown>, ctx: RuleContext, emit: Emit): void {
  if (ctx.profile !== 'telia' && ctx.profile !== 'op') return;
  const source = ctx.profile === 'telia' ? 'TELIA 2.6.4' : 'OP §9';
  if (c.acr === undefined) return;
  const acr = str(c.acr);
  if (!acr || !FTN_LOA.test(acr)) {
    emit('FTN-IDT-ACR', `"acr" is ${q(c.acr)}, not an FTN LoA URI (http://ftn.ficora.fi/2017/loa2 or loa3)`, { claim: 'acr', reason: 'invalid', source });
    return;
  }
  const iss = str(c.iss) ?? ctx.issuer;
  if (acr.includes('loatest') && iss && profileOfHost(noSlash(iss)) && !isTestBrokerHost(noSlash(iss))) {
    emit('FTN-IDT-ACR', `"acr" is ${q(acr)}, a test level, but the issuer ${q(iss)} is a production broker`, { claim: 'acr', reason: 'invalid', source });
  }
}
