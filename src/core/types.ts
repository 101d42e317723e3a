/**
 * The one report shape every front end renders, and the options every core entry point takes.
 * Everything here is JSON-serialisable (no CryptoKey, no Date, no Map): a report can be posted to a
 * webview, stored in webview state, printed by the CLI and parsed back unchanged.
 */

/** Token kinds, from the place a token was found first, then from its claims. */
export type TokenKind =
  | 'client_assertion'
  | 'request_object'
  | 'id_token'
  | 'userinfo'
  | 'access_token'
  | 'logout_token'
  | 'unknown';

/** Broker profiles; `auto` picks one from the issuer or host, `ftn` is the generic FTN profile. */
export type ProfileId = 'auto' | 'ftn' | 'idura' | 'telia' | 'op' | 'signicat' | 'generic';

export type Severity = 'error' | 'warning' | 'info';

/** One rule result. `rule` is an ID from docs/rules.md (a public contract). */
export interface Finding {
  rule: string;
  severity: Severity;
  /** Lowercase, precise, quotes the claim: `"aud" is "https://x" but the token endpoint is "https://y"`. */
  message: string;
  /** The offending claim or header parameter, e.g. `aud`, `header.kid`. */
  claim?: string;
  /** Small machine vocabulary, jose-style: missing | invalid | check_failed | mismatch | reused | info. */
  reason?: string;
  /** Source key from the rule reference, e.g. `TELIA 2.6.2`. */
  source?: string;
}

/** Where a token stands inside a HAR. */
export interface HarPlace {
  /** 0-based index into log.entries. */
  entry: number;
  part: 'request' | 'response';
  /** Field kind: where in the message. */
  field: 'url' | 'query' | 'fragment' | 'form' | 'header' | 'cookie' | 'json' | 'body' | 'text';
  /** Exact name: query/form parameter, header or cookie name, JSON path (`$.id_token`), or `body`. */
  name: string;
}

/** Where a token was found. line and column are 1-based, offset is 0-based (UTF-16 code units). */
export interface Location {
  file?: string;
  line: number;
  column: number;
  offset: number;
  length: number;
  har?: HarPlace;
}

/**
 * The textual context a token was found in, as the scanner saw it. `name` is the parameter, JSON key,
 * header or cookie name the token is the value of, when there is one; it drives classification.
 */
export interface TokenContext {
  container: 'text' | 'query' | 'fragment' | 'form' | 'json' | 'bearer' | 'cookie' | 'header' | 'body';
  name?: string;
}

/** A token candidate found in text: the scanner's output. */
export interface FoundToken {
  /** The token exactly as it should be decoded: compact form, or the JSON text of a JSON serialisation. */
  token: string;
  format: 'JWS' | 'JWE';
  serialization: 'compact' | 'flattened' | 'general';
  /** Start offset, length, line and column in the scanned text, of the token as it stands there
   *  (for a percent-encoded token: the encoded span). */
  offset: number;
  length: number;
  line: number;
  column: number;
  context: TokenContext;
}

/** A decode failure: exactly what is wrong and where. */
export interface DecodeError {
  code:
    | 'ERR_SEGMENTS'
    | 'ERR_BASE64URL'
    | 'ERR_UTF8'
    | 'ERR_JSON'
    | 'ERR_NOT_OBJECT'
    | 'ERR_MISSING_ALG'
    | 'ERR_MISSING_ENC'
    | 'ERR_TOO_LARGE';
  /** e.g. `header segment is not valid base64url at character 17` */
  message: string;
  /** Which segment: header | payload | signature | encrypted_key | iv | ciphertext | tag. */
  segment?: string;
}

/** Decryption result of a JWE. */
export interface DecryptionResult {
  status: 'decrypted' | 'no-key' | 'failed' | 'unsupported';
  /** kid (or thumbprint when the key has no kid) of the key that decrypted it. */
  kid?: string;
  /** RFC 7638 thumbprint of the key used. */
  thumbprint?: string;
  message?: string;
}

/** Signature verification result of a JWS. */
export interface SignatureResult {
  status: 'valid' | 'invalid' | 'no-key' | 'unsigned' | 'unsupported';
  kid?: string;
  thumbprint?: string;
  message?: string;
}

