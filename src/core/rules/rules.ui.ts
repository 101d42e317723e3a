/** Userinfo response rules (FTN-UI-*, ftn-rules §6). */
import type { RuleContext, Emit } from './context';
import { q, str, audList, type View } from './util';
import { ruleJweLayer, piiIn } from './rules.idt';

/** FTN-UI-JWE, -CT, -NESTED, -ALG, -ISSAUD, and the presence part of -SUB. */
export function ruleUserinfo(v: View, ctx: RuleContext, emit: Emit): void {
  const t = v.token;
  if (t.format === 'JWS') {
    const op = ctx.profile === 'op';
    const pii = piiIn(v);
    emit('FTN-UI-JWE', `userinfo response is a signed JWS, not an encrypted JWE${pii.length ? `, and carries ${pii.join(' and ')} in clear text` : ''}${op ? '; OP documents plain responses (OP §10), other FTN brokers encrypt them' : '; FTN brokers encrypt userinfo'}`, { severity: op ? 'warning' : 'error', reason: 'invalid', source: op ? 'OP §10' : 'IDURA-FTN; SIGNICAT-MLE' });
  } else {
    ruleJweLayer(v, emit, { alg: 'FTN-UI-ALG', enc: 'FTN-UI-ALG', zip: 'FTN-UI-ALG' }, 'userinfo');
    if (str(v.header?.cty)?.toUpperCase() !== 'JWT') emit('FTN-UI-NESTED', `userinfo JWE "cty" is ${q(v.header?.cty)}; a nested JWT must carry "cty": "JWT"`, { claim: 'header.cty', reason: 'invalid', source: 'RFC7519 §5.2' });
    if (t.decryption?.status === 'decrypted' && t.nested?.format !== 'JWS') emit('FTN-UI-NESTED', 'decrypted userinfo is not a JWS: it must be signed, then encrypted', { reason: 'invalid', source: 'OIDC-CORE §5.3.2' });
  }
  const ct = ctx.request?.responseContentType;
  if (ct !== undefined && ct.split(';')[0].trim().toLowerCase() !== 'application/jwt') {
    emit('FTN-UI-CT', `userinfo "Content-Type" is ${q(ct)}; a signed or encrypted response must be "application/jwt"`, { claim: 'content-type', reason: 'invalid' });
  }
  const c = v.claims;
  if (!c) return;
  if (v.sig) {
    if (c.iss === undefined) emit('FTN-UI-ISSAUD', 'signed userinfo lacks "iss"', { claim: 'iss', reason: 'missing' });
    else if (ctx.issuer && c.iss !== ctx.issuer) emit('FTN-UI-ISSAUD', `"iss" is ${q(c.iss)} but the broker issuer is ${q(ctx.issuer)}`, { claim: 'iss', reason: 'mismatch' });
    const aud = audList(c.aud);
    if (c.aud === undefined) emit('FTN-UI-ISSAUD', 'signed userinfo lacks "aud"', { claim: 'aud', reason: 'missing' });
    else if (ctx.clientId && !aud?.includes(ctx.clientId)) emit('FTN-UI-ISSAUD', `"aud" is ${q(c.aud)} and does not contain the client_id ${q(ctx.clientId)}`, { claim: 'aud', reason: 'mismatch' });
  }
  if (c.sub === undefined) emit('FTN-UI-SUB', 'userinfo lacks "sub"', { claim: 'sub', reason: 'missing' });
}
