/**
 * An incremental HAR splitter: text arrives in chunks (of any size, split anywhere — inside strings,
 * escapes, keys or `\r\n`), and every complete element of `log.entries` comes out as its own JSON text
 * with its place in the whole stream, plus the other members of `log` as JSON texts. One linear pass,
 * bracket- and string-aware; only the entry being read is held, never the whole file. readHarStream
 * parses the entries as they come, with the notes and errors of the whole-text reader (har.read.ts).
 */
import type { Entry } from 'har-format';
import { HarReadError } from '../errors';
import type { Finding } from '../types';
import { byteOffset, jsonErrorOffset } from './har.json-scan';
import { entryProblem, harReadFinding, type ReadSink } from './har.read';
import type { ReadEntry } from './har.types';

/** One element of `log.entries`: its JSON text and where it starts in the whole stream. */
export interface StreamedEntry {
  /** 0-based index in `log.entries`. */
  index: number;
  /** The element's JSON text. */
  text: string;
  /** UTF-16 offset of its `{` in the whole stream (a BOM counts as one character). */
  offset: number;
  /** 1-based line and column of its `{`. */
  line: number;
  column: number;
  /** UTF-8 byte offset of its `{` (for messages that name byte offsets, as the whole-text reader does). */
  byteOffset: number;
}

/** What the splitter saw besides the entries. */
export interface HarSplitSummary {
  /** false when no `log.entries` array was found. */
  foundEntries: boolean;
  /** Elements of `log.entries` read (objects and non-objects). */
  count: number;
  /** Indexes of `log.entries` elements that are not objects. */
  nonObjects: number[];
  /** Members of `log` other than `entries`, as trimmed JSON text (`version` → `"1.2"`). */
  fields: Record<string, string>;
  /** Set when the stream ends inside `log.entries`: its length and the entry cut off (if any). */
  truncated?: { offset: number; entry?: number };
  /** Entries and fields dropped because they exceed the size limits. */
  notes: string[];
  /** UTF-8 bytes read in all. */
  bytes: number;
}

/** Size limits of the splitter, in characters. */
export interface HarSplitOptions {
  /** Longest entry kept; longer ones are skipped with a note. Default 256 Mi (under V8's string limit). */
  maxEntryChars?: number;
  /** Longest `log` member kept (pages, creator, comment); default 1 Mi. */
  maxFieldChars?: number;
}

const QUOTE = 34, BACKSLASH = 92, LBRACE = 123, RBRACE = 125, LBRACKET = 91, RBRACKET = 93, COLON = 58, COMMA = 44;

/** True for JSON whitespace (and a BOM, which may lead the text). */
function isBlank(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff;
}

/** Streaming line/column counter with the rules of util/position.ts (`\r\n`, `\n`, lone `\r`). */
class StreamLines {
  line = 1;
  /** Offset (in the whole stream) where the current line starts. */
  lineStart = 0;
  private pos = 0;
  private lastCr = false;
  private nextLf = -1;
  private nextCr = -1;

  /** A new chunk starts: forget the cached break positions. */
  reset(): void {
    this.nextLf = this.nextCr = -1;
  }

  /** Counts the breaks in chunk[.., to), where `base` is the chunk's offset in the stream. */
  advance(chunk: string, base: number, to: number): void {
    let i = this.pos - base;
    while (i < to) {
      if (this.nextLf < i) this.nextLf = indexOr(chunk, '\n', i, chunk.length);
      if (this.nextCr < i) this.nextCr = indexOr(chunk, '\r', i, chunk.length);
      const b = Math.min(this.nextLf, this.nextCr);
      if (b >= to) break;
      const lf = b === this.nextLf;
      // "\r\n" is one break, even when a chunk ends between the two.
      if (!(lf && this.lastCr && b === this.pos - base)) this.line++;
      this.lastCr = !lf;
      this.lineStart = this.pos = base + b + 1;
      i = b + 1;
    }
    if (this.pos < base + to) {
      this.lastCr = false;
      this.pos = base + to;
    }
  }
}

