/**
 * The redactor behind sanitizeHar: replaces PEM private keys, tokens (found by scanText), HETUs
 * (findHetus, checksum validated) and registered secret values (codes, verifiers, passwords, cookies,
 * credentials) in any string, with `REDACTED` (`REDACTED-private-key` for keys) or a consistent
 * pseudonym (`REDACTED-code-1`) per distinct value.
 */
import { findHetus } from '../hetu';
import { scanText } from '../token.scan';
import { redactPemKeys } from './har.sanitize.keys';

/** How to redact. */
export interface SanitizeOptions {
  /** `remove`: every value becomes `REDACTED`; `pseudonym`: `REDACTED-<kind>-<n>`, the same for the same value. */
  mode: 'remove' | 'pseudonym';
  /** Keep a token's protected header segment (alg/kid/typ stay readable): `<header>.REDACTED-token-1.` */
  keepTokenHeaders?: boolean;
}

/** Redaction kinds counted in the result. */
export type RedactionKind =
  | 'token' | 'client_secret' | 'code' | 'code_verifier' | 'password' | 'cookie' | 'set-cookie' | 'authorization' | 'hetu' | 'private-key';

/** Globally replaced registered values must be at least this long (shorter ones only in their own field). */
const MIN_GLOBAL = 6;

/** Redacts values consistently across one document. */
export class Redactor {
  readonly counts: Record<string, number> = {};
  private readonly seen = new Map<string, string>();
  private readonly next: Record<string, number> = {};
  private readonly known = new Map<string, string>();
  private knownList: [string, string][] | undefined;

  constructor(private readonly opts: SanitizeOptions) {
    if (opts.mode !== 'remove' && opts.mode !== 'pseudonym') throw new TypeError('invalid "mode" option: expected "remove" or "pseudonym"');
  }

  /** The replacement of `value` as `kind`, counted; the same value gets the same pseudonym. */
  replace(kind: RedactionKind, value: string): string {
    this.counts[kind] = (this.counts[kind] ?? 0) + 1;
    if (this.opts.mode === 'remove') return kind === 'private-key' ? 'REDACTED-private-key' : 'REDACTED';
    const key = `${kind === 'set-cookie' ? 'cookie' : kind}\u0000${value}`;
    let out = this.seen.get(key);
    if (!out) {
      const label = kind === 'set-cookie' ? 'cookie' : kind;
      this.next[label] = (this.next[label] ?? 0) + 1;
      out = `REDACTED-${label}-${this.next[label]}`;
      this.seen.set(key, out);
    }
    return out;
  }

  /** The replacement of a token (compact or JSON serialisation). */
  token(raw: string, kind: RedactionKind = 'token'): string {
    const r = this.replace(kind, raw);
    if (raw.startsWith('{')) return `{"redacted":"${r}"}`;
    if (this.opts.keepTokenHeaders) return `${raw.slice(0, raw.indexOf('.'))}.${r}.`;
    return r;
  }

  /** Registers a secret value (seen in a named field) so it is replaced wherever else it appears. */
  register(kind: RedactionKind, value: string): void {
    if (value.length < MIN_GLOBAL || /^REDACTED/.test(value) || this.known.has(value)) return;
    this.known.set(value, kind);
    let enc: string | undefined;
    try {
      enc = encodeURIComponent(value);
    } catch {
      enc = undefined; // a lone surrogate has no percent-encoded form
    }
    if (enc !== undefined && enc !== value) this.known.set(enc, kind);
    this.knownList = undefined;
  }

  /** Replaces every PEM private key, token, HETU and registered secret in free text. */
  text(s: string): string {
    if (s.length < MIN_GLOBAL) return s;
    let out = redactPemKeys(s, (block) => this.replace('private-key', block));
    const found = scanText(out).filter((f) => !/\.REDACTED/.test(f.token));
    for (let i = found.length - 1; i >= 0; i--) {
      const f = found[i];
      out = out.slice(0, f.offset) + this.token(f.token) + out.slice(f.offset + f.length);
    }
    const hetus = findHetus(out);
    for (let i = hetus.length - 1; i >= 0; i--) {
      const h = hetus[i];
      out = out.slice(0, h.offset) + this.replace('hetu', h.value) + out.slice(h.offset + h.value.length);
    }
    this.knownList ??= [...this.known].sort((a, b) => b[0].length - a[0].length);
    for (const [value, kind] of this.knownList) {
      if (!out.includes(value)) continue;
      const parts = out.split(value);
      out = parts[0];
      for (let i = 1; i < parts.length; i++) out += this.replace(kind as RedactionKind, decodeSafe(value)) + parts[i];
    }
    return out;
  }
}

function decodeSafe(v: string): string {
  try { return decodeURIComponent(v); } catch { return v; }
}
