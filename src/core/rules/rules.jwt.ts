/** Generic JWT/JWE rules (JWT-*) that apply to any token (ftn-rules §8). */
import type { RuleContext, Emit } from './context';
import { q, num, isHs, type View } from './util';
import { typMediaType } from '../token.classify';

const REGISTERED_HEADER = new Set(['alg', 'enc', 'zip', 'jku', 'jwk', 'kid', 'x5u', 'x5c', 'x5t', 'x5t#S256', 'typ', 'cty', 'crit',
  'epk', 'apu', 'apv', 'iv', 'tag', 'p2s', 'p2c']);
/** Path traversal, absolute paths, URLs, SQL and shell metacharacters; a `/` inside base64 kids is fine. */
const KID_INJECT = /\.\.[\/\\]|^[\/\\~]|\\|[a-z][a-z0-9+.-]*:\/\/|['";`]|--|\x00|[\r\n]|\$\(|\|/i;
const UNDERSTOOD_CRIT = new Set(['b64']);
const TYP_KIND: Record<string, string> = {
  'oauth-authz-req+jwt': 'request_object', 'at+jwt': 'access_token', 'logout+jwt': 'logout_token',
  'client-authentication+jwt': 'client_assertion', 'dpop+jwt': 'DPoP proof', 'entity-statement+jwt': 'entity statement',
  'secevent+jwt': 'security event token', 'jwk-set+jwt': 'signed JWK set', 'token-introspection+jwt': 'introspection response',
};

/** Every header of the token: outer, then nested. */
export function headers(v: View): { h: Record<string, unknown>; where: string }[] {
  const out: { h: Record<string, unknown>; where: string }[] = [];
  if (v.header) out.push({ h: v.header, where: 'header' });
  if (v.token.format === 'JWE' && v.token.nested?.header) out.push({ h: v.token.nested.header, where: 'nested header' });
  return out;
}

/** JWT-FORMAT, JWT-DUP, JWT-SIG, JWT-DECRYPT: the token as a structure. */
export function ruleStructure(v: View, ctx: RuleContext, emit: Emit): void {
  const t = v.token;
  if (t.error) emit('JWT-FORMAT', t.error.message, { claim: t.error.segment, reason: 'invalid' });
  if (t.nested?.error) emit('JWT-FORMAT', `nested token: ${t.nested.error.message}`, { claim: t.nested.error.segment, reason: 'invalid' });
  const d = ctx.duplicates;
  for (const [part, names] of [['header', d?.header], ['claims', d?.payload]] as const) {
    for (const n of names ?? []) emit('JWT-DUP', `${q(n)} appears more than once in the ${part}; parsers disagree on which value wins`, { claim: part === 'header' ? `header.${n}` : n, reason: 'invalid' });
  }
  if (t.signature?.status === 'invalid') {
    emit('JWT-SIG', `signature verification failed${t.signature.kid ? ` with key ${q(t.signature.kid)}` : ''}${t.signature.message ? `: ${t.signature.message}` : ''}`, { reason: 'check_failed' });
  }
  if (t.decryption?.status === 'failed') {
    emit('JWT-DECRYPT', `decryption failed${t.decryption.kid ? ` with key ${q(t.decryption.kid)}` : ''}${t.decryption.message ? `: ${t.decryption.message}` : ''}`, { reason: 'check_failed' });
  }
  if (t.format === 'JWE' && t.decryption?.status !== 'decrypted') {
    emit('JWT-PAYLOAD-HIDDEN', 'payload not inspected: no key decrypted it; only header rules ran', { reason: 'info' });
  }
}

/** JWT-NONE, JWT-HS-CONFUSION, JWT-CRIT, JWT-ZIP, JWT-PBES2, JWT-EMBEDDED-KEY, JWT-KID-INJECT, JWT-TYP. */
export function ruleHeaders(v: View, ctx: RuleContext, emit: Emit): void {
  const alg = v.sig?.alg;
  if (typeof alg === 'string' && alg.toLowerCase() === 'none') emit('JWT-NONE', '"alg" is "none": the token is not signed', { claim: 'header.alg', reason: 'invalid' });
  if (isHs(alg) && ctx.kind !== 'unknown' && ctx.kind !== 'access_token') {
    emit('JWT-HS-CONFUSION', `"alg" is ${q(alg)} but a ${ctx.kind} is signed with an asymmetric key`, { claim: 'header.alg', reason: 'invalid' });
  }
  for (const { h, where } of headers(v)) {
    checkCrit(h, where, emit);
    checkKid(h, where, emit);
  }
  checkZip(v, ctx, emit);
  checkPbes2(v, ctx, emit);
  checkTyp(v, ctx, emit);
}

function checkCrit(h: Record<string, unknown>, where: string, emit: Emit): void {
  if (!('crit' in h)) return;
  const c = h.crit;
  const o = { claim: `${where === 'header' ? '' : 'nested.'}header.crit`, reason: 'invalid' };
  if (!Array.isArray(c) || c.length === 0 || !c.every((x) => typeof x === 'string')) {
    emit('JWT-CRIT', `"crit" in the ${where} must be a non-empty array of strings, got ${q(c)}`, o);
    return;
  }
  for (const n of c as string[]) {
    if (REGISTERED_HEADER.has(n)) emit('JWT-CRIT', `"crit" in the ${where} lists the registered name ${q(n)}`, o);
    else if (!(n in h)) emit('JWT-CRIT', `"crit" in the ${where} lists ${q(n)} but the header has no such parameter`, o);
    else if (!UNDERSTOOD_CRIT.has(n)) emit('JWT-CRIT', `"crit" in the ${where} lists the unknown extension ${q(n)}; a recipient must reject the token`, o);
  }
}

function checkKid(h: Record<string, unknown>, where: string, emit: Emit): void {
  const kid = h.kid;
  if (typeof kid !== 'string') return;
  if (KID_INJECT.test(kid)) {
    emit('JWT-KID-INJECT', `"kid" in the ${where} is ${q(kid)}: it holds path, URL or SQL metacharacters; best practice is to treat kid as an opaque lookup key`, { claim: 'header.kid', reason: 'invalid' });
  }
}

function checkZip(v: View, ctx: RuleContext, emit: Emit): void {
  for (const { h, where } of headers(v)) {
    if (!('zip' in h)) continue;
    const isJwe = where === 'header' && v.token.format === 'JWE';
    if (h.zip !== 'DEF') emit('JWT-ZIP', `"zip" in the ${where} is ${q(h.zip)}; the only registered value is "DEF"`, { severity: 'error', claim: 'header.zip', reason: 'invalid' });
    else if (!isJwe) emit('JWT-ZIP', `"zip" in a JWS ${where} is not defined for JWS; recipients ignore or reject it`, { claim: 'header.zip', reason: 'invalid' });
    else if (!(v.ftn && (ctx.kind === 'id_token' || ctx.kind === 'userinfo'))) {
      emit('JWT-ZIP', '"zip" is "DEF": compressing before encryption can leak plaintext length (RFC 8725 §3.6)', { claim: 'header.zip', reason: 'invalid' });
    }
  }
}

function checkPbes2(v: View, ctx: RuleContext, emit: Emit): void {
  const h = v.token.format === 'JWE' ? v.header : null;
  const alg = h?.alg;
  if (!h || typeof alg !== 'string' || !alg.startsWith('PBES2')) return;
  if (v.ftn && ctx.kind !== 'id_token' && ctx.kind !== 'userinfo') {
    emit('JWT-PBES2', `"alg" is ${q(alg)}: password-based encryption in an FTN token; brokers use RSA keys`, { claim: 'header.alg', reason: 'invalid' });
  }
  const p2c = num(h.p2c);
  if (p2c !== undefined && p2c > 10000) emit('JWT-PBES2', `"p2c" is ${p2c}, above 10000: a denial-of-service risk (CVE-2022-36083 class)`, { claim: 'header.p2c', reason: 'invalid' });
  if (p2c !== undefined && p2c < 1000) emit('JWT-PBES2', `"p2c" is ${p2c}, below 1000: too few iterations (RFC 7518 §4.8.1.2)`, { claim: 'header.p2c', reason: 'invalid' });
}

function checkTyp(v: View, ctx: RuleContext, emit: Emit): void {
  if (ctx.kind === 'unknown' || (v.ftn && ctx.kind === 'client_assertion')) return;
  for (const { h, where } of headers(v)) {
    const t = typMediaType(h.typ);
    const other = t !== undefined ? TYP_KIND[t] : undefined;
    if (other && other !== ctx.kind) {
      emit('JWT-TYP', `"typ" in the ${where} is ${q(h.typ)}, the type of a ${other}, but the token stands where a ${ctx.kind} belongs`, { claim: 'header.typ', reason: 'mismatch' });
    }
  }
}