/** Splits HAR text fed in chunks; see the module doc. */
export class HarSplitter {
  private readonly maxEntry: number;
  private readonly maxField: number;
  private readonly lines = new StreamLines();
  /** Offset of the next chunk in the stream. */
  private base = 0;
  /** Nesting depth (1 = the root object, 2 = `log`, 3 = `log.entries`, 4+ = inside an entry). */
  private depth = 0;
  private inString = false;
  private escapePending = false;
  /** Per depth 1..2: the key of the member being read, and whether a key is expected. */
  private readonly keys: (string | undefined)[] = [];
  private readonly expectKey: boolean[] = [];
  private logDepth = false;
  /** The key string being read (it may span chunks), from `keyFrom` in the current chunk. */
  private keyBuf: string | null = null;
  private keyFrom = 0;
  private pendingKey: string | undefined;
  private entriesOpen = false;
  private entriesDone = false;
  private elementOpen = false;
  /** The entry or log field being captured. */
  private cap: { kind: 'entry' | 'field'; name: string; parts: string[]; size: number; offset: number; line: number; column: number; byteOffset: number; dropped: boolean } | null = null;
  private capFrom = 0;
  /** Index of the next backslash and the next quote in the current chunk (cached: each chunk is searched once). */
  private bsAt = -1;
  private qAt = -1;
  /** UTF-8 bytes before the current chunk; the byte count of its prefix [0, byteAt) is byteCount. */
  private byteBase = 0;
  private byteAt = 0;
  private byteCount = 0;
  /** The current chunk is all ASCII (its byte length equals its length). */
  private ascii = false;
  private readonly out: HarSplitSummary = { foundEntries: false, count: 0, nonObjects: [], fields: {}, notes: [], bytes: 0 };

  /** Creates a splitter; see HarSplitOptions for the limits. */
  constructor(options: HarSplitOptions = {}) {
    this.maxEntry = options.maxEntryChars ?? 256 * 1024 * 1024;
    this.maxField = options.maxFieldChars ?? 1024 * 1024;
  }

  /** Feeds the next chunk (`bytes`: its UTF-8 length, when the caller knows it); returns the entries completed in it, in order. */
  push(chunk: string, bytes?: number): StreamedEntry[] {
    const done: StreamedEntry[] = [];
    this.capFrom = 0;
    this.byteAt = 0;
    this.byteCount = 0;
    this.bsAt = this.qAt = -1;
    this.ascii = bytes === chunk.length;
    this.lines.reset();
    let i = 0;
    if (this.inString) i = this.skipString(chunk, 0);
    const n = chunk.length;
    while (i < n) {
      const c = chunk.charCodeAt(i);
      if (c === QUOTE) {
        this.stringStart(chunk, i);
        i = this.skipString(chunk, i + 1);
      } else if (this.depth > 3 || (this.depth === 3 && !this.entriesOpen)) {
        if (c === LBRACE || c === LBRACKET) this.depth++;
        else if (c === RBRACE || c === RBRACKET) this.close(chunk, i, done);
        i++;
      } else {
        this.structural(chunk, i, c, done);
        i++;
      }
    }
    if (this.cap && !this.cap.dropped) this.keep(chunk.slice(this.capFrom));
    if (this.keyBuf !== null && this.inString && this.keyBuf.length <= 80) this.keyBuf += chunk.slice(this.keyFrom, this.keyFrom + 81);
    this.keyFrom = 0;
    this.lines.advance(chunk, this.base, n);
    this.byteBase += bytes ?? this.bytesTo(chunk, n);
    this.base += n;
    return done;
  }

  /** UTF-8 bytes of chunk[0, i), counted on from the last call (calls come in ascending order per chunk). */
  private bytesTo(chunk: string, i: number): number {
    if (this.ascii) return i; // as many bytes as characters: the chunk is all ASCII
    let k = this.byteAt, b = this.byteCount;
    for (; k < i; k++) {
      const c = chunk.charCodeAt(k);
      // A surrogate pair is 4 bytes: 2 per half, so a pair split between chunks still counts 4.
      b += c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 2 : 3;
    }
    this.byteAt = k;
    this.byteCount = b;
    return b;
  }

  /** Ends the stream; returns what was seen besides the entries. */
  end(): HarSplitSummary {
    if (this.entriesOpen && !this.entriesDone) {
      this.out.truncated = { offset: this.base, entry: this.cap?.kind === 'entry' ? this.out.count : undefined };
    }
    this.cap = null;
    this.out.bytes = this.byteBase;
    return this.out;
  }

  /** A string starts at `i`: remember it when it is a key of the root or of `log`. */
  private stringStart(chunk: string, i: number): void {
    if (this.depth >= 1 && this.depth <= 2 && this.expectKey[this.depth]) {
      this.keyBuf = '';
      this.keyFrom = i + 1;
    } else if (this.depth === 3 && this.entriesOpen) this.element(chunk, i, QUOTE);
  }

