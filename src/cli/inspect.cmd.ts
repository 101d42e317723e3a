/**
 * The default command: analyse every input (text, token or HAR) with the given keys and options,
 * then print text, JSON (the Report contract) or SARIF. Exit status 1 when any error finding exists.
 */
import * as core from '../core';
import { analyzeText, analyzeToken, errors, summarize, type AnalyzeOptions, type Report } from '../core';
import { last, parseArgv, parseDisable, parseFormat, parseNow, parseProfile, parseSkew, parseUrl, UsageError } from './args';
import { promises as fs } from 'node:fs';
import { analyzeHarFile, STREAM_THRESHOLD } from './har.stream';
import { errCode, loadKeys, readInputs, readText, type Input } from './inputs';
import { renderSarif } from './render.sarif';
import { renderText, summaryLine } from './render.text';
import { jsonSafe, useColor } from './terminal';

const SPEC = {
  '--key': true, '--passphrase-env': true, '--jwks': true, '--profile': true, '--client-id': true, '--issuer': true,
  '--token-endpoint': true, '--now': true, '--skew': true, '--disable': true, '--format': true, '--help': false, '--version': false,
};

/** What the process gives the CLI: output sinks, stdin, environment, TTY state. */
export interface CliIO {
  stdout(s: string): void;
  stderr(s: string): void;
  readStdin(): Promise<string>;
  env: Record<string, string | undefined>;
  isTTY: boolean;
  version: string;
  packageRoot: string;
}

type HarFn = (text: string, options?: AnalyzeOptions) => Promise<Report>;

/** analyzeHar from the barrel when the HAR module is present (it is looked up, not imported by name). */
function harAnalyzer(): HarFn | undefined {
  const fn = (core as Record<string, unknown>).analyzeHar;
  return typeof fn === 'function' ? (fn as HarFn) : undefined;
}

/** Analyses a HAR input: from its text, from its file read whole, or streamed when the file is big. */
async function analyzeHarInput(input: Input & { har: true }, opts: AnalyzeOptions): Promise<Report> {
  const analyzeHar = harAnalyzer();
  if (!analyzeHar) throw new UsageError(`cannot analyse "${input.label}": HAR analysis is not available`);
  try {
    if ('path' in input && (await fileSize(input.path)) >= STREAM_THRESHOLD) return await analyzeHarFile(input.path, opts);
    return await analyzeHar('text' in input ? input.text : await readText(input.path, 'input file'), opts);
  } catch (e) {
    if (e instanceof errors.HarReadError) throw new UsageError(`cannot read HAR "${input.label}": ${e.message}`);
    if (typeof (e as { code?: unknown })?.code === 'string' && !(e instanceof errors.FtnError)) throw new UsageError(`cannot read input file "${input.label}": ${errCode(e)}`);
    throw e;
  }
}

async function fileSize(file: string): Promise<number> {
  try {
    return (await fs.stat(file)).size;
  } catch (e) {
    throw new UsageError(`cannot read input file "${file}": ${errCode(e)}`);
  }
}

async function analyzeInput(input: Input, options: AnalyzeOptions): Promise<Report> {
  const opts = { ...options, file: input.label };
  if (input.har) return analyzeHarInput(input, opts);
  if (input.origin === 'token') return analyzeToken(input.text.trim(), opts);
  return analyzeText(input.text, opts);
}

/** One report from several: tokens concatenated (flow/entry token indexes shifted), findings and notes joined. */
export function mergeReports(reports: Report[]): Report {
  if (reports.length === 1) return reports[0];
  const merged: Report = { version: 1, tokens: [], findings: [], summary: { tokens: 0, errors: 0, warnings: 0, info: 0 } };
  for (const r of reports) {
    const shift = merged.tokens.length;
    merged.tokens.push(...r.tokens);
    merged.findings.push(...r.findings);
    if (r.entries) merged.entries = [...(merged.entries ?? []), ...r.entries.map((e) => ({ ...e, tokens: e.tokens.map((i) => i + shift) }))];
    if (r.flows) {
      merged.flows = [...(merged.flows ?? []), ...r.flows.map((f) => ({ ...f, steps: f.steps.map((s) => ({ ...s, tokens: s.tokens.map((i) => i + shift) })) }))];
    }
    if (r.notes) merged.notes = [...(merged.notes ?? []), ...r.notes.map((n) => `${r.source?.file ?? ''}: ${n}`)];
  }
  merged.summary = summarize(merged);
  return merged;
}

/** Builds AnalyzeOptions (without keys) from parsed options. */
function analyzeOptions(p: ReturnType<typeof parseArgv>): AnalyzeOptions {
  const opts: AnalyzeOptions = {};
  const now = last(p, '--now'), skew = last(p, '--skew'), profile = last(p, '--profile');
  if (now !== undefined) opts.now = parseNow(now);
  opts.skew = skew !== undefined ? parseSkew(skew) : 60;
  if (profile !== undefined) opts.profile = parseProfile(profile);
  const clientId = last(p, '--client-id'), issuer = last(p, '--issuer'), te = last(p, '--token-endpoint');
  if (clientId !== undefined) opts.clientId = clientId;
  if (issuer !== undefined) opts.issuer = parseUrl('--issuer', issuer);
  if (te !== undefined) opts.tokenEndpoint = parseUrl('--token-endpoint', te);
  const disable = p.options.get('--disable');
  if (disable) opts.disabledRules = parseDisable(disable);
  return opts;
}

/** Runs the inspect command; returns the exit status (UsageError propagates to the caller). */
export async function inspectCommand(argv: string[], io: CliIO, help: string): Promise<number> {
  const p = parseArgv(argv, SPEC, { '-h': '--help' });
  if (p.options.has('--help')) return io.stdout(help), 0;
  if (p.options.has('--version')) return io.stdout(`ftn-inspect ${io.version}\n`), 0;
  const format = parseFormat(last(p, '--format'));
  const options = analyzeOptions(p);
  options.now ??= Math.floor(Date.now() / 1000);
  if (!p.positional.length) throw new UsageError('no input: give a FILE, a TOKEN or - for stdin (see ftn-inspect --help)');
  let passphrase: string | undefined;
  const envName = last(p, '--passphrase-env');
  if (envName !== undefined) {
    passphrase = io.env[envName];
    if (passphrase === undefined) throw new UsageError(`--passphrase-env: environment variable "${envName}" is not set`);
  }
  options.keys = await loadKeys(p.options.get('--key') ?? [], p.options.get('--jwks') ?? [], passphrase);
  const inputs = await readInputs(p.positional, io.readStdin);
  const reports: Report[] = [];
  for (const input of inputs) reports.push(await analyzeInput(input, options));
  const report = mergeReports(reports);
  if (format === 'json') io.stdout(jsonSafe(JSON.stringify(report, null, 2)) + '\n');
  else if (format === 'sarif') io.stdout(jsonSafe(JSON.stringify(renderSarif(reports, { version: io.version, packageRoot: io.packageRoot }), null, 2)) + '\n');
  else {
    const color = useColor(io.isTTY, io.env);
    io.stdout(reports.map((r) => renderText(r, { color, now: options.now! })).join('\n'));
    if (reports.length > 1) io.stdout(`total: ${summaryLine(report)}\n`);
  }
  return report.summary.errors > 0 ? 1 : 0;
}
