/**
 * HAR files too big to hold as one string: the file is read as a stream of chunks (node:fs), split into
 * entries by the core's readHarStream, and every entry is analysed and dropped before the next one is
 * read, so memory is bounded by the largest entry plus the report, not by the file.
 */
import { createReadStream, promises as fs } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { analyzeHarEntries } from '../core/har/har.analyze';
import { readHarStream, type HarChunk, type StreamReadEntry } from '../core/har/har.stream';
import type { ReadSink } from '../core/har/har.read';
import type { ReadEntry } from '../core/har/har.types';
import type { AnalyzeOptions, Report } from '../core/types';
import { LineCounter } from '../core/util/position';

/** Files at least this big are analysed by streaming rather than read whole (256 MiB). */
export const STREAM_THRESHOLD = 256 * 1024 * 1024;

/** Bytes read per chunk. */
const CHUNK_BYTES = 1 << 20;

/**
 * The file's chunks as UTF-8 text (a BOM is kept, as fs.readFile keeps it) with the byte length of each.
 * StringDecoder (Buffer#toString) gives flat one-byte strings for ASCII text, which native indexOf
 * searches about twice as fast as TextDecoder's output.
 */
export async function* fileChunks(file: string, chunkBytes = CHUNK_BYTES): AsyncGenerator<HarChunk> {
  const decoder = new StringDecoder('utf8');
  for await (const buf of createReadStream(file, { highWaterMark: chunkBytes })) {
    const text = decoder.write(buf as Buffer);
    // The bytes of the decoded text (as analyzeHar counts them on a whole string), not of the buffer.
    yield { text, bytes: Buffer.byteLength(text) };
  }
  const rest = decoder.end();
  if (rest) yield { text: rest, bytes: Buffer.byteLength(rest) };
}

/** Where a token found in a streamed entry stands in the whole file (first occurrence in the entry, as analyzeHar does). */
function locator(): (re: ReadEntry, raw: string) => { line: number; column: number; offset: number; length: number } {
  let last: { entry: StreamReadEntry; lines: LineCounter } | undefined;
  return (re, raw) => {
    const e = re as StreamReadEntry;
    if (last?.entry !== e) last = { entry: e, lines: new LineCounter(e.text) };
    const at = e.text.indexOf(raw);
    if (at === -1) return { line: e.line, column: e.column, offset: e.start, length: 0 };
    const p = last.lines.at(at);
    return { line: e.line + p.line - 1, column: p.line === 1 ? e.column + p.column - 1 : p.column, offset: e.start + at, length: raw.length };
  };
}

/** Analyses HAR text arriving in chunks (any source); the report equals analyzeHar's on the whole text. */
export async function analyzeHarChunks(chunks: AsyncIterable<HarChunk> | Iterable<HarChunk>, options?: AnalyzeOptions): Promise<Report> {
  const read: ReadSink = { notes: [], findings: [] };

  
  return analyzeHarEntries({ entries: readHarStream(chunks, read), read, locate: locator(), detach: true }, options);
}

/**
 * Analyses the HAR file at `path` by streaming it (bounded memory: a 1 GB file never becomes one string).
 * Throws HarReadError when nothing in it is readable; a read failure is the fs error.
 */
export async function analyzeHarFile(path: string, options?: AnalyzeOptions): Promise<Report> {
  return analyzeHarChunks(fileChunks(path), options);
}

/** True when the file starts like a HAR (`{"log": {`), judged from its first 64 KiB only. */
export async function looksLikeHarFile(path: string): Promise<boolean> {
  const fh = await fs.open(path, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytesRead).toString('utf8').replace(/^\ufeff/, '');
    return /^\s*\{\s*"log"\s*:\s*\{/.test(head);
  } finally {
    await fh.close();
  }
}