  /** Skips string content from `i` (just after the opening quote); returns the index after its closing quote, or n. */
  private skipString(chunk: string, i: number): number {
    const n = chunk.length;
    if (this.escapePending) { this.escapePending = false; i++; }
    this.inString = true;
    for (;;) {
      // Both positions are cached per chunk, so a string dense with escapes is still searched once.
      if (this.qAt < i) this.qAt = indexOr(chunk, '"', i, n);
      if (this.bsAt < i) this.bsAt = indexOr(chunk, '\\', i, n);
      const q = this.qAt;
      if (this.bsAt < q) {
        if (this.bsAt + 1 >= n) { this.escapePending = true; return n; }
        i = this.bsAt + 2;
        continue;
      }
      if (q === n) return n;
      this.inString = false;
      if (this.keyBuf !== null) {
        const key = this.keyBuf + chunk.slice(this.keyFrom, Math.min(q, this.keyFrom + 81));
        this.keyBuf = null;
        this.pendingKey = key.length <= 80 ? key : undefined;
      }
      return q + 1;
    }
  }

  /** Brackets, colons and commas outside entries (depth 0..3). */
  private structural(chunk: string, i: number, c: number, done: StreamedEntry[]): void {
    const d = this.depth;
    if (d === 3 && c !== RBRACKET) { if (!isBlank(c)) this.element(chunk, i, c); return; } // in log.entries
    if (c === LBRACE || c === LBRACKET) {
      if (d === 2 && this.logDepth && c === LBRACKET && this.keys[2] === 'entries' && !this.out.foundEntries) {
        this.out.foundEntries = true;
        this.entriesOpen = true;
        this.depth = 3;
        return;
      }
      this.depth++;
      if (this.depth <= 2) {
        this.logDepth = this.depth === 2 ? c === LBRACE && this.keys[1] === 'log' : this.logDepth;
        this.expectKey[this.depth] = c === LBRACE;
        this.keys[this.depth] = undefined;
      }
    } else if (c === RBRACE || c === RBRACKET) {
      if (d === 2 && this.logDepth) this.fieldEnd(chunk, i);
      if (d === 3) { this.entriesDone = true; this.entriesOpen = false; }
      this.close(chunk, i, done);
    } else if (c === COLON && d >= 1 && d <= 2) {
      this.keys[d] = this.pendingKey;
      this.expectKey[d] = false;
      if (d === 2 && this.logDepth && this.pendingKey !== 'entries') this.capture('field', this.pendingKey ?? '', chunk, i + 1);
    } else if (c === COMMA && d >= 1 && d <= 2) {
      if (d === 2 && this.logDepth) this.fieldEnd(chunk, i);
      this.expectKey[d] = true;
    }
  }

  /** A value starts at depth 3 (an element of `log.entries`). */
  private element(chunk: string, i: number, c: number): void {
    if (c === COMMA) { this.elementOpen = false; return; }
    if (this.elementOpen) return;
    this.elementOpen = true;
    if (c === LBRACE) {
      this.lines.advance(chunk, this.base, i);
      this.capture('entry', '', chunk, i);
      this.depth = 4;
    } else {
      this.out.nonObjects.push(this.out.count++);
      if (c === LBRACKET) this.depth = 4;
    }
  }

  /** Starts capturing text at chunk[i]. */
  private capture(kind: 'entry' | 'field', name: string, chunk: string, i: number): void {
    const byteOffset = kind === 'entry' ? this.byteBase + this.bytesTo(chunk, i) : 0;
    this.cap = { kind, name, parts: [], size: 0, offset: this.base + i, line: this.lines.line, column: this.base + i - this.lines.lineStart + 1, byteOffset, dropped: false };
    this.capFrom = i;
  }

  /** Keeps a piece of the captured text, or drops the capture when it grows over its limit. */
  private keep(piece: string): void {
    const cap = this.cap!;
    cap.size += piece.length;
    const max = cap.kind === 'entry' ? this.maxEntry : this.maxField;
    if (cap.size > max) {
      cap.dropped = true;
      cap.parts = [];
      const what = cap.kind === 'entry' ? `entry ${this.out.count}` : `log field "${cap.name}"`;
      this.out.notes.push(`${what} is larger than ${max} characters: skipped`);
    } else if (piece.length) cap.parts.push(piece);
  }

  /** The captured text up to chunk[end) (exclusive), or null when it was dropped. */
  private finish(chunk: string, end: number): string | null {
    const cap = this.cap!;
    if (!cap.dropped) this.keep(chunk.slice(this.capFrom, end));
    this.cap = null;
    return cap.dropped ? null : cap.parts.length === 1 ? cap.parts[0] : cap.parts.join('');
  }

