/**
 * analyzeHar(): every token of a HAR trace in its place, judged as of its entry's startedDateTime,
 * the OIDC flows rebuilt and checked across tokens, and entry summaries for the editors' tables.
 */
import { withDefaults } from '../analyze';
import { inspectToken, newInspectCache } from '../inspect';
import { resolveLimits } from '../limits';
import { resolveProfile } from '../profiles';
import { summarize, tokenFindings, worstSeverity } from '../report';
import type { AnalyzeOptions, EntrySummary, Finding, Flow, Location, Report, TokenReport } from '../types';
import { LineCounter } from '../util/position';
import { checkFlow, checkJtiReuse } from './har.checks';
import { FlowBuilder, stepOf, type FlowState } from './har.flow';
import { entryCookies, inRedirect, locateTokens, redirectContext, requestContext, viewEntry } from './har.locate';
import { iterateHarEntries, type ReadSink } from './har.read';
import type { ReadEntry } from './har.types';

/** A HAR-BODY-SKIPPED finding: a body over limits.maxHarBodyChars was not searched. */
function skippedFinding(note: string): Finding {
  return { rule: 'HAR-BODY-SKIPPED', severity: 'info', message: note, reason: 'info', source: 'limits.maxHarBodyChars' };
}

function verdictOf(findings: Finding[]): Flow['verdict'] {
  const worst = worstSeverity(findings);
  if (worst === 'error') return 'errors';
  if (findings.some((f) => f.rule === 'FTN-FLOW-INCOMPLETE')) return 'incomplete';
  return worst === 'warning' ? 'warnings' : 'ok';
}

function toFlow(f: FlowState, findings: Finding[], tokens: TokenReport[]): Flow {
  const all = [...findings, ...f.steps.flatMap((s) => s.tokens.flatMap((i) => tokenFindings(tokens[i])))];
  const flow: Flow = { id: f.id, parties: {}, steps: f.steps, findings, verdict: verdictOf(all) };
  if (f.clientHost) flow.parties.client = f.clientHost;
  if (f.brokerHost) flow.parties.broker = f.brokerHost;
  if (f.browserOrigin) flow.parties.browserOrigin = f.browserOrigin;
  if (f.clientId !== undefined) flow.clientId = f.clientId;
  if (f.sentState !== undefined) flow.state = f.sentState;
  return flow;
}

/** Where a token found in an entry stands in the whole input (line, column, offset, length). */
export type EntryLocator = (re: ReadEntry, raw: string) => { line: number; column: number; offset: number; length: number };

/** Entries to analyse one at a time (a list or a stream), the reader's damage report and how to place tokens. */
export interface HarEntrySource {
  entries: Iterable<ReadEntry> | AsyncIterable<ReadEntry>;
  /** Filled by the reader; read once every entry has been analysed. */
  read: ReadSink;
  locate: EntryLocator;
  /** Copy each token report so none of its strings refers into the entry (streaming: the entry can be freed). */
  detach?: boolean;
  /** Length of the whole text, for options.onProgress (absent when streamed). */
  total?: number;
}

/** Analyses a HAR trace. Throws HarReadError only when nothing in it is readable. */
export async function analyzeHar(text: string, options?: AnalyzeOptions): Promise<Report> {
  const opts = withDefaults(options);
  const read: ReadSink = { notes: [], findings: [] };
  const lines = new LineCounter(text); // asked for entry starts only: they ascend, so one forward sweep
  let cur: { re: ReadEntry; text: string; at: { line: number; column: number }; lines: LineCounter } | undefined;
  // The first occurrence of the token in the entry's text (searched there only); the entry's start when it
  // is not there verbatim. Positions inside an entry are counted from the entry's start.
  const locate: EntryLocator = (re, raw) => {
    if (cur?.re !== re) {
      const entryText = text.slice(re.start, re.end);
      cur = { re, text: entryText, at: lines.at(re.start), lines: new LineCounter(entryText) };
    }
    const at = cur.text.indexOf(raw);
    const local = at === -1 ? 0 : at;
    const p = cur.lines.at(local);
    const line = cur.at.line + p.line - 1, column = p.line === 1 ? cur.at.column + p.column - 1 : p.column;
    return { line, column, offset: re.start + local, length: at === -1 ? 0 : raw.length };
  };
  return analyzeHarEntries({ entries: iterateHarEntries(text, read), read, locate, total: text.length }, opts);
}

