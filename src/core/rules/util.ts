/** Small helpers shared by the rule files: the finding collector and claim readers. */
import type { Finding } from '../types';
import type { TokenReport } from '../types';
import { getRule } from './catalog';
import type { Emit, RuleContext } from './context';

/** A collector that skips disabled rules (and FTN-* rules under the generic profile). */
export function makeEmit(out: Finding[], disabled: ReadonlySet<string>, profile: string): Emit {
  return (rule, message, opts = {}) => {
    if (disabled.has(rule)) return;
    if (profile === 'generic' && rule.startsWith('FTN-')) return;
    const meta = getRule(rule);
    const f: Finding = { rule, severity: opts.severity ?? meta?.severity ?? 'info', message };
    if (opts.claim !== undefined) f.claim = opts.claim;
    if (opts.reason !== undefined) f.reason = opts.reason;
    const source = opts.source ?? meta?.source;
    if (source !== undefined) f.source = source;
    out.push(f);
  };
}

/** JSON-quote a value for a message (strings quoted, long values cut; undefined reads `missing`). */
export function q(v: unknown): string {
  if (v === undefined) return 'missing';
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 120 ? s.slice(0, 117) + '...' : s;
}

/** The value as a string, or undefined. */
export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** A finite numeric claim, or undefined. */
export function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** `aud` as a list of strings (string or array), or undefined when absent or malformed. */
export function audList(v: unknown): string[] | undefined {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  return undefined;
}

/** The header of the signing layer: the token's own header for a JWS, the nested JWS's for a JWE. */
export function signingHeader(token: TokenReport): Record<string, unknown> | null {
  if (token.format === 'JWS') return token.header;
  return token.nested && token.nested.format === 'JWS' ? token.nested.header : null;
}

/** True when the claims of the token can be read (a JWS, or a JWE that was decrypted). */
export function payloadReadable(token: TokenReport): boolean {
  return token.format === 'JWS' || token.decryption?.status === 'decrypted';
}

/** Reference time for a token sent in a request: the HAR entry time, else ctx.now. */
export function requestTime(ctx: RuleContext): number {
  return ctx.request?.time ?? ctx.now;
}

/** First value of a form/query parameter. */
export function param(p: Record<string, string[]> | undefined, name: string): string | undefined {
  return p?.[name]?.[0];
}

/** A URL without query and fragment, or undefined when it does not parse. */
export function urlBase(u: string | undefined): string | undefined {
  if (!u) return undefined;
  try {
    const x = new URL(u);
    return x.origin + x.pathname;
  } catch {
    return undefined;
  }
}

/** Origin of a URL, or undefined. */
export function urlOrigin(u: string | undefined): string | undefined {
  if (!u) return undefined;
  try {
    return new URL(u).origin;
  } catch {
    return undefined;
  }
}

/** Strip one trailing slash for comparisons of issuer-like URLs. */
export function noSlash(s: string): string {
  return s.endsWith('/') ? s.slice(0, -1) : s;
}

/** Is alg an HMAC alg (HS256/384/512)? */
export function isHs(alg: unknown): boolean {
  return typeof alg === 'string' && /^HS\d+$/i.test(alg);
}

/** What every rule function reads: the token, its layers and whether FTN rules apply. */
export interface View {
  token: TokenReport;
  /** Outer header (the JWE header for a JWE). */
  header: Record<string, unknown> | null;
  /** Header of the signing layer, when there is one. */
  sig: Record<string, unknown> | null;
  /** Claims, when readable. */
  claims: Record<string, unknown> | null;
  /** FTN rules apply (the profile is not generic). */
  ftn: boolean;
}

/** Build the view of a token. */
export function viewOf(token: TokenReport, ctx: RuleContext): View {
  return {
    token,
    header: token.header,
    sig: signingHeader(token),
    claims: payloadReadable(token) ? token.payload : null,
    ftn: ctx.profile !== 'generic',
  };
}