  /** A `,` or `}` of the `log` object ends the field being captured. */
  private fieldEnd(chunk: string, i: number): void {
    if (this.cap?.kind !== 'field') return;
    const name = this.cap.name;
    const text = this.finish(chunk, i);
    if (text !== null && name !== '__proto__' && !Object.hasOwn(this.out.fields, name)) this.out.fields[name] = text.trim();
  }

  /** A closing bracket at chunk[i]. */
  private close(chunk: string, i: number, done: StreamedEntry[]): void {
    this.depth--;
    if (this.depth === 3 && this.cap?.kind === 'entry') {
      const { offset, line, column, byteOffset } = this.cap;
      const text = this.finish(chunk, i + 1);
      const index = this.out.count++;
      if (text !== null) done.push({ index, text, offset, line, column, byteOffset });
    }
  }
}

/** Index of `ch` in `s` from `from`, or `n`. */
function indexOr(s: string, ch: string, from: number, n: number): number {
  const k = s.indexOf(ch, from);
  return k === -1 ? n : k;
}

/** Splits a stream of HAR text chunks; yields each entry, returns the summary. */
export async function* splitHar(chunks: AsyncIterable<string> | Iterable<string>, options?: HarSplitOptions): AsyncGenerator<StreamedEntry, HarSplitSummary> {
  const splitter = new HarSplitter(options);
  for await (const chunk of chunks) yield* splitter.push(chunk);
  return splitter.end();
}

/** A chunk of HAR text, with its UTF-8 length when the reader knows it (saves counting). */
export type HarChunk = string | { text: string; bytes: number };

/** A streamed entry, read: the parsed entry plus its text and where it starts in the whole input. */
export interface StreamReadEntry extends ReadEntry {
  text: string;
  line: number;
  column: number;
}

/**
 * Reads a HAR from a stream of chunks, one parsed entry at a time, with the notes, HAR-READ findings and
 * errors of readHarEntries (entries that are not objects or not JSON are skipped; a truncated stream keeps
 * its complete entries). Throws HarReadError at the end when the stream holds no `log.entries` or no
 * complete entry. The sink is complete once the iteration has ended.
 */
export async function* readHarStream(chunks: AsyncIterable<HarChunk> | Iterable<HarChunk>, sink: ReadSink, options?: HarSplitOptions): AsyncGenerator<StreamReadEntry> {
  const splitter = new HarSplitter(options);
  const problems: ReadSink = { notes: [], findings: [] };
  const problem = (message: string, severity: Finding['severity'] = 'warning') => {
    problems.notes.push(message);
    problems.findings.push(harReadFinding(message, severity));
  };
  let read = 0;
  for await (const chunk of chunks) {
    const done = typeof chunk === 'string' ? splitter.push(chunk) : splitter.push(chunk.text, chunk.bytes);
    for (const e of done) {
      let value: unknown;
      try {
        value = JSON.parse(e.text);
      } catch (err) {
        const at = jsonErrorOffset((err as Error).message, e.text) ?? 0;
        problem(`entry ${e.index} is not valid JSON at byte offset ${e.byteOffset + byteOffset(e.text, at)}: skipped`, 'error');
        continue;
      }
      const why = entryProblem(value);
      if (why) { problem(`entry ${e.index} ${why}: skipped`); continue; }
      read++;
      yield { index: e.index, entry: value as Entry, start: e.offset, end: e.offset + e.text.length, text: e.text, line: e.line, column: e.column };
    }
  }
  const summary = splitter.end();
  if (!summary.foundEntries) throw new HarReadError('not a HAR: missing "log.entries" array', {});
  for (const index of summary.nonObjects) { sink.notes.push(`entry ${index} is not an object: skipped`); sink.findings.push(harReadFinding(`entry ${index} is not an object: skipped`)); }
  sink.notes.push(...problems.notes, ...summary.notes);
  sink.findings.push(...problems.findings, ...summary.notes.map((n) => harReadFinding(n)));
  const t = summary.truncated;
  if (t) {
    const cut = t.entry === undefined ? 'after the last complete entry' : `inside entry ${t.entry}`;
    const message = `har is truncated at byte offset ${summary.bytes} (end of input ${cut}); `;
    if (read === 0) throw new HarReadError(`${message}no complete entry`, { offset: summary.bytes, entry: t.entry });
    sink.notes.push(`${message}${read} complete ${read === 1 ? 'entry was' : 'entries were'} analysed`);
    sink.findings.push(harReadFinding(sink.notes[sink.notes.length - 1], 'error'));
  }
}
