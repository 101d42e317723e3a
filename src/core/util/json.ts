/**
 * Strict JSON for token headers and payloads: JSON.parse for the value, plus a linear, non-recursive
 * scan for member names that occur more than once in the top-level object (JWT-DUP; RFC 7515 §4,
 * RFC 7519 §4: "the JWT MUST contain no duplicate Header Parameter Names / Claim Names").
 */

/** Nesting deeper than this is refused (JSON.parse itself is iterative in V8, but hosts differ). */
export const MAX_JSON_DEPTH = 256;

/** A parsed JSON text with the top-level duplicate member names, or why it is not JSON. */
export type StrictJsonResult = { ok: true; value: unknown; duplicates: string[] } | { ok: false; error: string };

/** Parses JSON and lists duplicated top-level member names (in order of their second occurrence). */
export function parseJsonStrict(text: string, maxDepth = MAX_JSON_DEPTH): StrictJsonResult {
  const depth = maxNesting(text);
  if (depth > maxDepth) return { ok: false, error: `nesting deeper than ${maxDepth} levels` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  const duplicates = value !== null && typeof value === 'object' && !Array.isArray(value) ? topLevelDuplicates(text) : [];
  return { ok: true, value, duplicates };
}

/** Deepest bracket nesting outside strings (linear; the text need not be valid JSON). */
function maxNesting(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) i = stringEnd(text, i);
    else if (c === 0x7b || c === 0x5b) max = Math.max(max, ++depth);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

/** Index of the closing quote of the string opening at `start` (or the text's last index). */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x22) return i;
  }
  return text.length - 1;
}

/** Member names of the outermost object that occur more than once; `text` must be valid JSON. */
function topLevelDuplicates(text: string): string[] {
  const seen = new Set<string>();
  const dups = new Set<string>();
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const end = stringEnd(text, i);
      if (depth === 1 && isKey(text, end + 1)) {
        // JSON.parse decodes escapes, so "a" and "\u0061" are the same name.
        const name = JSON.parse(text.slice(i, end + 1)) as string;
        if (seen.has(name)) dups.add(name);
        else seen.add(name);
      }
      i = end;
    } else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return [...dups];
}

/** True when the next non-whitespace character from `from` is a colon. */
function isKey(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3a) return true;
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return false;
  }
  return false;
}

/** Options of findJsonObjectSpans. */
export interface ObjectSpanOptions {
  /** Member names worth recording (others are ignored). */
  names: readonly string[];
  /** Whether an object with these recorded top-level member names is wanted. */
  accept: (names: ReadonlySet<string>) => boolean;
  /** Longest span returned, in characters. */
  maxLength: number;
  /** Work counter (characters examined). */
  counter?: { chars: number };
  /** Scan only near these strings (e.g. `"payload"`); default: the whole text. */
  anchors?: readonly string[];
}

/** One open object or array while scanning. */
interface Frame {
  start: number;
  object: boolean;
  names: Set<string> | null;
  /** A descendant was a wanted object: this one is not returned (spans stay disjoint, work linear). */
  covered: boolean;
}

/** Open brackets tracked by findJsonObjectSpans (the innermost ones). */
const MAX_FRAMES = 64;

/** Scanner state carried from one range to the next. */
interface SpanState {
  stack: Frame[];
  /** The last string, while only blanks follow it. */
  key: string | null;
}

/**
 * Spans of JSON objects (anywhere in any text, JSON or not) whose top-level members satisfy `accept`.
 * Linear, no recursion: strings end at their closing quote or at a raw line break (which JSON strings
 * cannot hold), so stray quotes in prose cannot hide much. Returned spans never overlap. With `anchors`,
 * only text within `maxLength` of an anchor is scanned (a wanted object longer than that is skipped anyway).
 */
export function findJsonObjectSpans(text: string, opts: ObjectSpanOptions): Array<{ start: number; end: number }> {
  const wanted = new Set(opts.names);
  const spans: Array<{ start: number; end: number }> = [];
  let state: SpanState = { stack: [], key: null };
  let reached = 0;
  for (const r of opts.anchors ? anchorRanges(text, opts.anchors, opts.maxLength) : [{ from: 0, to: text.length, fresh: true }]) {
    if (r.fresh) state = { stack: [], key: null };
    const from = Math.max(r.from, reached);
    reached = scanRange(text, from, r.to, state, wanted, opts, spans);
    if (opts.counter) opts.counter.chars += reached - from;
  }
  return spans;
}

/** Merged ranges around every anchor; a range starts fresh at a line start (outside any JSON string). */
function anchorRanges(text: string, anchors: readonly string[], maxLength: number): Array<{ from: number; to: number; fresh: boolean }> {
  const hits: number[] = [];
  for (const a of anchors) for (let k = text.indexOf(a); k >= 0; k = text.indexOf(a, k + a.length)) hits.push(k);
  hits.sort((x, y) => x - y);
  const ranges: Array<{ from: number; to: number; fresh: boolean }> = [];
  let end = 0;
  for (const k of hits) {
    const a = Math.max(0, k - maxLength);
    const b = Math.min(text.length, k + maxLength);
    const last = ranges[ranges.length - 1];
    if (last && a <= last.to) {
      last.to = end = Math.max(last.to, b);
      continue;
    }
    // Walk back (no further than the previous range) to a line break: no JSON string spans one.
    let q = a;
    while (q > end && text.charCodeAt(q - 1) !== 0x0a && text.charCodeAt(q - 1) !== 0x0d) q--;
    if (last && q <= end) last.to = b; // no line break in between: carry on with the previous state
    else ranges.push({ from: q, to: b, fresh: true });
    end = b;
  }
  return ranges;
}

/** Scans text[from, to) (a string may run past `to`), updating `state`; returns where it stopped. */
function scanRange(text: string, from: number, to: number, state: SpanState, wanted: Set<string>, opts: ObjectSpanOptions, spans: Array<{ start: number; end: number }>): number {
  const n = text.length;
  const stack = state.stack;
  let i = from;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 0x5c) j += 2;
        else if (d === 0x22 || d === 0x0a || d === 0x0d) break;
        else j++;
      }
      state.key = j < n && text.charCodeAt(j) === 0x22 && j - i <= 16 ? text.slice(i + 1, j) : null;
      i = Math.min(j, n);
      continue;
    }
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) continue;
    const top = stack[stack.length - 1];
    if (c === 0x3a && state.key !== null && top?.object && top.names && wanted.has(state.key)) top.names.add(state.key);
    state.key = null;
    if (c === 0x7b || c === 0x5b) {
      // Keep the innermost frames only: unclosed brackets in prose must not hide later objects.
      if (stack.length >= MAX_FRAMES) stack.shift();
      stack.push({ start: i, object: c === 0x7b, names: c === 0x7b ? new Set() : null, covered: false });
    } else if (c === 0x7d || c === 0x5d) {
      closeFrame(stack, c === 0x7d, i, opts, spans);
    }
  }
  return Math.min(i, n);
}

/** Pops the innermost frame at a closing bracket and records it when it is a wanted object. */
function closeFrame(stack: Frame[], brace: boolean, i: number, opts: ObjectSpanOptions, spans: Array<{ start: number; end: number }>): void {
  const f = stack.pop();
  if (!f) return;
  const parent = stack[stack.length - 1];
  if (f.covered) {
    if (parent) parent.covered = true;
    return;
  }
  if (brace && f.object && f.names && opts.accept(f.names) && i + 1 - f.start <= opts.maxLength) {
    spans.push({ start: f.start, end: i + 1 });
    if (parent) parent.covered = true;
  }
}
