/**
 * analyzeText(): every token in a text (log, config, source file, a single pasted token), inspected
 * and judged; a text that is a JWK or JWKS document is judged as a key set instead.
 */
import { inspectToken, newInspectCache } from './inspect';
import { resolveLimits } from './limits';
import { resolveProfile } from './profiles';
import { positionAt } from './util/position';
import { summarize } from './report';
import { judgeKeySet } from './rules/rules.key';
import { scanText } from './token.scan';
import type { AnalyzeOptions, Finding, Report, TokenReport } from './types';

/** The options with `now` and `skew` filled in (now = wall clock, skew = 60), validated. */
export function withDefaults(options: AnalyzeOptions = {}): AnalyzeOptions & { now: number; skew: number } {
  const now = options.now ?? Math.floor(Date.now() / 1000);
  const skew = options.skew ?? 60;
  if (typeof now !== 'number' || !Number.isFinite(now)) throw new TypeError('invalid "now" option: expected epoch seconds');
  if (typeof skew !== 'number' || !Number.isFinite(skew) || skew < 0) throw new TypeError('invalid "skew" option: expected a non-negative number of seconds');
  return { ...options, now, skew };
}

/** The parsed document when `text` is a JWK, a JWKS or client metadata with jwks/jwks_uri, else undefined. */
export function asKeySet(text: string): object | undefined {
  const t = text.trim();
  if (!t.startsWith('{') || t.length > 1_000_000) return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(t);
  } catch {
    return undefined;
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return undefined;
  const o = doc as Record<string, unknown>;
  if (Array.isArray(o.keys) && o.keys.every((k) => typeof k === 'object' && k !== null && 'kty' in k)) return o;
  if (typeof o.kty === 'string') return { keys: [o] };
  if ((typeof o.jwks === 'object' && o.jwks !== null) || typeof o.jwks_uri === 'string') return o;
  return undefined;
}

const LONE_COMPACT = /^[A-Za-z0-9_=-]+(\.[A-Za-z0-9_=-]*){2,4}$/;

function newReport(tokens: TokenReport[], findings: Finding[], file: string | undefined): Report {
  const report: Report = {
    version: 1, source: { ...(file !== undefined ? { file } : {}), kind: 'text' }, tokens, findings,
    summary: { tokens: 0, errors: 0, warnings: 0, info: 0 },
  };
  report.summary = summarize(report);
  return report;
}

/** Finds, inspects and judges every token in `text`; judges a JWK/JWKS document as a key set. */
export async function analyzeText(text: string, options?: AnalyzeOptions): Promise<Report> {
  const opts = withDefaults(options);
  const limits = resolveLimits(opts.limits);
  const tokens: TokenReport[] = [];
  const cache = newInspectCache(); // this call only: a token repeated in the text is decrypted and verified once
  for (const found of scanText(text, { maxTokenLength: limits.maxTokenLength })) {
    const location = { ...(opts.file !== undefined ? { file: opts.file } : {}), line: found.line, column: found.column, offset: found.offset, length: found.length };
    tokens.push(await inspectToken(found.token, { location, context: found.context }, opts, cache));
  }
  // A text that is nothing but one malformed compact token: report why it does not decode.
  const trimmed = text.trim();
  // Also when it is over maxTokenLength: inspectToken then reports the size instead of decoding it.
  if (!tokens.length && LONE_COMPACT.test(trimmed)) {
    const offset = text.indexOf(trimmed);
    return single(trimmed, opts, { ...positionAt(text, offset), offset });
  }
  const findings: Finding[] = [];
  const keySet = asKeySet(text);
  if (keySet) {
    const profile = resolveProfile({ forced: opts.profile, issuer: opts.issuer ?? opts.tokenEndpoint });
    findings.push(...judgeKeySet(keySet, { profile, disabledRules: opts.disabledRules, label: opts.file ?? 'key set' }));
  }
  return newReport(tokens, findings, opts.file);
}

async function single(raw: string, opts: AnalyzeOptions, at: { line: number; column: number; offset: number }): Promise<Report> {
  const location = { ...(opts.file !== undefined ? { file: opts.file } : {}), ...at, length: raw.length };
  const token = await inspectToken(raw, { location, context: { container: 'text' } }, opts);
  return newReport([token], [], opts.file);
}

/** Inspects `raw` as one token without scanning (a token pasted on a command line); reports why it does not decode. */
export async function analyzeToken(raw: string, options?: AnalyzeOptions): Promise<Report> {
  return single(raw, withDefaults(options), { line: 1, column: 1, offset: 0 });
}
