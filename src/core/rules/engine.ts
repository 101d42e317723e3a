/** The rule engine: runs every applicable rule on one token, minus disabled ones. */
import type { Finding, TokenReport } from '../types';
import type { RuleContext, Emit } from './context';
import { makeEmit, q, viewOf, type View } from './util';
import { ruleStructure, ruleHeaders } from './rules.jwt';
import { ruleTimes } from './rules.time';
import { ruleIdtLayers, ruleIdtClaims } from './rules.idt';
import { ruleCaRequest, ruleCaHeader, ruleCaClaims } from './rules.ca';
import { ruleRoLayers, ruleRoClaims } from './rules.ro';
import { ruleUserinfo } from './rules.ui';
import { ruleEmbedded, ruleEntityStatement } from './rules.embedded';

/** JWT-OPAQUE: a JWE with `alg: dir` where the client gets an opaque value (Telia code / access_token). */
function opaque(v: View, ctx: RuleContext, emit: Emit): boolean {
  const h = v.header;
  if (v.token.format !== 'JWE' || !h || h.alg !== 'dir' || v.token.decryption?.status === 'decrypted') return false;
  if (ctx.kind !== 'access_token' && ctx.kind !== 'unknown') return false;
  const slot = ctx.kind === 'unknown' ? 'token' : 'access_token';
  emit('JWT-OPAQUE', `${slot} is a JWE with "alg": "dir" (${q(h.enc)}${h.zip ? `, "zip": ${q(h.zip)}` : ''}): opaque to the client, as Telia issues code and access_token; no relying-party rules apply`, { reason: 'info' });
  return true;
}

function ftnRules(v: View, ctx: RuleContext, emit: Emit): void {
  switch (ctx.kind) {
    case 'client_assertion':
      ruleCaRequest(ctx, emit);
      ruleCaHeader(v, ctx, emit);
      ruleCaClaims(v, ctx, emit);
      break;
    case 'request_object':
      ruleRoLayers(v, ctx, emit);
      ruleRoClaims(v, ctx, emit);
      break;
    case 'id_token':
      ruleIdtLayers(v, ctx, emit);
      ruleIdtClaims(v, ctx, emit);
      break;
    case 'userinfo':
      ruleUserinfo(v, ctx, emit);
      break;
    default:
      break;
  }
}

/** Run every applicable rule on one token under ctx; disabled rules are never emitted. */
export function judgeToken(token: TokenReport, ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const emit = makeEmit(out, ctx.disabledRules, ctx.profile);
  const v = viewOf(token, ctx);
  if (!token.header) {
    ruleStructure(v, ctx, emit);
    return out;
  }
  if (opaque(v, ctx, emit)) return out;
  ruleStructure(v, ctx, emit);
  ruleHeaders(v, ctx, emit);
  ruleEmbedded(v, ctx, emit);
  ruleTimes(v, ctx, emit);
  if (v.ftn) ftnRules(v, ctx, emit);
  ruleEntityStatement(v, ctx, emit, (fs) => out.push(...fs));
  return out;
}
