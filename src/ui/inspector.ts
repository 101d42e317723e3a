/** The token inspector: raw segments, header and claims tables, nested layer, status, findings, copy buttons. */
import type { Report, TokenReport } from '../core/types';
import { button, h, json } from './dom';
import { renderFindings, severityBadge, worstOf } from './findings';
import { renderSegments, renderStatus, renderTable } from './token.parts';

/** What the inspector needs from the app. */
export interface InspectorContext {
  copy(text: string, label: string): void;
  openRule(rule: string): void;
  /** Present when the host can reveal a token's location. */
  reveal?: (token: number) => void;
  rawJson: boolean;
  setRawJson(on: boolean): void;
  /** Wall clock, epoch seconds. */
  now(): number;
}

/** Reference time for a token: its HAR entry's start time, else now. */
export function referenceTime(report: Report, t: TokenReport, now: () => number): number {
  const e = t.location.har ? report.entries?.find((x) => x.entry === t.location.har?.entry) : undefined;
  const ms = e ? Date.parse(e.startedDateTime) : NaN;
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : now();
}

/** Where a token was found, as a short phrase. */
export function placeText(t: TokenReport): string {
  const har = t.location.har;
  if (har) return `entry #${har.entry} ${har.part} ${har.field} "${har.name}"`;
  return `${t.location.file ? t.location.file + ':' : 'line '}${t.location.line}:${t.location.column}`;
}

/** Renders the inspector for report.tokens[index]. */
export function renderInspector(report: Report, index: number, ctx: InspectorContext): HTMLElement {
  const t = report.tokens[index];
  const root = h('section.ftn-inspector', { 'aria-label': 'token inspector', 'data-token': index });
  if (!t) {
    root.append(h('p.ftn-muted', null, 'select a token'));
    return root;
  }
  const now = referenceTime(report, t, ctx.now);
  root.append(titleBar(t, index, ctx));
  root.append(renderSegments(t));
  if (t.error) root.append(h('div.ftn-error-box', { role: 'alert' }, `${t.error.code}: ${t.error.message}`, t.error.segment ? ` (segment ${t.error.segment})` : ''));
  if (ctx.rawJson) {
    root.append(h('pre.ftn-json', { 'aria-label': 'raw JSON' }, json(stripRaw(t))));
  } else {
    root.append(renderLayer(t, now, ctx, 0));
  }
  root.append(renderFindings(t.findings, (r) => ctx.openRule(r)));
  return root;
}

function titleBar(t: TokenReport, index: number, ctx: InspectorContext): HTMLElement {
  const claims = t.payload ?? t.nested?.payload ?? null;
  const raw = button(ctx.rawJson ? 'Tables' : 'Raw JSON', () => ctx.setRawJson(!ctx.rawJson), { 'aria-pressed': String(ctx.rawJson), 'data-action': 'raw-json' });
  return h('header.ftn-inspector-head', null,
    h('h2', null, `${t.kind} `, h('span.ftn-muted', null, `${t.format} ${t.serialization}`), ' ', severityBadge(worstOf(t.findings))),
    h('div.ftn-muted', null, placeText(t), t.kindReason ? ` — ${t.kindReason}` : '', t.profile ? ` — profile ${t.profile}` : ''),
    h('div.ftn-actions', { role: 'toolbar', 'aria-label': 'token actions' },
      button('Copy token', () => ctx.copy(t.raw, 'token'), { 'data-action': 'copy-token' }),
      t.header ? button('Copy header JSON', () => ctx.copy(json(t.header), 'header'), { 'data-action': 'copy-header' }) : null,
      claims ? button('Copy claims JSON', () => ctx.copy(json(claims), 'claims'), { 'data-action': 'copy-claims' }) : null,
      raw,
      ctx.reveal ? button('Reveal', () => ctx.reveal?.(index), { 'data-action': 'reveal' }) : null,
    ),
  );
}

/** The report of a token without its raw text (shown above already). */
function stripRaw(t: TokenReport): unknown {
  const { raw: _raw, ...rest } = t;
  return { ...rest, nested: t.nested ? stripRaw(t.nested) : null };
}

/** Header, status, claims of one layer; a JWE's nested JWS is a sub-layer. */
function renderLayer(t: TokenReport, now: number, ctx: InspectorContext, depth: number): HTMLElement {
  const box = h('div.ftn-layer', { 'data-layer': t.format, 'data-depth': depth });
  if (t.header) box.append(h('h3', null, t.format === 'JWE' ? 'JWE header' : 'Header'), renderTable(t.header, 'header', now, 'header'));
  if (t.decryption) box.append(renderStatus('decryption', t.decryption));
  if (t.format === 'JWS' && t.signature) box.append(renderStatus('signature', t.signature));
  if (t.nested && depth < 4) {
    const nested = h('section.ftn-nested', { 'aria-label': 'nested token' }, h('h3', null, `Nested ${t.nested.format} (decrypted content)`));
    nested.append(renderSegments(t.nested), renderLayer(t.nested, now, ctx, depth + 1));
    if (t.nested.findings.length) nested.append(renderFindings(t.nested.findings, (r) => ctx.openRule(r), 'Nested findings'));
    box.append(nested);
    return box;
  }
  if (t.format === 'JWE' && t.signature) box.append(renderStatus('signature', t.signature));
  if (t.payload) box.append(h('h3', null, 'Claims'), renderTable(t.payload, 'claims', now, 'claims'));
  else if (t.payloadText !== null) box.append(h('h3', null, 'Payload'), h('pre.ftn-json', null, t.payloadText));
  else if (t.format === 'JWE') box.append(h('p.ftn-muted', null, 'payload is encrypted: import the private key to read it'));
  return box;
}
