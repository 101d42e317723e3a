/** Inspect commands: token at cursor/selection, clipboard, pasted text, and the hover's command links. */
import * as vscode from 'vscode';
import { analyzeHar, analyzeText, looksLikeHar, summarize, type Report, type TokenReport } from '../core/index';
import { CMD } from './constants';
import { registerCommand } from './guard';
import { fileLabel, inspectHit, tokenAt } from './docTokens';
import type { InspectorContent, RestoreInfo } from './inspector';
import type { KeyStore } from './keyStore';
import type { Services } from './services';
import { analyzeOptions, readSettings } from './settings';
import { claimsOf } from './tokenText';

/** Arguments of the hover's command links. */
interface TokenArgs {
  uri: string;
  offset: number;
}

/** Analyses pasted or clipboard text: as a HAR when it is one, else as text. */
export function analyzeInput(text: string, keys: KeyStore, file: string): Promise<Report> {
  const opts = analyzeOptions(readSettings(), keys.ring, { file, har: looksLikeHar(text) });
  return looksLikeHar(text) ? analyzeHar(text, opts) : analyzeText(text, opts);
}

/** A one-token report. */
function singleReport(t: TokenReport, file: string): Report {
  const r: Report = { version: 1, source: { file, kind: 'text' }, tokens: [t], findings: [], summary: { tokens: 0, errors: 0, warnings: 0, info: 0 } };
  r.summary = summarize(r);
  return r;
}

/** Inspector content for the token at `offset` of a document. */
export function tokenContent(uri: vscode.Uri, offset: number, keys: KeyStore): InspectorContent {
  const restore: RestoreInfo = { kind: 'token', uri: uri.toString(), offset };
  return {
    title: `Token in ${fileLabel(uri)}`,
    source: { uri, base: 0 },
    selected: 0,
    restore,
    compute: async () => {
      const doc = await vscode.workspace.openTextDocument(uri);
      const hit = tokenAt(doc, doc.positionAt(offset));
      if (!hit) throw new Error(`no token at offset ${offset} of "${fileLabel(uri)}" any more`);
      return singleReport(await inspectHit(doc, hit, keys), fileLabel(uri));
    },
  };
}

/** Inspector content for a whole document (restored panels). */
export function documentContent(uri: vscode.Uri, keys: KeyStore, har: boolean): InspectorContent {
  return {
    title: `Tokens in ${fileLabel(uri)}`,
    source: { uri, base: 0 },
    restore: { kind: har ? 'har' : 'document', uri: uri.toString() },
    compute: async () => {
      const doc = await vscode.workspace.openTextDocument(uri);
      const opts = analyzeOptions(readSettings(uri), keys.ring, { file: fileLabel(uri), har });
      return har ? analyzeHar(doc.getText(), opts) : analyzeText(doc.getText(), opts);
    },
  };
}

async function showText(s: Services, text: string, what: string): Promise<Report | undefined> {
  const report = await analyzeInput(text, s.keys, what);
  if (report.tokens.length === 0 && report.findings.length === 0) {
    void vscode.window.showWarningMessage(`No JWT or JWE found in the ${what}.`);
    return report;
  }
  // Pasted text is kept in memory only (no restore info): it may hold live bearer tokens.
  await s.inspector.show({ title: `Tokens from the ${what}`, compute: () => analyzeInput(text, s.keys, what), ...(report.tokens.length === 1 ? { selected: 0 } : {}) });
  return report;
}

async function inspectAtCursor(s: Services): Promise<Report | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) { void vscode.window.showWarningMessage('Open a file and put the cursor on a token first.'); return undefined; }
  const doc = editor.document;
  if (!editor.selection.isEmpty) {
    const text = doc.getText(editor.selection);
    const base = doc.offsetAt(editor.selection.start);
    const opts = analyzeOptions(readSettings(doc.uri), s.keys.ring, { file: fileLabel(doc.uri) });
    const report = await analyzeText(text, opts);
    if (!report.tokens.length) { void vscode.window.showWarningMessage('No JWT or JWE in the selection.'); return report; }
    await s.inspector.show({ title: `Tokens in ${fileLabel(doc.uri)} (selection)`, compute: () => analyzeText(doc.getText(editor.selection), opts), source: { uri: doc.uri, base } });
    return report;
  }
  const hit = tokenAt(doc, editor.selection.active);
  if (!hit) { void vscode.window.showWarningMessage('No JWT or JWE at the cursor.'); return undefined; }
  const content = tokenContent(doc.uri, hit.offset, s.keys);
  await s.inspector.show(content);
  return s.inspector.report;
}

async function tokenFromArgs(s: Services, args: TokenArgs | undefined): Promise<TokenReport | undefined> {
  if (!args || typeof args.uri !== 'string' || !Number.isSafeInteger(args.offset)) return undefined;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
  const hit = tokenAt(doc, doc.positionAt(args.offset));
  return hit ? inspectHit(doc, hit, s.keys) : undefined;
}

/** Registers the inspect commands. */
export function registerInspectCommands(s: Services): vscode.Disposable[] {
  return [
    registerCommand(CMD.inspectAtCursor, () => inspectAtCursor(s)),
    registerCommand(CMD.inspectClipboard, async () => {
      const text = await vscode.env.clipboard.readText();
      if (!text.trim()) { void vscode.window.showWarningMessage('The clipboard is empty.'); return undefined; }
      return showText(s, text, 'clipboard');
    }),
    registerCommand(CMD.inspectPasted, async () => {
      const text = await s.prompter.input('Paste a JWT, JWE or HAR', { prompt: 'The text is analysed locally and kept in memory only.', placeHolder: 'eyJ…' });
      return text?.trim() ? showText(s, text, 'pasted text') : undefined;
    }),
    registerCommand(CMD.openInInspector, async (args?: TokenArgs) => {
      if (!args || typeof args.uri !== 'string' || !Number.isSafeInteger(args.offset)) return undefined;
      await s.inspector.show(tokenContent(vscode.Uri.parse(args.uri), args.offset, s.keys));
      return s.inspector.report;
    }),
    registerCommand(CMD.copyClaims, async (args?: TokenArgs) => {
      const t = await tokenFromArgs(s, args);
      const claims = t ? claimsOf(t) : null;
      if (!claims) { void vscode.window.showWarningMessage('No readable claims in this token.'); return undefined; }
      const text = JSON.stringify(claims, null, 2);
      await vscode.env.clipboard.writeText(text);
      vscode.window.setStatusBarMessage('Copied the claims to the clipboard', 3000);
      return text;
    }),
  ];
}
