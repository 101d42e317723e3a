/** Hover on any JWT/JWE in any file: scans only the hovered line (a window of it), inspects that one token. */
import * as vscode from 'vscode';
import { inspectHit, tokenAt } from './docTokens';
import { hoverMarkdown } from './hover.markdown';
import type { KeyStore } from './keyStore';
import { readSettings } from './settings';

/** The hover provider for every document. */
export class TokenHoverProvider implements vscode.HoverProvider {
  constructor(private readonly keys: KeyStore) {}

  /** A hover when a token covers `pos`. */
  async provideHover(doc: vscode.TextDocument, pos: vscode.Position, cancel: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    if (!readSettings(doc.uri).hoverEnabled) return undefined;
    const hit = tokenAt(doc, pos);
    if (!hit || cancel.isCancellationRequested) return undefined;
    const report = await inspectHit(doc, hit, this.keys);
    if (cancel.isCancellationRequested) return undefined;
    const now = Math.floor(Date.now() / 1000);
    return new vscode.Hover(hoverMarkdown(report, now, { uri: doc.uri.toString(), offset: hit.offset }), hit.range);
  }
}
