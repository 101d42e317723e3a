/**
 * Text positions like VS Code's: 0-based UTF-16 offsets, 1-based lines and columns; `\r\n`, `\n`
 * and a lone `\r` each end a line.
 */

/** A 1-based line and column. */
export interface LineColumn {
  line: number;
  column: number;
}

/** Converts offsets to line/column in one forward sweep when offsets are asked in ascending order. */
export class LineCounter {
  private line = 1;
  private lineStart = 0;
  private pos = 0;
  private nextLf = -1;
  private nextCr = -1;

  constructor(private readonly text: string) {}

  /** Line and column of `offset`; O(distance from the previous offset asked), restarting if it goes back. */
  at(offset: number): LineColumn {
    if (offset < this.pos) {
      this.line = 1;
      this.lineStart = 0;
      this.pos = 0;
      this.nextLf = this.nextCr = -1;
    }
    const text = this.text;
    const end = Math.min(offset, text.length);
    let i = this.pos;
    // Jump between line breaks with native indexOf rather than looking at every character.
    for (;;) {
      if (this.nextLf < i) this.nextLf = indexOrEnd(text, '\n', i);
      if (this.nextCr < i) this.nextCr = indexOrEnd(text, '\r', i);
      const b = Math.min(this.nextLf, this.nextCr);
      if (b >= end) break;
      i = b + 1;
      // "\r\n" is one break: count it at the "\n".
      if (b === this.nextCr && text.charCodeAt(b + 1) === 10) continue;
      this.line++;
      this.lineStart = i;
    }
    this.pos = end;
    return { line: this.line, column: offset - this.lineStart + 1 };
  }
}

/** Index of `ch` in `text` from `from`, or text.length. */
function indexOrEnd(text: string, ch: string, from: number): number {
  const k = text.indexOf(ch, from);
  return k < 0 ? text.length : k;
}

/** Line and column (1-based) of a 0-based UTF-16 offset in `text`. */
export function positionAt(text: string, offset: number): LineColumn {
  return new LineCounter(text).at(offset);
}
