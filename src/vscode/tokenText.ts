/** Short plain-text facts about a TokenReport, shared by hovers, decorations and messages (no vscode). */
import { tokenFindings, type Finding, type TokenReport } from '../core/index';

/** Error/warning/info counts over a token and its nested token. */
export function findingCounts(t: TokenReport): { error: number; warning: number; info: number } {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of tokenFindings(t)) c[f.severity]++;
  return c;
}

/** Findings of a token and its nested token, errors first. */
export function sortedFindings(t: TokenReport): Finding[] {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return [...tokenFindings(t)].sort((a, b) => rank[a.severity] - rank[b.severity]);
}

/** The innermost readable claims (a decrypted JWE's nested claims). */
export function claimsOf(t: TokenReport): Record<string, unknown> | null {
  return t.nested?.payload ?? t.payload;
}

/** The token's kind, or its nested token's when the outer one is unknown. */
export function kindOf(t: TokenReport): string {
  return t.kind !== 'unknown' ? t.kind : t.nested?.kind ?? 'unknown';
}

/** True when "exp" lies before `now - skew`. */
export function isExpired(t: TokenReport, now: number, skew = 0): boolean {
  const exp = claimsOf(t)?.exp;
  return typeof exp === 'number' && Number.isFinite(exp) && exp < now - skew;
}

/** `JWE → JWS`, `JWS`, `JWE`. */
export function formatChain(t: TokenReport): string {
  return t.nested ? `${t.format} → ${t.nested.format}` : t.format;
}

/** Decryption state of a JWE in a word or two; undefined for a JWS. */
export function decryptionWord(t: TokenReport): string | undefined {
  if (t.format !== 'JWE') return undefined;
  switch (t.decryption?.status) {
    case 'decrypted': return 'decrypted';
    case 'no-key': return 'encrypted (no key)';
    case 'failed': return 'decryption failed';
    case 'unsupported': return 'unsupported encryption';
    default: return 'encrypted';
  }
}

/** `2 errors`, `1 warning`, joined; empty when clean. */
export function countsText(t: TokenReport): string[] {
  const c = findingCounts(t);
  const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;
  return [...(c.error ? [plural(c.error, 'error')] : []), ...(c.warning ? [plural(c.warning, 'warning')] : [])];
}

/** The inline marker: `JWE · id_token · decrypted · expired · 2 errors`. */
export function markerText(t: TokenReport, now: number, skew = 0): string {
  const kind = kindOf(t);
  return [
    formatChain(t),
    ...(kind !== 'unknown' ? [kind] : []),
    ...(decryptionWord(t) ? [decryptionWord(t)!] : []),
    ...(isExpired(t, now, skew) ? ['expired'] : []),
    ...countsText(t),
  ].join(' · ');
}
