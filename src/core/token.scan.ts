/**
 * Finds JWS/JWE tokens in any text in linear time (no backtracking regex): native indexOf jumps to
 * each '.' or '%', the maximal run around it (base64url characters, dots, and percent escapes of
 * those) is split into segments and kept only when the first segment decodes to a JSON header with a
 * string "alg" (and "enc" for a JWE). The parameter, key, header or cookie name comes from a bounded
 * look-back. JSON-serialised tokens are found by a structural pass near `"payload"`/`"ciphertext"`.
 */
import { DEFAULT_LIMITS } from './limits';
import type { FoundToken, TokenContext } from './types';
import { decodeHeaderSegment, decodeToken } from './token.decode';
import { isDecodeFailure } from './token.types';
import { findJsonObjectSpans } from './util/json';
import { LineCounter } from './util/position';

/** Work done by one scan, for tests that prove linear time by counting rather than timing. */
export interface ScanCounter {
  /** Characters examined: main pass, JSON pass, look-back windows and decoded header segments. */
  chars: number;
  /** Header segments decoded. */
  headerChecks: number;
}

/** Options of scanText. */
export interface ScanOptions {
  /** Longest token accepted, in (decoded) characters; default from limits.ts. */
  maxTokenLength?: number;
}

/** 1 for base64url characters, 2 for the dot. */
const RUN = /* @__PURE__ */ (() => {
  const t = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    const ch = String.fromCharCode(c);
    if (/[A-Za-z0-9_-]/.test(ch)) t[c] = 1;
  }
  t[0x2e] = 2;
  return t;
})();