/** Analyses HAR entries as they come (analyzeHar's engine; the CLI streams huge files through it). */
export async function analyzeHarEntries(source: HarEntrySource, options?: AnalyzeOptions): Promise<Report> {
  const opts = withDefaults(options);
  const limits = resolveLimits(opts.limits);
  const read = source.read;
  const tokens: TokenReport[] = [];
  const notes: string[] = [];
  const findings: Finding[] = [];
  const entries: EntrySummary[] = [];
  const builder = new FlowBuilder();
  const cache = newInspectCache(); // this call only: a token repeated in the trace is decrypted and verified once
  for await (const re of source.entries) {
    opts.onProgress?.(re.end, source.total ?? 0);
    const view = viewEntry(re, limits.maxHarBodyChars);
    for (const n of view.notes) { notes.push(n); findings.push(skippedFinding(n)); }
    const step = stepOf(view);
    const flow = builder.assign(view, step);
    const request = requestContext(view, flow?.nonce, flow?.maxAgeSent);
    const now = opts.referenceTime === 'now' ? opts.now : view.time ?? opts.now;
    const reports: TokenReport[] = [];
    const idx: number[] = [];
    for (const loc of locateTokens(view, entryCookies(re.entry, view))) {
      if (loc.raw.length > limits.maxTokenLength) {
        const n = `entry ${view.index}: a token of ${loc.raw.length} characters in ${loc.place.part} ${loc.place.field} "${loc.place.name}" is over the limit of ${limits.maxTokenLength} and was not inspected`;
        notes.push(n);
        findings.push(skippedFinding(n));
        continue;
      }
      const location: Location = { ...(opts.file !== undefined ? { file: opts.file } : {}), ...source.locate(re, loc.raw), har: loc.place };
      const where = { location, context: loc.context, request: inRedirect(loc.place) ? redirectContext(view, request) : request };
      // Streaming: the cache must not keep a slice of the entry's text alive, so it is keyed by a copy.
      const raw = source.detach ? JSON.parse(JSON.stringify(loc.raw)) as string : loc.raw;
      const inspected = await inspectToken(raw, where, { ...opts, now }, cache);
      const report = source.detach ? JSON.parse(JSON.stringify(inspected)) as TokenReport : inspected;
      idx.push(tokens.push(report) - 1);
      reports.push(report);
    }
    if (flow) {
      builder.record(flow, view, step ?? 'other', idx);
      builder.recordTokens(flow, step ?? 'other', reports);
    }
    if (flow || idx.length > 0) {
      const row: EntrySummary = {
        entry: view.index, startedDateTime: view.startedDateTime, method: view.method, url: view.url, host: view.host,
        path: view.path, status: view.status, tokens: idx, worst: worstSeverity(reports.flatMap(tokenFindings)),
      };
      if (view.notes.length) row.notes = view.notes;
      entries.push(row);
    }
  }
  notes.unshift(...read.notes);
  findings.unshift(...read.findings);
  const flows = await finishFlows(builder.flows, tokens, findings, opts);
  const report: Report = {
    version: 1, source: { ...(opts.file !== undefined ? { file: opts.file } : {}), kind: 'har' },
    tokens, findings: filterOff(findings, opts.disabledRules), entries, flows, summary: { tokens: 0, errors: 0, warnings: 0, info: 0 },
  };
  if (notes.length) report.notes = notes;
  report.summary = summarize(report);
  return report;
}

function filterOff(findings: Finding[], disabled?: string[]): Finding[] {
  const off = new Set(disabled ?? []);
  return findings.filter((f) => !off.has(f.rule));
}

async function finishFlows(states: FlowState[], tokens: TokenReport[], findings: Finding[], opts: AnalyzeOptions): Promise<Flow[]> {
  const reuse = checkJtiReuse(tokens);
  for (const r of reuse) findings.push(r.finding);
  const flows: Flow[] = [];
  for (const f of states) {
    const profile = resolveProfile({ forced: opts.profile, issuer: opts.issuer, host: f.brokerHost });
    const inFlow = new Set(f.steps.flatMap((s) => s.tokens));
    // A rule a token of this flow already reports (with its exact location) is not reported again for the flow.
    const onTokens = new Set([...inFlow].flatMap((i) => tokenFindings(tokens[i]).map((x) => x.rule)));
    const own = filterOff(await checkFlow(f, { profile, issuer: opts.issuer }), opts.disabledRules).filter((x) => !onTokens.has(x.rule));
    for (const r of reuse) if (r.tokens.some((i) => inFlow.has(i))) own.push(r.finding);
    findings.push(...own.filter((x) => !x.rule.endsWith('JTI-REUSE') && x.rule !== 'FTN-RO-JTI'));
    flows.push(toFlow(f, filterOff(own, opts.disabledRules), tokens));
  }
  return flows;
}
