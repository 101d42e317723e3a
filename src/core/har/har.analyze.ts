/**
 * analyzeHar(): every token of a HAR trace in its place, judged as of its entry's startedDateTime,
 * the OIDC flows rebuilt and checked across tokens, and entry summaries for the editors' tables.
 */
import { withDefaults } from '../analyze';
import { inspectToken } from '../inspect';
import { resolveLimits } from '../limits';
import { resolveProfile } from '../profiles';
import { summarize, tokenFindings, worstSeverity } from '../report';
import type { AnalyzeOptions, EntrySummary, Finding, Flow, Location, Report, TokenReport } from '../types';
import { LineCounter } from '../util/position';
import { checkFlow, checkJtiReuse } from './har.checks';
import { FlowBuilder, stepOf, type FlowState } from './har.flow';
import { entryCookies, inRedirect, locateTokens, redirectContext, requestContext, viewEntry } from './har.locate';
import { iterateHarEntries, type ReadSink } from './har.read';
import type { LocatedToken, ReadEntry } from './har.types';

/** A HAR-BODY-SKIPPED finding: a body over limits.maxHarBodyChars was not searched. */
function skippedFinding(note: string): Finding {
  return { rule: 'HAR-BODY-SKIPPED', severity: 'info', message: note, reason: 'info', source: 'limits.maxHarBodyChars' };
}

/** Places a located token in the HAR text (line/column/offset); falls back to the entry's start. */
function locationOf(text: string, lines: LineCounter, re: ReadEntry, loc: LocatedToken, file?: string): Location {
  const at = text.indexOf(loc.raw, re.start);
  const found = at !== -1 && at < re.end;
  const offset = found ? at : re.start;
  const { line, column } = lines.at(offset);
  return { ...(file !== undefined ? { file } : {}), line, column, offset, length: found ? loc.raw.length : 0, har: loc.place };
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

/** Analyses a HAR trace. Throws HarReadError only when nothing in it is readable. */
export async function analyzeHar(text: string, options?: AnalyzeOptions): Promise<Report> {
  const opts = withDefaults(options);
  const limits = resolveLimits(opts.limits);
  const read: ReadSink = { notes: [], findings: [] };
  const lines = new LineCounter(text);
  const tokens: TokenReport[] = [];
  const notes: string[] = [];
  const findings: Finding[] = [];
  const entries: EntrySummary[] = [];
  const builder = new FlowBuilder();
  for (const re of iterateHarEntries(text, read)) {
    const view = viewEntry(re, limits.maxHarBodyChars);
    for (const n of view.notes) { notes.push(n); findings.push(skippedFinding(n)); }
    const step = stepOf(view);
    const flow = builder.assign(view, step);
    const request = requestContext(view, flow?.nonce, flow?.maxAgeSent);
    const now = opts.referenceTime === 'now' ? opts.now : view.time ?? opts.now;
    const reports: TokenReport[] = [];
    const idx: number[] = [];
    for (const loc of locateTokens(view, entryCookies(re.entry, view))) {
      if (loc.raw.length > limits.maxTokenLength) continue;
      const location = locationOf(text, lines, re, loc, opts.file);
      const where = { location, context: loc.context, request: inRedirect(loc.place) ? redirectContext(view, request) : request };
      const report = await inspectToken(loc.raw, where, { ...opts, now });
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