/** Value of a hex digit char code, or -1. */
function hex(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** True when `%XX` at `i` is a well-formed percent escape. */
function isEscape(text: string, i: number): boolean {
  return i + 2 < text.length && hex(text.charCodeAt(i + 1)) >= 0 && hex(text.charCodeAt(i + 2)) >= 0;
}

/** The char code `%XX` at `i` stands for, when it is a run character; else -1. */
function percentRunChar(text: string, i: number): number {
  if (i + 2 >= text.length) return -1;
  const h = hex(text.charCodeAt(i + 1));
  const l = hex(text.charCodeAt(i + 2));
  if (h < 0 || l < 0) return -1;
  const c = h * 16 + l;
  return c < 128 && RUN[c] ? c : -1;
}

/** A run decoded: its text, and for each decoded index the offset in the scanned text (length+1 entries). */
interface Run {
  text: string;
  offsets: number[] | null;
  start: number;
}

/** Decodes a run holding `%XX` escapes, keeping the offset of every decoded character. */
function decodeRun(text: string, start: number, end: number): Run {
  let out = '';
  const offsets: number[] = [];
  for (let i = start; i < end; ) {
    offsets.push(i);
    if (text.charCodeAt(i) === 0x25) {
      out += String.fromCharCode(percentRunChar(text, i));
      i += 3;
    } else {
      out += text[i];
      i++;
    }
  }
  offsets.push(end);
  return { text: out, offsets, start };
}

/** Offset in the scanned text of index `k` of the run. */
function runOffset(run: Run, k: number): number {
  return run.offsets ? run.offsets[k] : run.start + k;
}

/** Number of dot-separated segments in `s`. */
function segmentCount(s: string): number {
  let n = 1;
  for (let i = s.indexOf('.'); i >= 0; i = s.indexOf('.', i + 1)) n++;
  return n;
}

/** Format of a compact candidate when its header qualifies, else null. */
function compactFormat(candidate: string, counter: ScanCounter): 'JWS' | 'JWE' | null {
  // '{' encodes to a leading 'e': a cheap filter before counting or decoding anything.
  if (candidate.charCodeAt(0) !== 0x65) return null;
  const segments = segmentCount(candidate);
  if (segments !== 3 && segments !== 5) return null;
  const first = candidate.slice(0, candidate.indexOf('.'));
  counter.headerChecks++;
  counter.chars += first.length;
  const h = decodeHeaderSegment(first);
  if (!('header' in h) || typeof h.header.alg !== 'string') return null;
  if (segments === 5) return typeof h.header.enc === 'string' ? 'JWE' : null;
  return 'JWS';
}

/** Checks one maximal run; returns the compact token in it, if any, as [format, startIndex, endIndex]. */
function checkRun(run: Run, counter: ScanCounter): ['JWS' | 'JWE', number, number] | null {
  const s = run.text;
  let a = 0;
  while (a < s.length && s.charCodeAt(a) === 0x2e) a++; // leading dots: an ellipsis, not a header
  let b = s.length;
  for (let attempt = 0; attempt < 2 && b > a; attempt++) {
    const format = compactFormat(s.slice(a, b), counter);
    if (format) return [format, a, b];
    // A sentence-ending dot right after the token: "…sig." or the unsecured "…payload.." .
    if (s.charCodeAt(b - 1) !== 0x2e) break;
    b--;
  }
  return null;
}

/** How far back the context name is looked for, in characters. */
const LOOK_BACK = 1024;
/** Longest parameter, key, header or cookie name recognised. */
const MAX_NAME = 128;

/** Replaces every `%XX` with the character it stands for (bytes as Latin-1; enough for names and delimiters). */
function percentDecodeLoose(s: string): string {
  let out = '';
  let from = 0;
  for (let i = s.indexOf('%'); i >= 0 && i + 2 < s.length; i = s.indexOf('%', i + 1)) {
    const h = hex(s.charCodeAt(i + 1));
    const l = hex(s.charCodeAt(i + 2));
    if (h < 0 || l < 0) continue;
    out += s.slice(from, i) + String.fromCharCode(h * 16 + l);
    from = i + 3;
    i += 2;
  }
  return out + s.slice(from);
}

/** Index of the last non-blank (space/tab) character at or before `k`. */
function skipBlankBack(w: string, k: number): number {
  while (k >= 0 && (w[k] === ' ' || w[k] === '\t')) k--;
  return k;
}

/** Start index of the name ending at `end` (inclusive), made of characters `ok` accepts; bounded. */
function nameStart(w: string, end: number, ok: (ch: string) => boolean): number {
  let k = end;
  while (k >= 0 && end - k < MAX_NAME && ok(w[k])) k--;
  return k + 1;
}

const isWordChar = (ch: string): boolean => /[A-Za-z0-9_.-]/.test(ch);
const isParamChar = (ch: string): boolean => !/[\s&?#;=,"'<>{}[\]\\/:]/.test(ch);

/** The line holding index `k`, from its start up to `k`. */
function lineUpTo(w: string, k: number): string {
  return w.slice(Math.max(w.lastIndexOf('\n', k), w.lastIndexOf('\r', k)) + 1, k + 1);
}

/** Where a name found by nameStart really starts: after a JSON escape (`\nid_token=` in a HAR body). */
function afterEscape(w: string, start: number, end: number): number {
  return start > 0 && w[start - 1] === '\\' && start < end && /[nrt]/.test(w[start]) ? start + 1 : start;
}

/**
 * Context of the previous token when the look-back window was cut at its end (so that the look-backs
 * of many tokens never add up to more than the text): `a?x=T1&y=T2` still makes T2 a query parameter.
 * Scratch state; scanning is synchronous.
 */
let carried: TokenContext | null = null;

/** Context of a token that follows `name=`: query, fragment, cookie or form parameter. */
function paramContext(w: string, eq: number): TokenContext {
  const start = afterEscape(w, nameStart(w, eq - 1, isParamChar), eq);
  const name = w.slice(start, eq);
  if (name === '') return { container: 'text' };
  const line = lineUpTo(w, start);
  const lineStartSeen = line.length <= start; // the line's start is inside the window
  if (/^\s*(set-)?cookie\s*:/i.test(line) || (!lineStartSeen && carried?.container === 'cookie')) return { container: 'cookie', name };
  let k = start - 1;
  for (; k >= 0; k--) {
    const ch = w[k];
    if (ch === '?') return { container: 'query', name };
    if (ch === '#') return { container: 'fragment', name };
    if (ch !== '&' && !isParamChar(ch) && ch !== '=' && ch !== '/' && ch !== ':' && ch !== ',' && ch !== ';') break;
  }
  if (k < 0 && (carried?.container === 'query' || carried?.container === 'fragment')) return { container: carried.container, name };
  return { container: 'form', name };
}

/** The JSON key whose closing quote is at `q` (`"key"`, or `\"key\"` in escaped JSON), or null. */
function jsonKeyBefore(w: string, q: number): string | null {
  if (w[q] !== '"') return null;
  const escaped = w[q - 1] === '\\';
  const end = escaped ? q - 1 : q;
  for (let k = end - 1; k >= 0 && end - k <= MAX_NAME + 1; k--) {
    if (w[k] === '\n') return null;
    if (w[k] === '"' && (escaped ? w[k - 1] === '\\' : w[k - 1] !== '\\')) {
      const raw = w.slice(k + 1, end);
      try {
        return JSON.parse(`"${raw}"`) as string;
      } catch {
        return raw;
      }
    }
  }
  return null;
}

/** Context of a token right after an opening quote at `q`: a JSON value, an HTML form field, an assignment.
 *  `after` is the text right after the token (for `value="…" name="…"` in that order). */
function quotedContext(w: string, q: number, after = ''): TokenContext {
  let k = q - 1;
  if (w[k] === '\\') k--; // escaped JSON: \"id_token\":\"eyJ…
  k = skipBlankBack(w, k);
  if (w[k] === '[') k = skipBlankBack(w, k - 1);
  if (w[k] === ':') {
    const name = jsonKeyBefore(w, skipBlankBack(w, k - 1));
    return name === null ? { container: 'text' } : { container: 'json', name };
  }
  if (w[k] === '=') {
    const attrStart = nameStart(w, k - 1, isWordChar);
    if (w.slice(attrStart, k).toLowerCase() === 'value') {
      // <input type="hidden" name="id_token" value="eyJ…"> (response_mode=form_post)
      const tag = w.slice(w.lastIndexOf('<', attrStart) + 1, attrStart) + ' ' + after.slice(0, Math.max(0, after.indexOf('>')));
      const m = /(?:^|\s)name\s*=\s*["']?([^"'\s>]{1,128})/i.exec(tag);
      return m ? { container: 'form', name: m[1] } : { container: 'form' };
    }
    return paramContext(w, k);
  }
  return { container: 'text' };
}

/** Context of a token after `Name:` (optionally blanks): a JSON key, `Authorization: Bearer`, or a header. */
function colonContext(w: string, colon: number): TokenContext {
  const k = skipBlankBack(w, colon - 1);
  const key = jsonKeyBefore(w, k);
  if (key !== null) return { container: 'json', name: key };
  const raw = nameStart(w, k, isWordChar);
  const start = afterEscape(w, raw, k + 1);
  // A header name stands at the start of its line (indentation allowed: YAML, folded logs).
  if (start > k) return { container: 'text' };
  const before = start === 0 || start !== raw ? '' : lineUpTo(w, start - 1);
  // Mid-line `name: value` (a log line) still names the token, for classification.
  return { container: /^[ \t]*$/.test(before) ? 'header' : 'text', name: w.slice(start, k + 1) };
}

/** Context of a token after blanks: `Bearer`/`DPoP` scheme, `Name: `, or plain text. */
function blankContext(w: string): TokenContext {
  const k = skipBlankBack(w, w.length - 1);
  if (w[k] === ':') return colonContext(w, k);
  const start = nameStart(w, k, isWordChar);
  const word = w.slice(start, k + 1).toLowerCase();
  if (word !== 'bearer' && word !== 'dpop') return { container: 'text' };
  const c = skipBlankBack(w, start - 1);
  // `Authorization: Bearer …` in a header block, or `"Authorization": "Bearer …"` in JSON.
  const holder = w[c] === ':' ? colonContext(w, c) : w[c] === '"' ? quotedContext(w, c) : null;
  return holder?.name !== undefined ? { container: 'bearer', name: holder.name } : { container: 'bearer' };
}

/**
 * The container and name of the token at text[offset, end), from a bounded look-back (and look-ahead in
 * a tag). The look-back stops at `floor`, the end of the previous token, whose context `prev` is.
 */
function contextBefore(text: string, offset: number, end: number, floor: number, prev: TokenContext | null, counter: ScanCounter): TokenContext {
  const from = Math.max(0, offset - LOOK_BACK);
  carried = from < floor ? prev : null;
  let w = text.slice(Math.max(from, floor), offset);
  counter.chars += w.length;
  if (w.includes('%')) w = percentDecodeLoose(w);
  // HTML: <a href="/cb?state=1&amp;id_token=…">, JSON in an attribute: {&quot;id_token&quot;:&quot;…
  if (w.includes('&')) w = w.replace(/&(?:amp|#38|#x26);/gi, '&').replace(/&(?:quot|#34|#x22);/gi, '"');
  const last = w[w.length - 1];
  if (last === '"' || last === "'") return quotedContext(w, w.length - 1, text.slice(end, end + MAX_NAME * 2));
  if (last === '=') return paramContext(w, w.length - 1);
  if (last === ':') return colonContext(w, w.length - 1);
  if (last === ' ' || last === '\t') return blankContext(w);
  return { container: 'text' };
}

/** Index of `ch` in `text` from `from`, or text.length. */
function indexOrEnd(text: string, ch: string, from: number): number {
  const k = text.indexOf(ch, from);
  return k < 0 ? text.length : k;
}

/** Run characters plus '%' (which may start an escape): where a backward walk to a run start may pass. */
function isRunOrPercent(c: number): boolean {
  return (c < 128 && RUN[c] !== 0) || c === 0x25;
}

/** What runEnd saw in the run it measured (scratch; scanning is synchronous). */
const seen = { dots: 0, percent: false };

/** End of the maximal run (base64url, dots, and `%XX` escapes of those) starting at `i`; fills `seen`. */
function runEnd(text: string, i: number): number {
  const n = text.length;
  let j = i;
  let dots = 0;
  let percent = false;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c < 128 && RUN[c] !== 0) {
      if (c === 0x2e) dots++;
      j++;
    } else if (c === 0x25) {
      const d = percentRunChar(text, j);
      if (d < 0) break;
      if (d === 0x2e) dots++;
      percent = true;
      j += 3;
    } else break;
  }
  seen.dots = dots;
  seen.percent = percent;
  return j;
}

/** Checks the run text[i, j) for a compact token and records it with its context. */
function checkSpan(text: string, i: number, j: number, maxLen: number, counter: ScanCounter, found: Array<Omit<FoundToken, 'line' | 'column'>>): void {
  const pct = seen.percent;
  if (seen.dots < 2 || j - i > (pct ? 3 * maxLen : maxLen + 1)) return;
  const run: Run = pct ? decodeRun(text, i, j) : { text: text.slice(i, j), offsets: null, start: i };
  const hit = checkRun(run, counter);
  if (!hit || hit[2] - hit[1] > maxLen) return;
  const offset = runOffset(run, hit[1]);
  const last = found[found.length - 1];
  const floor = last ? last.offset + last.length : 0;
  const context = contextBefore(text, offset, runOffset(run, hit[2]), floor, last?.context ?? null, counter);
  found.push({ token: run.text.slice(hit[1], hit[2]), format: hit[0], serialization: 'compact', offset, length: runOffset(run, hit[2]) - offset, context });
}

/** Top-level members that make a JSON object a JWS/JWE JSON serialization candidate. */
const SERIALIZATION_MEMBERS = ['payload', 'signature', 'signatures', 'ciphertext'];

/** Every JSON serialization has one of these members at its top level. */
const ANCHORS = ['"payload"', '"ciphertext"'];

/** JWS: "payload" with "signature" or "signatures"; JWE: "ciphertext" (RFC 7515 §7.2, RFC 7516 §7.2). */
function isSerialization(names: ReadonlySet<string>): boolean {
  return names.has('ciphertext') || (names.has('payload') && (names.has('signature') || names.has('signatures')));
}

/**
 * scanText with a work counter (tests use it to prove linear time on adversarial input).
 * @internal
 */
export function scanTextCounted(text: string, options: ScanOptions | undefined, counter: ScanCounter): FoundToken[] {
  const maxLen = options?.maxTokenLength ?? DEFAULT_LIMITS.maxTokenLength;
  if (!Number.isInteger(maxLen) || maxLen < 1) throw new TypeError('invalid "maxTokenLength" option: expected a positive integer');
  const found: Array<Omit<FoundToken, 'line' | 'column'>> = [];
  const n = text.length;
  let pos = 0; // everything before pos has been scanned
  let nextDot = -1;
  let nextPct = -1;
  // Native indexOf jumps to the next '.' or '%': every token holds one (a dot, or %2E), and text
  // between them is only looked at when it is part of the run around one. Each character is
  // examined at most twice (back to the run start, then forward), so this stays linear.
  while (pos < n) {
    if (nextDot !== n && nextDot < pos) nextDot = indexOrEnd(text, '.', pos);
    if (nextPct !== n && nextPct < pos) nextPct = indexOrEnd(text, '%', pos);
    const p = Math.min(nextDot, nextPct);
    if (p >= n) {
      counter.chars += n - pos;
      break;
    }
    let i = p;
    while (i > pos && isRunOrPercent(text.charCodeAt(i - 1))) i--;
    counter.chars += p - pos + (p - i);
    while (i <= p) {
      const j = runEnd(text, i);
      counter.chars += j - i + 1;
      if (j > i) checkSpan(text, i, j, maxLen, counter, found);
      // A `%XX` escape of a non-run character is one unit: its hex digits must not start a run.
      i = j !== i ? j : text.charCodeAt(i) === 0x25 && isEscape(text, i) ? i + 3 : i + 1;
    }
    pos = i;
  }
  if (text.includes('"payload"') || text.includes('"ciphertext"')) {
    const spans = findJsonObjectSpans(text, { names: SERIALIZATION_MEMBERS, accept: isSerialization, maxLength: maxLen, counter, anchors: ANCHORS });
    let floor = 0;
    for (const span of spans) {
      const token = text.slice(span.start, span.end);
      const d = decodeToken(token);
      if (isDecodeFailure(d) || d.serialization === 'compact') continue;
      const context: TokenContext = contextBefore(text, span.start, span.end, floor, null, counter);
      floor = span.end;
      found.push({ token, format: d.format, serialization: d.serialization, offset: span.start, length: token.length, context });
    }
    found.sort((x, y) => x.offset - y.offset);
  }
  const lines = new LineCounter(text);
  return found.map((f) => {
    const { line, column } = lines.at(f.offset);
    return { token: f.token, format: f.format, serialization: f.serialization, offset: f.offset, length: f.length, line, column, context: f.context };
  });
}

/**
 * Finds every JWS/JWE in `text` (compact, percent-encoded, or JSON-serialised) with its place and context.
 * Linear in the length of `text`.
 * @example scanText('Authorization: Bearer eyJhbGciOiJub25lIn0.e30.')[0].context  // { container: 'bearer', name: 'Authorization' }
 */
export function scanText(text: string, options?: ScanOptions): FoundToken[] {
  return scanTextCounted(text, options, { chars: 0, headerChecks: 0 });
}
