/** What the inspector panel and the HAR editor do for renderer messages they share (copy, reveal, openRule…). */
import * as vscode from 'vscode';
import type { Report } from '../core/index';
import type { FromUiMessage } from '../ui/protocol';
import { CMD } from './constants';
import { ruleUri } from './diagnostics';

/** Where a report's token offsets point: a document, shifted by `base` characters (a selection's start). */
export interface ReportSource {
  uri: vscode.Uri;
  base: number;
}

/** Selects a token's range in its source document, opened as text beside the webview. */
export async function revealToken(report: Report, index: number, source: ReportSource | undefined): Promise<void> {
  const t = report.tokens[index];
  if (!t || !source) return;
  const doc = await vscode.workspace.openTextDocument(source.uri);
  const start = doc.positionAt(source.base + t.location.offset);
  const end = doc.positionAt(source.base + t.location.offset + t.location.length);
  await vscode.window.showTextDocument(doc, { selection: new vscode.Range(start, end), viewColumn: vscode.ViewColumn.Beside, preview: true });
}

/** Opens docs/rules.md at a rule's heading. */
export async function openRule(extensionUri: vscode.Uri, rule: string): Promise<void> {
  if (!/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/.test(rule)) return;
  const uri = ruleUri(extensionUri, rule);
  const doc = await vscode.workspace.openTextDocument(uri.with({ fragment: '' }));
  const line = doc.getText().split('\n').findIndex((l) => /^#+\s/.test(l) && l.includes(rule));
  const pos = new vscode.Position(Math.max(0, line), 0);
  await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pos, pos), viewColumn: vscode.ViewColumn.Beside, preview: true });
}

/** Handles the messages both views share; returns false for the ones the caller must handle. */
export async function handleShared(m: FromUiMessage, ctx: { report?: Report; source?: ReportSource; extensionUri: vscode.Uri }): Promise<boolean> {
  switch (m.type) {
    case 'copy':
      await vscode.env.clipboard.writeText(m.text);
      vscode.window.setStatusBarMessage(`Copied ${m.label ?? 'text'} to the clipboard`, 3000);
      return true;
    case 'reveal':
      if (ctx.report) await revealToken(ctx.report, m.token, ctx.source);
      return true;
    case 'openRule':
      await openRule(ctx.extensionUri, m.rule);
      return true;
    case 'importKey':
      await vscode.commands.executeCommand(CMD.importPrivateKey);
      return true;
    case 'selected':
    case 'capture':
      return true;
    default:
      return false;
  }
}
