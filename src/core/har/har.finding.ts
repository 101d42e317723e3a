/** Findings of the HAR cross-token checks: rule sources, message quoting, the claims a check reads. */
import type { Finding, Severity, TokenReport } from '../types';

const SOURCES: Record<string, string> = {
  'FTN-IDT-NONCE': 'OIDC-CORE §3.1.3.7 (11); OP §9', 'FTN-FLOW-STATE': 'OIDC-CORE §3.1.2.1; RFC6749 §10.12',
  'FTN-FLOW-PKCE': 'RFC7636 §4.6', 'FTN-FLOW-PKCE-PLAIN': 'RFC7636 §4.2; RFC9700 §2.1.1',
  'FTN-FLOW-ATHASH': 'OIDC-CORE §3.1.3.8, §3.3.2.11', 'FTN-FLOW-CHASH': 'OIDC-CORE §3.3.2.11',
  'FTN-UI-SUB': 'OIDC-CORE §5.3.2', 'FTN-CA-NOSECRET': 'IDURA-FTN', 'FTN-FLOW-SECRET': 'IDURA-FTN',
  'FTN-CA-AUD-VAL': 'TELIA 2.6.2; OP §8; IDURA-PKJ', 'FTN-RO-QUERY': 'OIDC-CORE §6.1; RFC9101 §5',
  'FTN-RO-PRESENT': 'IDURA-FTN; TELIA 2.4.1; SIGNICAT-MIG', 'FTN-CA-JTI-REUSE': 'OIDC-CORE §9; TELIA 2.6.2; OP §8',
  'FTN-RO-JTI': 'TELIA 2.4.3; OP §7; SIGNICAT-REQ', 'FTN-FLOW-ERROR': 'OIDC-CORE §3.1.2.6',
  'FTN-FLOW-INCOMPLETE': 'OIDC-CORE §3.1',
};

/** A cross-token finding with the rule's source filled in. */
export function flowFinding(rule: string, severity: Severity, message: string, claim?: string, reason?: string): Finding {
  const f: Finding = { rule, severity, message };
  if (claim) f.claim = claim;
  if (reason) f.reason = reason;
  if (SOURCES[rule]) f.source = SOURCES[rule];
  return f;
}

/** A value quoted for a message. */
export const q = (v: unknown) => JSON.stringify(typeof v === 'string' ? v : v ?? null);

/** The claims of a token's innermost readable layer. */
export function claims(t: TokenReport | undefined): Record<string, unknown> | null {
  return t?.payload ?? null;
}

