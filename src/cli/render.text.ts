/**
 * The human-readable report: per token a header line, decryption/signature status, header and claims
 * aligned (times as ISO + relative), the nested layer indented, findings; then trace findings, HAR
 * flows, notes and one summary line. Every token-derived string passes through `safe()`.
 */
import { findHetus, type Finding, type Flow, type Report, type TokenReport } from '../core';
import { isoOf, relative } from './render.time';
import { clean, palette, type Palette } from './terminal';

const TIME_CLAIMS = new Set(['exp', 'iat', 'nbf', 'auth_time', 'updated_at']);

/** Token-derived text made safe for a terminal, with HETUs redacted. */
export function safe(s: string): string {
  let out = s;
  for (const h of findHetus(s).reverse()) out = out.slice(0, h.offset) + '<HETU redacted>' + out.slice(h.offset + h.value.length);
  return clean(out);
}

function valueText(name: string, v: unknown, ref: Ref, c: Palette): string {
  if (typeof v === 'number' && TIME_CLAIMS.has(name)) {
    const iso = isoOf(v);
    if (iso) return `${v}  ${c.dim(iso)}  ${relative(name, v, ref.now, ref.inRequest)}`;
  }
  const text = typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
  return safe(text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text);
}

type Ref = { now: number; inRequest: boolean };

function members(title: string, obj: Record<string, unknown> | null, ref: Ref, c: Palette, pad: string): string[] {
  if (!obj) return [];
  const names = Object.keys(obj);
  const width = Math.min(24, Math.max(0, ...names.map((n) => safe(n).length)));
  return [`${pad}${c.bold(title)}`, ...names.map((n) => `${pad}  ${safe(n).padEnd(width)}  ${valueText(n, obj[n], ref, c)}`)];
}

const SEV_WIDTH = 7;

const RANK = { error: 0, warning: 1, info: 2 } as const;

/** One finding line: severity, rule ID (padded to `ruleWidth`), message. */
export function findingLine(f: Finding, c: Palette, pad: string, ruleWidth = 0): string {
  const sev = f.severity.padEnd(SEV_WIDTH);
  const colour = f.severity === 'error' ? c.red : f.severity === 'warning' ? c.yellow : c.blue;
  return `${pad}${colour(sev)}  ${safe(f.rule).padEnd(ruleWidth)}  ${safe(f.message)}`;
}

/** Finding lines, errors first, rule IDs aligned. */
export function findingLines(findings: Finding[], c: Palette, pad: string): string[] {
  const width = Math.max(0, ...findings.map((f) => f.rule.length));
  return [...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity]).map((f) => findingLine(f, c, pad, width));
}

function keyText(kid: string | undefined, message: string | undefined): string {
  return `${kid ? ` · key "${safe(kid)}"` : ''}${message ? ` · ${safe(message)}` : ''}`;
}

function statusLines(t: TokenReport, c: Palette, pad: string): string[] {
  const out: string[] = [];
  if (t.decryption) {
    const ok = t.decryption.status === 'decrypted';
    out.push(`${pad}decryption  ${(ok ? c.green : c.yellow)(t.decryption.status)}${keyText(t.decryption.kid, t.decryption.message)}`);
  }
  const sig = t.format === 'JWS' ? t.signature : null;
  if (sig) {
    const colour = sig.status === 'valid' ? c.green : sig.status === 'invalid' || sig.status === 'unsigned' ? c.red : c.yellow;
    out.push(`${pad}signature   ${colour(sig.status)}${keyText(sig.kid, sig.message)}`);
  }
  return out;
}

function layerLines(t: TokenReport, ref: Ref, c: Palette, pad: string): string[] {
  const out = statusLines(t, c, pad);
  if (t.error) out.push(`${pad}${c.red('cannot decode')}  ${safe(t.error.message)}`);
  out.push(...members('header', t.header, ref, c, pad));
  if (t.nested) {
    out.push(`${pad}${c.bold(`nested ${t.nested.format}`)}`, ...layerLines(t.nested, ref, c, pad + '  '));
  } else if (t.format === 'JWE' && t.decryption?.status !== 'decrypted') {
    out.push(`${pad}claims  ${c.dim('payload not inspected (not decrypted)')}`);
  } else if (t.payload) {
    out.push(...members('claims', t.payload, ref, c, pad));
  } else if (t.payloadText !== null && !(t.format === 'JWE' && t.nested)) {
    out.push(`${pad}${c.bold('payload')}  ${safe(t.payloadText.length > 300 ? t.payloadText.slice(0, 300) + '…' : t.payloadText)}`);
  }
  return out;
}

