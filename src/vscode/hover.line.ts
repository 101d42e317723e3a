/** The token under the cursor on one line of text, found in a bounded window of it (no vscode API: unit-testable). */
import { scanText, type FoundToken } from '../core/index';
import { HOVER_WINDOW } from './constants';

/**
 * The token covering `character` (0-based) in `lineText`, scanning at most `maxLineLength` characters around it;
 * its offset and column are relative to the line (offset 0-based, column 1-based), else undefined.
 */
export function tokenInLine(lineText: string, character: number, maxLineLength: number = HOVER_WINDOW): FoundToken | undefined {
  const start = lineText.length > maxLineLength ? Math.max(0, Math.min(character - maxLineLength / 2, lineText.length - maxLineLength)) : 0;
  const window = lineText.slice(start, start + maxLineLength);
  const at = character - start;
  const found = scanText(window).find((f) => f.offset <= at && at <= f.offset + f.length);
  if (!found) return undefined;
  return { ...found, offset: start + found.offset, line: 1, column: start + found.offset + 1 };
}
