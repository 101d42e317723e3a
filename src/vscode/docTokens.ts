/** Finding and inspecting the token under the cursor: the work is bounded by the line (a window of it). */
import * as vscode from 'vscode';
import { inspectToken, type FoundToken, type TokenReport } from '../core/index';
import { tokenInLine } from './hover.line';
import type { KeyStore } from './keyStore';
import { analyzeOptions, readSettings } from './settings';

/** A token found on one line, with its range in the document. */
export interface TokenHit {
  found: FoundToken;
  range: vscode.Range;
  /** Offset of the token's first character in the document. */
  offset: number;
}

/** The token covering `pos`, found by scanning at most HOVER_WINDOW characters of its line. */
export function tokenAt(doc: vscode.TextDocument, pos: vscode.Position): TokenHit | undefined {
  const found = tokenInLine(doc.lineAt(pos.line).text, pos.character);
  if (!found) return undefined;
  const range = new vscode.Range(pos.line, found.offset, pos.line, found.offset + found.length);
  return { found, range, offset: doc.offsetAt(range.start) };
}

/** Inspects one hit with the current settings and keys (reference time: now). */
export function inspectHit(doc: vscode.TextDocument, hit: TokenHit, keys: KeyStore): Promise<TokenReport> {
  const opts = analyzeOptions(readSettings(doc.uri), keys.ring, { file: fileLabel(doc.uri) });
  const location = {
    file: fileLabel(doc.uri), line: hit.range.start.line + 1, column: hit.range.start.character + 1,
    offset: hit.offset, length: hit.found.length,
  };
  return inspectToken(hit.found.token, { location, context: hit.found.context }, opts);
}

/** A short name for locations and titles: the workspace-relative path, or the URI's path. */
export function fileLabel(uri: vscode.Uri): string {
  return uri.scheme === 'untitled' ? uri.path : vscode.workspace.asRelativePath(uri, false);
}