/** One token in the report. For a JWE, `nested` is the decrypted inner token (when it is a JWS). */
export interface TokenReport {
  location: Location;
  format: 'JWS' | 'JWE';
  serialization: 'compact' | 'flattened' | 'general';
  kind: TokenKind;
  /** Why this kind: `form field "client_assertion"`, `claims: nonce, at_hash`. */
  kindReason?: string;
  /** Broker profile the rules ran under. */
  profile?: ProfileId;
  /** The token text (compact or JSON serialisation). */
  raw: string;
  /** Protected header (merged with unprotected headers for JSON serialisations). null if it cannot be decoded. */
  header: Record<string, unknown> | null;
  /** Claims of the innermost readable layer, when JSON. */
  payload: Record<string, unknown> | null;
  /** The same, as text (also for non-JSON plaintext). */
  payloadText: string | null;
  decryption: DecryptionResult | null;
  /** For a JWE: the nested JWS's signature (null if there is none). */
  signature: SignatureResult | null;
  nested: TokenReport | null;
  /** Set when the token could not be decoded. */
  error?: DecodeError;
  findings: Finding[];
}

/** A step of a rebuilt OIDC flow (HAR analysis). */
export interface FlowStep {
  entry: number;
  step: 'par' | 'authorize' | 'callback' | 'token' | 'userinfo' | 'logout' | 'other';
  method: string;
  url: string;
  status: number;
  startedDateTime: string;
  /** Milliseconds since the flow's first step. */
  offsetMs: number;
  /** Indexes into Report.tokens. */
  tokens: number[];
}

/** One rebuilt OIDC flow. */
export interface Flow {
  id: number;
  /** Hosts taking part: the client (redirect_uri host), the broker (authorize/token host). */
  parties: { client?: string; broker?: string; browserOrigin?: string };
  clientId?: string;
  state?: string;
  steps: FlowStep[];
  findings: Finding[];
  verdict: 'ok' | 'warnings' | 'errors' | 'incomplete';
}

/** A HAR entry summary row (for tables in the editors). */
export interface EntrySummary {
  entry: number;
  startedDateTime: string;
  method: string;
  url: string;
  host: string;
  path: string;
  status: number;
  /** Indexes into Report.tokens. */
  tokens: number[];
  worst: Severity | null;
  notes?: string[];
}

export interface ReportSummary {
  tokens: number;
  errors: number;
  warnings: number;
  info: number;
}

/** The one JSON-serialisable report every front end renders. */
export interface Report {
  /** Report format version. */
  version: 1;
  source?: { file?: string; kind: 'text' | 'har' };
  tokens: TokenReport[];
  /** Trace-level findings (cross-token checks, HAR read problems). */
  findings: Finding[];
  /** HAR only. */
  entries?: EntrySummary[];
  flows?: Flow[];
  /** Problems reading the input that did not stop the analysis (truncated HAR, skipped bodies). */
  notes?: string[];
  summary: ReportSummary;
}

/** Options shared by every analysis entry point. */
export interface AnalyzeOptions {
  /** Reference time, epoch seconds. Default: the wall clock at call time. In HARs each entry's startedDateTime wins. */
  now?: number;
  /**
   * HAR only: `entry` (default) judges each token as of its entry's startedDateTime, so an old trace is
   * judged as it was when captured; `now` judges every token at `now` instead.
   */
  referenceTime?: 'entry' | 'now';
  /** Clock skew tolerance in seconds. Default 60. */
  skew?: number;
  profile?: ProfileId;
  clientId?: string;
  issuer?: string;
  tokenEndpoint?: string;
  /** Rule IDs to suppress. */
  disabledRules?: string[];
  /** Private keys (decryption) and public keys (verification). Never serialised into a report. */
  keys?: import('./keys/key.ring').KeyRing;
  /** File name for locations. */
  file?: string;
  /**
   * HAR only: called after each entry with the characters read so far and the total (total is 0 when
   * unknown, e.g. streamed). Hosts use it for progress bars; it must not throw.
   */
  onProgress?: (done: number, total: number) => void;
  /** Limits (hardening); defaults in limits.ts. */
  limits?: Partial<Limits>;
}

export interface Limits {
  /** Longest token the scanner accepts, in characters. */
  maxTokenLength: number;
  /** Largest decoded header, bytes. */
  maxHeaderBytes: number;
  /** PBES2 p2c cap passed to jose. */
  maxPBES2Count: number;
  /** Cap on inflated zip:DEF plaintext, bytes. */
  maxDecompressedBytes: number;
  /** HAR bodies over this many characters are skipped with a note. */
  maxHarBodyChars: number;
}
