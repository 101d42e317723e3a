/**
 * A linear, bracket- and string-aware scanner that finds the elements of `log.entries` in HAR text
 * without parsing the whole tree: each entry can be parsed (and dropped) on its own, and the complete
 * entries of a truncated file are still found.
 */

/** One element of `log.entries`: its index and character span in the text. */
export interface EntrySlice {
  index: number;
  start: number;
  end: number;
}

/** Scanner result: the entry slices and how the scan ended. */
export interface EntryScan {
  slices: EntrySlice[];
  /** false when no `log.entries` array was found. */
  foundEntries: boolean;
  /** Set when the text ends inside `log.entries`: the offset where it ends and the entry cut off (if any). */
  truncated?: { offset: number; entry?: number };
  /** Elements of `log.entries` that are not objects. */
  nonObjects: number[];
}

interface Frame {
  kind: '{' | '[';
  key?: string;
  expectKey: boolean;
}

/** Finds the end of the string starting at the quote at `i`: the index of its closing quote, or -1. */
function stringEnd(text: string, i: number): number {
  let j = text.indexOf('"', i + 1);
  while (j !== -1) {
    let backslashes = 0;
    for (let k = j - 1; text.charCodeAt(k) === 92; k--) backslashes++;
    if (backslashes % 2 === 0) return j;
    j = text.indexOf('"', j + 1);
  }
  return -1;
}

/** Scans HAR text for the elements of `log.entries` (linear time, no full parse). */
export function scanHarEntries(text: string, from = 0): EntryScan {
  const stack: Frame[] = [];
  const out: EntryScan = { slices: [], foundEntries: false, nonObjects: [] };
  let entriesDepth = -1;
  let elementStart = -1;
  let count = 0;
  let pendingKey: string | undefined;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      const end = stringEnd(text, i);
      if (end === -1) break;
      const top = stack[stack.length - 1];
      if (top?.kind === '{' && top.expectKey && end - i < 80) pendingKey = text.slice(i + 1, end);
      else if (stack.length === entriesDepth && elementStart === -1) out.nonObjects.push(count++);
      i = end;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (stack.length === entriesDepth && elementStart === -1) {
        if (c === 123) elementStart = i;
        else out.nonObjects.push(count++);
      }
      if (c === 91 && stack.length === 2 && stack[0].key === 'log' && stack[1].key === 'entries' && entriesDepth === -1) {
        entriesDepth = 3;
        out.foundEntries = true;
      }
      stack.push({ kind: c === 123 ? '{' : '[', expectKey: c === 123 });
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      stack.pop();
      if (stack.length === entriesDepth && elementStart !== -1) {
        out.slices.push({ index: count++, start: elementStart, end: i + 1 });
        elementStart = -1;
      } else if (entriesDepth !== -1 && stack.length === entriesDepth - 1) {
        return out; // the entries array closed: everything after it is not needed
      }
    } else if (stack.length === entriesDepth && elementStart === -1 && (c === 45 || (c >= 48 && c <= 57) || c === 116 || c === 102 || c === 110)) {
      out.nonObjects.push(count++); // a number, true, false or null where an entry should be
      while (i + 1 < text.length && text.charCodeAt(i + 1) !== 44 && text.charCodeAt(i + 1) !== 93) i++;
    } else if (c === 58 /* : */) {
      const top = stack[stack.length - 1];
      if (top?.kind === '{') { top.key = pendingKey; top.expectKey = false; }
    } else if (c === 44 /* , */) {
      const top = stack[stack.length - 1];
      if (top?.kind === '{') top.expectKey = true;
    }
  }
  if (out.foundEntries) out.truncated = { offset: text.length, entry: elementStart !== -1 ? count : undefined };
  return out;
}

/** UTF-8 byte offset of a UTF-16 offset in `text`. */
export function byteOffset(text: string, charOffset: number): number {
  let bytes = 0;
  const end = Math.min(charOffset, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) { bytes += 4; i++; }
    else bytes += 3;
  }
  return bytes;
}

/** The character offset a JSON.parse error message points at (V8 and SpiderMonkey wordings), if any. */
export function jsonErrorOffset(message: string, text: string): number | undefined {
  const pos = /position (\d+)/.exec(message);
  if (pos) return Number(pos[1]);
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) {
    let offset = 0;
    for (let line = 1; line < Number(lc[1]); line++) offset = text.indexOf('\n', offset) + 1;
    return offset + Number(lc[2]) - 1;
  }
  if (/end of (JSON )?(input|data)/i.test(message)) return text.length;
  const tok = /Unexpected token '(.)'/.exec(message);
  if (tok) return Math.max(0, text.indexOf(tok[1]));
  return undefined;
}
