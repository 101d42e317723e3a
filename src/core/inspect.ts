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

type Layer = {
  report: TokenReport; verifyingKey?: KeyDescription; decryptingKey?: KeyDescription; dup: { header: string[]; payload: string[] };
  /** Claims that could not be read because they nest deeper than the JSON depth limit (a JWT-FORMAT finding). */
  tooDeep?: string;
};

/** The message of a payload refused by the JSON depth limit, else undefined. */
function depthError(message: string | undefined): string | undefined {
  return message !== undefined && message.includes('nesting deeper than') ? message : undefined;
}

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
    return { report, dup, verifyingKey: v.key, tooDeep: depthError(decoded.payloadError?.message) };
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
    layer.tooDeep = n.tooDeep;
    return layer;
  }
  const json = parseJsonStrict(text);
  if (!json.ok) layer.tooDeep = depthError(`payload is not valid JSON: ${json.error}`);
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

/**
 * Decode, decrypt and verify results per raw token for ONE analysis (same keys and limits throughout): they
 * do not depend on where or when the token was seen. Create one per analysis call and drop it afterwards.
 */
export interface InspectCache { readonly layers: Map<string, Promise<Layer>> }

/** A fresh, empty InspectCache for one analysis call. */
export function newInspectCache(): InspectCache {
  return { layers: new Map() };
}

/** Deep copy of plain JSON-like data (own enumerable keys; "__proto__" stays an ordinary key). */
function cloneData<T>(v: T): T {
  if (Array.isArray(v)) return v.map(cloneData) as T;
  if (v === null || typeof v !== 'object') return v;
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, cloneData(x)])) as T;
}

/** A copy of a cached layer sharing no mutable report data with it, placed at `location` (every nesting level). */
function placed(layer: Layer, location: Location): Layer {
  const report = cloneData(layer.report);
  for (let r: TokenReport | null | undefined = report; r; r = r.nested) r.location = { ...location };
  return { ...layer, report, dup: { header: [...layer.dup.header], payload: [...layer.dup.payload] } };
}

/** The decoded, decrypted and verified layer of `raw` (from `cache` when it was seen before in this analysis). */
async function cryptoLayer(raw: string, location: Location, options: AnalyzeOptions, cache?: InspectCache): Promise<Layer> {
  const limits = resolveLimits(options.limits);
  const build = () => {
    // Over the size limit: never decoded (a hostile 5 MB token must cost nothing), one JWT-FORMAT finding.
    const decoded: DecodedToken = raw.length > limits.maxTokenLength
      ? { format: null, error: { code: 'ERR_TOO_LARGE', message: `token is ${raw.length} characters, over the limit of ${limits.maxTokenLength}` } }
      : decodeToken(raw, { maxHeaderBytes: limits.maxHeaderBytes });
    return buildLayer(raw, decoded, location, options, 0);
  };
  if (!cache) return build();
  let p = cache.layers.get(raw);
  if (!p) cache.layers.set(raw, p = build());
  return placed(await p, location);
}

/**
 * Inspects one token: decode → decrypt → verify (nested) → classify → profile → judge. Never throws for token
 * content. With `cache` (one per analysis), a token seen again is not decoded, decrypted or verified again.
 */
export async function inspectToken(raw: string, where: TokenWhere, options: AnalyzeOptions, cache?: InspectCache): Promise<TokenReport> {
  const layer = await cryptoLayer(raw, where.location, options, cache);
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
  if (layer.tooDeep && !disabled.has('JWT-FORMAT')) {
    findings.unshift({ rule: 'JWT-FORMAT', severity: 'error', message: layer.tooDeep, claim: 'payload', reason: 'invalid' });
  }
  // Embedded `jwk` headers are judged as key sets by the engine (rules.embedded.ts).
  report.findings = findings;
  return report;
}