/** `file:3:14`, `trace.har:120:15 entry 2 request form "client_assertion"`, `<argument 1>`. */
export function where(t: TokenReport): string {
  const l = t.location;
  const file = safe(l.file ?? '<text>');
  const at = file.startsWith('<argument') ? file : `${file}:${l.line}:${l.column}`;
  return l.har ? `${at} entry ${l.har.entry} ${l.har.part} ${l.har.field} "${safe(l.har.name)}"` : at;
}

/** Reference time of a token: its HAR entry's start, else `now`. */
export function refTime(report: Report, t: TokenReport, now: number): Ref {
  const e = t.location.har ? report.entries?.find((x) => x.entry === t.location.har!.entry) : undefined;
  const ms = e ? Date.parse(e.startedDateTime) : NaN;
  return Number.isNaN(ms) ? { now, inRequest: false } : { now: Math.floor(ms / 1000), inRequest: true };
}

function tokenBlock(report: Report, t: TokenReport, i: number, now: number, c: Palette): string[] {
  const head = `${c.bold(`[${i + 1}/${report.tokens.length}] ${t.kind}`)}  ${t.format} ${t.serialization}  ${where(t)}`;
  const why = `  kind ${t.kind}${t.kindReason ? ` (${safe(t.kindReason)})` : ''}${t.profile ? ` · profile ${t.profile}` : ''}`;
  const lines = [head, why, ...layerLines(t, refTime(report, t, now), c, '  ')];
  const findings = [t, t.nested].flatMap((x) => x?.findings ?? []);
  lines.push(findings.length ? `  ${c.bold('findings')}` : `  findings  ${c.green('none')}`);
  lines.push(...findingLines(findings, c, '    '));
  return lines;
}

function flowBlock(flow: Flow, c: Palette, shown: ReadonlySet<string>): string[] {
  const p = flow.parties;
  const verdict = flow.verdict === 'ok' ? c.green : flow.verdict === 'errors' ? c.red : c.yellow;
  const head = [`flow ${flow.id}`, p.client && `client ${safe(p.client)}`, p.broker && `broker ${safe(p.broker)}`,
    flow.clientId && `client_id ${safe(flow.clientId)}`].filter(Boolean).join(' · ');
  const lines = [`${c.bold(head)}  ${verdict(flow.verdict)}`];
  for (const s of flow.steps) {
    const toks = s.tokens.length ? `  tokens ${s.tokens.map((n) => `[${n + 1}]`).join(' ')}` : '';
    lines.push(`  +${(s.offsetMs / 1000).toFixed(3)} s  ${s.step.padEnd(9)}  ${safe(s.method)} ${safe(shortUrl(s.url))} → ${s.status}${toks}`);
  }
  lines.push(...findingLines(flow.findings.filter((f) => !shown.has(`${f.rule} ${f.message}`)), c, '    '));
  return lines;
}

/** A URL for one line: its query reduced to parameter names when the whole is longer than 100 characters. */
export function shortUrl(url: string): string {
  if (url.length <= 100) return url;
  const q = url.indexOf('?');
  if (q === -1) return url.slice(0, 100) + '…';
  const names = url.slice(q + 1).split('#')[0].split('&').map((kv) => kv.split('=')[0]);
  return `${url.slice(0, q)}?${names.map((n) => `${n}=…`).join('&')}`;
}

/** The summary line: `3 tokens · 1 error · 2 warnings · 0 info`. */
export function summaryLine(report: Report): string {
  const s = report.summary;
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  return `${n(s.tokens, 'token', 'tokens')} · ${n(s.errors, 'error', 'errors')} · ${n(s.warnings, 'warning', 'warnings')} · ${s.info} info`;
}

/** Renders a report as text; `now` is the reference time of non-HAR tokens. */
export function renderText(report: Report, opts: { color: boolean; now: number }): string {
  const c = palette(opts.color);
  const out: string[] = [];
  report.tokens.forEach((t, i) => out.push(...tokenBlock(report, t, i, opts.now, c), ''));
  if (report.findings.length) {
    out.push(c.bold('trace findings'), ...findingLines(report.findings, c, '  '), '');
  }
  // Flow findings already listed as trace findings are not repeated under their flow.
  const shown = new Set(report.findings.map((f) => `${f.rule} ${f.message}`));
  for (const flow of report.flows ?? []) out.push(...flowBlock(flow, c, shown), '');
  for (const note of report.notes ?? []) out.push(`note: ${safe(note)}`);
  if (!report.tokens.length && !report.findings.length) out.push('no tokens found');
  out.push(summaryLine(report));
  return out.join('\n') + '\n';
}
