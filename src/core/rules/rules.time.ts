/** Generic time rules over exp/iat/nbf: JWT-NUMDATE, JWT-EXP-MISSING, JWT-TIME, JWT-LONG (ftn-rules §8). */
import type { TokenKind } from '../types';
import type { RuleContext, Emit } from './context';
import { q, num, type View } from './util';

/** ISO text of an epoch-seconds value, for messages. */
export function iso(t: number): string {
  const d = new Date(t * 1000);
  return Number.isNaN(d.getTime()) ? String(t) : d.toISOString().replace('.000Z', 'Z');
}

/** Which generic time checks an FTN kind-specific rule already makes. */
function coveredBy(kind: TokenKind, part: 'expMissing' | 'expPast' | 'nbf' | 'iat' | 'long60'): boolean {
  const m: Record<string, TokenKind[]> = {
    expMissing: ['client_assertion', 'request_object', 'id_token'],
    expPast: ['client_assertion', 'request_object', 'id_token'],
    nbf: ['client_assertion', 'request_object'],
    iat: ['client_assertion', 'id_token'],
    long60: ['client_assertion', 'request_object'],
  };
  return m[part].includes(kind);
}

/** JWT-NUMDATE, JWT-EXP-MISSING, JWT-TIME, JWT-LONG. */
export function ruleTimes(v: View, ctx: RuleContext, emit: Emit): void {
  const c = v.claims;
  if (!c) return;
  const covered = (part: Parameters<typeof coveredBy>[1]) => v.ftn && coveredBy(ctx.kind, part);
  for (const k of ['exp', 'iat', 'nbf']) {
    if (!(k in c)) continue;
    const val = c[k];
    if (typeof val !== 'number' || !Number.isFinite(val)) {
      emit('JWT-NUMDATE', `"${k}" is ${q(val)}, not a JSON number of seconds (NumericDate)`, { severity: 'error', claim: k, reason: 'invalid' });
    } else if (val > 1e11) {
      emit('JWT-NUMDATE', `"${k}" is ${val}: larger than 10^11, likely milliseconds instead of seconds`, { severity: 'warning', claim: k, reason: 'invalid' });
    }
  }
  const exp = num(c.exp), iat = num(c.iat), nbf = num(c.nbf);
  if (!('exp' in c) && ctx.kind !== 'userinfo' && !covered('expMissing')) {
    const hard = ctx.kind === 'client_assertion' || ctx.kind === 'id_token';
    emit('JWT-EXP-MISSING', `"exp" claim is missing: the token never expires${hard ? ` and a ${ctx.kind} requires it` : ''}`, { severity: hard ? 'error' : 'warning', claim: 'exp', reason: 'missing' });
  }
  const now = ctx.now, skew = ctx.skew;
  if (exp !== undefined && exp <= 1e11 && exp <= now - skew && !covered('expPast')) {
    emit('JWT-TIME', `"exp" is ${exp} (${iso(exp)}), ${now - exp} s before the reference time: the token has expired (skew ${skew} s)`, { severity: 'error', claim: 'exp', reason: 'check_failed' });
  }
  if (nbf !== undefined && nbf <= 1e11 && nbf > now + skew && !covered('nbf')) {
    emit('JWT-TIME', `"nbf" is ${nbf} (${iso(nbf)}), ${nbf - now} s after the reference time: the token is not yet valid (skew ${skew} s)`, { severity: 'error', claim: 'nbf', reason: 'check_failed' });
  }
  if (iat !== undefined && iat <= 1e11 && iat > now + skew && !covered('iat')) {
    emit('JWT-TIME', `"iat" is ${iat} (${iso(iat)}), ${iat - now} s after the reference time: issued in the future (skew ${skew} s)`, { severity: 'warning', claim: 'iat', reason: 'check_failed' });
  }
  ruleLong(exp, iat ?? nbf, iat !== undefined ? 'iat' : 'nbf', ctx, emit, covered('long60'));
}

function ruleLong(exp: number | undefined, start: number | undefined, startName: string, ctx: RuleContext, emit: Emit, covered60: boolean): void {
  if (exp === undefined || start === undefined || exp > 1e11) return;
  const life = exp - start;
  const short = ctx.kind === 'client_assertion' || ctx.kind === 'request_object';
  if (short && !covered60 && life > 3600) {
    emit('JWT-LONG', `"exp" is ${life} s after "${startName}": best practice keeps a ${ctx.kind} under 60 min (inference from FAPI1-ADV §5.2.2-13)`, { claim: 'exp', reason: 'check_failed' });
  } else if (life > 86400) {
    emit('JWT-LONG', `"exp" is ${life} s after "${startName}": best practice keeps a token under 24 h (inference from FAPI1-ADV §5.2.2-13)`, { claim: 'exp', reason: 'check_failed' });
  }
}
