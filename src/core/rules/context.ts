/**
 * What the rules get to know about a token: the place it was found (RequestContext), the broker
 * profile, the reference time, and the keys that verified or decrypted it (RuleContext).
 */
import type { Finding, ProfileId, Severity, TokenKind } from '../types';
import type { KeyDescription } from '../keys/key.types';

/** What the place of a token tells the rules (one HTTP exchange of a HAR, or nothing in plain text). */
export interface RequestContext {
  method?: string;
  url?: string;
  query?: Record<string, string[]>;
  form?: Record<string, string[]>;
  /** Request headers; names lowercased. */
  headers?: Record<string, string[]>;
  responseStatus?: number;
  responseContentType?: string;
  /** Epoch seconds of the HAR entry. */
  time?: number;
  /** The nonce the matching authorization request sent (FTN-IDT-NONCE). */
  expectedNonce?: string;
  /** True when the matching authorization request sent max_age (FTN-IDT-AUTHTIME). */
  maxAgeSent?: boolean;
}

/** Everything judgeToken needs besides the token. */
export interface RuleContext {
  kind: TokenKind;
  profile: Exclude<ProfileId, 'auto'>;
  /** Reference time, epoch seconds. */
  now: number;
  /** Clock skew tolerance, seconds. */
  skew: number;
  clientId?: string;
  issuer?: string;
  tokenEndpoint?: string;
  disabledRules: ReadonlySet<string>;
  request?: RequestContext;
  verifyingKey?: KeyDescription;
  decryptingKey?: KeyDescription;
  /** Duplicate member names of the decoded header and payload (JWT-DUP). */
  duplicates?: { header: string[]; payload: string[] };
}

/** Where a rule can be checked: one token (with its request context), a whole trace, or a key set. */
export type RuleScope = 'token' | 'trace' | 'keys';

/** One rule of the catalog. */
export interface RuleMeta {
  id: string;
  /** Default severity; the profile or the context may change it as docs/rules.md says. */
  severity: Severity;
  area: 'JWT' | 'CA' | 'RO' | 'IDT' | 'UI' | 'KEY' | 'FLOW' | 'HAR';
  title: string;
  /** Source key(s) from the rule reference, e.g. `TELIA 2.6.2`. */
  source: string;
  /** True when the rule is best practice (an inference), not a quoted requirement. */
  inference: boolean;
  scope: RuleScope;
  /** Severity note for docs when it depends on profile or context, e.g. `E for idura, W otherwise`. */
  severityNote?: string;
}

/** Extra fields of one emitted finding. */
export interface EmitOptions {
  severity?: Severity;
  claim?: string;
  reason?: string;
  source?: string;
}

/** Collects findings, dropping disabled rules and filling in the catalog's severity and source. */
export type Emit = (rule: string, message: string, opts?: EmitOptions) => void;
