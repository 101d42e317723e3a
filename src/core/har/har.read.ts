/**
 * Reading HAR 1.2 text as real tools write it (Chrome, Firefox, Safari, mitmproxy, Charles, Fiddler):
 * BOM, vendor `_` fields, missing optional members, truncated files. Entries are found by a linear
 * scanner and parsed one at a time, so the per-entry work never needs the whole parsed tree and the
 * complete entries before any damage are still analysed.
 */
import type { Entry } from 'har-format';
import { HarReadError } from '../errors';
import type { Finding } from '../types';
import { byteOffset, jsonErrorOffset, scanHarEntries } from './har.json-scan';
import type { HarReadResult, ReadEntry } from './har.types';

/** A HAR-READ finding (problems reading the trace that did not stop the analysis). */
export function harReadFinding(message: string, severity: Finding['severity'] = 'warning'): Finding {
  return { rule: 'HAR-READ', severity, message, reason: 'invalid', source: 'HAR 1.2' };
}

/** Why an entry object cannot be analysed, or undefined when it can. */
export function entryProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'is not an object';
  const e = value as Partial<Entry>;
  if (typeof e.request !== 'object' || e.request === null) return 'has no "request" object';
  if (typeof e.request.url !== 'string') return 'has no "request.url" string';
  if (typeof e.request.method !== 'string') return 'has no "request.method" string';
  return undefined;
}

/** Explains why text with no `log.entries` array is not a HAR; throws the matching HarReadError. */
function notAHar(text: string, start: number): never {
  let value: unknown;
  try {
    value = JSON.parse(text.slice(start));
  } catch (err) {
    const msg = (err as Error).message;
    const at = jsonErrorOffset(msg, text.slice(start));
    const offset = at === undefined ? undefined : byteOffset(text, start + at) ;
    const where = offset === undefined ? '' : ` at byte offset ${offset}`;
    throw new HarReadError(`not a HAR: the text is not JSON${where} (${msg})`, { offset }, { cause: err });
  }
  const log = (value as { log?: unknown } | null)?.log;
  if (typeof log !== 'object' || log === null) throw new HarReadError('not a HAR: missing "log" object', {});
  throw new HarReadError('not a HAR: missing "log.entries" array', {});
}

/** Where the reader reports damage that does not stop it. */
export interface ReadSink {
  notes: string[];
  findings: Finding[];
}

/**
 * Parses the entries of a HAR one at a time, lazily: only the entry being yielded is a parsed object,
 * so per-entry processing never needs the whole tree. Damage goes to `sink` as notes and HAR-READ
 * findings. Throws HarReadError only when nothing is readable (not JSON, not a HAR, damaged before
 * the first complete entry).
 */
export function* iterateHarEntries(text: string, sink: ReadSink): Generator<ReadEntry> {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const scan = scanHarEntries(text, start);
  if (!scan.foundEntries) notAHar(text, start);
  const problem = (message: string, severity: Finding['severity'] = 'warning') => {
    sink.notes.push(message);
    sink.findings.push(harReadFinding(message, severity));
  };
  for (const index of scan.nonObjects) problem(`entry ${index} is not an object: skipped`);
  let read = 0;
  for (const slice of scan.slices) {
    let value: unknown;
    try {
      value = JSON.parse(text.slice(slice.start, slice.end));
    } catch (err) {
      const at = jsonErrorOffset((err as Error).message, text.slice(slice.start, slice.end)) ?? 0;
      problem(`entry ${slice.index} is not valid JSON at byte offset ${byteOffset(text, slice.start + at)}: skipped`, 'error');
      continue;
    }
    const why = entryProblem(value);
    if (why) { problem(`entry ${slice.index} ${why}: skipped`); continue; }
    read++;
    yield { index: slice.index, entry: value as Entry, start: slice.start, end: slice.end };
  }
  if (scan.truncated) truncation(text, scan.truncated, read, problem);
}

/** Reads every entry of a HAR at once (see iterateHarEntries for the lazy form and the errors). */
export function readHarEntries(text: string): HarReadResult {
  const sink: ReadSink = { notes: [], findings: [] };
  const entries = [...iterateHarEntries(text, sink)];
  return { entries, ...sink };
}

function truncation(
  text: string, t: { offset: number; entry?: number }, read: number,
  problem: (m: string, s?: Finding['severity']) => void,
): void {
  const offset = byteOffset(text, t.offset);
  const cut = t.entry === undefined ? 'after the last complete entry' : `inside entry ${t.entry}`;
  const message = `har is truncated at byte offset ${offset} (end of input ${cut}); ` +
    `${read} complete ${read === 1 ? 'entry was' : 'entries were'} analysed`;
  if (read === 0) throw new HarReadError(message.replace(/; .*$/, '; no complete entry'), { offset, entry: t.entry });
  problem(message, 'error');
}
