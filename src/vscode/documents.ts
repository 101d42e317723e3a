/**
 * Diagnostics and inline markers for open documents: analysed on open, debounced on change (DEBOUNCE_MS),
 * re-analysed when settings or keys change, cleared on close. Documents over `maxDocumentSize` are skipped.
 */
import * as vscode from 'vscode';
import { analyzeHar, analyzeText, looksLikeHar, type Report, type TokenReport } from '../core/index';
import { CONFIG, DEBOUNCE_MS } from './constants';
import { reportDiagnostics, tokenRange } from './diagnostics';
import { fileLabel } from './docTokens';
import type { KeyStore } from './keyStore';
import { analyzeOptions, readSettings, type Settings } from './settings';
import { findingCounts, isExpired, markerText } from './tokenText';

const SKIPPED_SCHEMES = new Set(['output', 'git', 'vscode-scm', 'debug', 'vscode-settings', 'vscode-terminal']);

/** True when the marker mode asks for this token. */
function wantsMarker(t: TokenReport, s: Settings, now: number): boolean {
  if (s.decorationMode === 'all') return true;
  if (t.format === 'JWE' || isExpired(t, now, s.skew)) return true;
  const c = findingCounts(t);
  return s.decorationMode === 'findings' && c.error + c.warning > 0;
}

/** Watches open documents; owns the diagnostic collection and the marker decoration type. */
export class DocumentWatcher implements vscode.Disposable {
  readonly #diagnostics = vscode.languages.createDiagnosticCollection('ftnInspector');
  readonly #marker = vscode.window.createTextEditorDecorationType({
    after: { color: new vscode.ThemeColor('editorCodeLens.foreground'), margin: '0 0 0 1.5em', fontStyle: 'italic' },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();
  readonly #reports = new Map<string, { version: number; report: Report }>();
  readonly #applied = new Map<string, string[]>();
  readonly #subscriptions: vscode.Disposable[] = [];

  constructor(private readonly keys: KeyStore, private readonly extensionUri: vscode.Uri) {
    this.#subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => { if (e.contentChanges.length) this.schedule(e.document); }),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.decorateVisible()),
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration(CONFIG)) this.refreshAll(); }),
      keys.onDidChange(() => this.refreshAll()),
    );
  }

  /** Re-analyses every open document (after a settings or key change). */
  refreshAll(): void {
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  /** Analyses `doc` after `delay` ms, replacing a pending run. */
  schedule(doc: vscode.TextDocument, delay = DEBOUNCE_MS): void {
    if (SKIPPED_SCHEMES.has(doc.uri.scheme)) return;
    const key = doc.uri.toString();
    clearTimeout(this.#timers.get(key));
    this.#timers.set(key, setTimeout(() => { this.#timers.delete(key); void this.#analyze(doc); }, delay));
  }

  /** The last report of an open document (tests, commands). */
  reportOf(uri: vscode.Uri): Report | undefined {
    return this.#reports.get(uri.toString())?.report;
  }

  async #analyze(doc: vscode.TextDocument): Promise<void> {
    if (doc.isClosed) return;
    const s = readSettings(doc.uri);
    const key = doc.uri.toString();
    const text = doc.getText();
    if ((!s.diagnosticsEnabled && !s.decorationsEnabled) || text.length > s.maxDocumentSize) {
      this.#reports.delete(key);
      this.#diagnostics.delete(doc.uri);
      this.decorateVisible();
      return;
    }
    const version = doc.version;
    // A HAR is judged as a trace (each token with its request context and entry time), so its Problems
    // agree with the HAR editor; a HAR too damaged to read is still scanned as text.
    const opts = analyzeOptions(s, this.keys.ring, { file: fileLabel(doc.uri), har: looksLikeHar(text) });
    const report = looksLikeHar(text) ? await analyzeHar(text, opts).catch(() => analyzeText(text, opts)) : await analyzeText(text, opts);
    // A newer edit is pending or the document closed meanwhile: that run owns the result.
    if (doc.isClosed || doc.version !== version) return;
    this.#reports.set(key, { version, report });
    if (s.diagnosticsEnabled) this.#diagnostics.set(doc.uri, reportDiagnostics(doc, report, this.extensionUri));
    else this.#diagnostics.delete(doc.uri);
    this.decorateVisible();
  }

  /** Applies markers to every visible editor from the cached reports. */
  decorateVisible(): void {
    const now = Math.floor(Date.now() / 1000);
    this.#applied.clear();
    for (const editor of vscode.window.visibleTextEditors) {
      const s = readSettings(editor.document.uri);
      const cached = this.#reports.get(editor.document.uri.toString());
      if (!s.decorationsEnabled || !cached || cached.version !== editor.document.version) {
        editor.setDecorations(this.#marker, []);
        continue;
      }
      const options = cached.report.tokens.filter((t) => wantsMarker(t, s, now)).map((t): vscode.DecorationOptions => ({
        range: tokenRange(editor.document, t),
        renderOptions: { after: { contentText: markerText(t, now, s.skew) } },
      }));
      editor.setDecorations(this.#marker, options);
      this.#applied.set(editor.document.uri.toString(), options.map((o) => o.renderOptions!.after!.contentText!));
    }
  }

  /** The marker texts last applied to a visible editor of `uri`, in order (tests). */
  markers(uri: vscode.Uri): string[] {
    return this.#applied.get(uri.toString()) ?? [];
  }

  /** Drops a closed document's diagnostics and cached report. */
  forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.#timers.get(key));
    this.#timers.delete(key);
    this.#reports.delete(key);
    this.#diagnostics.delete(uri);
  }

  /** Clears timers, diagnostics and decorations. */
  dispose(): void {
    for (const t of this.#timers.values()) clearTimeout(t);
    this.#subscriptions.forEach((d) => d.dispose());
    this.#diagnostics.dispose();
    this.#marker.dispose();
  }
}
