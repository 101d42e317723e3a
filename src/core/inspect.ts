/**
 * inspectToken(): one token through the whole pipeline — decode, decrypt (JWE), decode and verify the
 * nested JWS, verify (JWS), classify, pick the broker profile, judge (embedded `jwk` headers are judged
 * as key sets by the engine). Never throws for token content.
 */
import { resolveLimits } from './limits';
import { resolveProfile } from './profiles';
import { judgeToken } from './rules/engine';
import type { RequestContext, RuleContext } from './rules/context';
import { classifyToken } from './token.classify';
import { decodeToken } from './token.decode';
import { decryptJwe } from './token.decrypt';
import { isDecodeFailure, type DecodedToken } from './token.types';
import { verifyJws } from './token.verify';
import type { KeyDescription } from './keys/key.types';
import type { AnalyzeOptions, Finding, Location, ProfileId, TokenContext, TokenReport } from './types';
import { decodeUtf8 } from './util/base64url';
import { parseJsonStrict } from './util/json';

/** Where a token was found: its location, the textual context and (HAR) the request it travelled in. */
export interface TokenWhere {
  location: Location;
  context: TokenContext;
  request?: RequestContext;
}

type Layer = { report: TokenReport; verifyingKey?: KeyDescription; decryptingKey?: KeyDescription; dup: { header: string[]; payload: string[] } };

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;
const COMPACT_JWE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

function emptyReport(raw: string, location: Location, format: 'JWS' | 'JWE'): TokenReport {
  return {
    location, format, serialization: 'compact', kind: 'unknown', raw, header: null, payload: null,
    payloadText: null, decryption: null, signature: null, nested: null, findings: [],
  };
}

function guessFormat(raw: string): 'JWS' | 'JWE' {
  return raw.trim().split('.').length === 5 || /"(ciphertext|recipients)"/.test(raw) ? 'JWE' : 'JWS';
}

/** Builds one layer (and, for a JWE whose plaintext is a token, its nested layer). */
async function buildLayer(raw: string, decoded: DecodedToken, location: Location, options: AnalyzeOptions, depth: number): Promise<Layer> {
  const dup = { header: [] as string[], payload: [] as string[] };
  if (isDecodeFailure(decoded)) {
    const report = emptyReport(raw, location, decoded.format ?? guessFormat(raw));
    report.header = decoded.header ?? null;
    report.error = decoded.error;
    return { report, dup };
  }
  const report = emptyReport(raw, location, decoded.format);
  report.serialization = decoded.serialization;
  report.header = decoded.header;
  dup.header.push(...decoded.duplicates.header);
  if (decoded.format === 'JWS') {
    report.payload = decoded.payload;
    report.payloadText = decoded.payloadText;
    dup.payload.push(...decoded.duplicates.payload);
    const v = await verifyJws(decoded, raw, options.keys);
    report.signature = v.result;
    return { report, dup, verifyingKey: v.key };
  }
  const d = await decryptJwe(decoded, raw, options.keys, resolveLimits(options.limits));
  report.decryption = d.result;
  const layer: Layer = { report, dup, decryptingKey: d.key };
  if (d.result.status !== 'decrypted' || !d.plaintext) return layer;
  const text = decodeUtf8(d.plaintext);
  report.payloadText = text;
  if (text === null) return layer;
  const inner = text.trim();
  if (depth < 2 && (COMPACT_JWS.test(inner) || COMPACT_JWE.test(inner))) {
    const n = await buildLayer(inner, decodeToken(inner, { maxHeaderBytes: resolveLimits(options.limits).maxHeaderBytes }), location, options, depth + 1);
    report.nested = n.report;
    report.payload = n.report.payload;
    report.payloadText = n.report.payloadText;
    report.signature = n.report.format === 'JWS' ? n.report.signature : null;
    dup.header.push(...n.dup.header);
    dup.payload.push(...n.dup.payload);
    layer.verifyingKey = n.verifyingKey;
    return layer;
  }
  const json = parseJsonStrict(text);
  if (json.ok && typeof json.value === 'object' && json.value !== null && !Array.isArray(json.value)) {
    report.payload = json.value as Record<string, unknown>;
    dup.payload.push(...json.duplicates);
  }
  return layer;
}

/** The broker profile: forced, else the first known broker among issuer option, iss, aud, request URL. */
export function pickProfile(forced: ProfileId | undefined, options: AnalyzeOptions, payload: Record<string, unknown> | null, request?: RequestContext) {
  if (forced && forced !== 'auto') return resolveProfile({ forced });
  const aud = payload?.aud;
  const candidates = [options.issuer, payload?.iss, ...(Array.isArray(aud) ? aud : [aud]), request?.url, options.tokenEndpoint];
  for (const c of candidates) {
    if (typeof c !== 'string' || !c) continue;
    const p = resolveProfile({ issuer: c });
    if (p !== 'ftn') return p;
  }
  return resolveProfile({ host: request?.url });
}

function formatFinding(report: TokenReport, disabled: ReadonlySet<string>): Finding[] {
  if (!report.error || disabled.has('JWT-FORMAT')) return [];
  return [{ rule: 'JWT-FORMAT', severity: 'error', message: report.error.message, claim: report.error.segment, reason: 'invalid' }];
}

/** Inspects one token: decode → decrypt → verify (nested) → classify → profile → judge. Never throws for token content. */
export async function inspectToken(raw: string, where: TokenWhere, options: AnalyzeOptions): Promise<TokenReport> {
  const limits = resolveLimits(options.limits);
  const decoded = decodeToken(raw, { maxHeaderBytes: limits.maxHeaderBytes });
  const layer = await buildLayer(raw, decoded, where.location, options, 0);
  const report = layer.report;
  const { kind, reason } = classifyToken({
    context: where.context, header: report.header, payload: report.payload, format: report.format,
    innerHeader: report.nested?.header ?? null, request: where.request,
  });
  report.kind = kind;
  report.kindReason = reason;
  const profile = pickProfile(options.profile, options, report.payload, where.request);
  report.profile = profile;
  const disabled = new Set(options.disabledRules ?? []);
  const ctx: RuleContext = {
    kind, profile, now: options.now ?? Math.floor(Date.now() / 1000), skew: options.skew ?? 60,
    clientId: options.clientId, issuer: options.issuer, tokenEndpoint: options.tokenEndpoint,
    disabledRules: disabled, request: where.request, verifyingKey: layer.verifyingKey,
    decryptingKey: layer.decryptingKey, duplicates: layer.dup,
  };
  const findings = judgeToken(report, ctx);
  if (!findings.some((f) => f.rule === 'JWT-FORMAT')) findings.unshift(...formatFinding(report, disabled));
  // Embedded `jwk` headers are judged as key sets by the engine (rules.embedded.ts).
  report.findings = findings;
  return report;
}
