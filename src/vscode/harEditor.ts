/**
 * The HAR custom editor (CustomTextEditorProvider, priority default; "Reopen With… Text Editor" stays available).
 * The TextDocument is the model: the trace is analysed in the extension host with core analyzeHar, re-analysed
 * (debounced) on edits and on key changes, and rendered by the shared renderer in a webview.
 */
import * as vscode from 'vscode';
import { analyzeHar, type Report } from '../core/index';
import type { UiCapabilities } from '../ui/protocol';
import { CMD, DEBOUNCE_MS } from './constants';
import { fileLabel } from './docTokens';
import type { KeyStore } from './keyStore';
import { analyzeOptions, readSettings } from './settings';
import { handleShared } from './viewActions';
import { Channel, webviewHtml, webviewOptions, type WebviewLog } from './webview';

const CAPS: UiCapabilities = { reveal: true, importKey: true, exportHar: true, copy: true, liveCapture: false };

/** Analyses a HAR document with the current settings and keys; `onProgress` gets (characters read, total). */
export function analyzeHarDocument(doc: vscode.TextDocument, keys: KeyStore, onProgress?: (done: number, total: number) => void): Promise<Report> {
  const opts = analyzeOptions(readSettings(doc.uri), keys.ring, { file: fileLabel(doc.uri), har: true });
  return analyzeHar(doc.getText(), onProgress ? { ...opts, onProgress } : opts);
}

/** Progress at most every 100 ms: posting per entry would flood the webview on large traces. */
function throttled(post: (done: number, total: number) => void): (done: number, total: number) => void {
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (now - last < 100) return;
    last = now;
    post(done, total);
  };
}

/** Provider of the `ftnInspector.harEditor` custom editor. */
export class HarEditorProvider implements vscode.CustomTextEditorProvider {
  constructor(private readonly context: vscode.ExtensionContext, private readonly keys: KeyStore, private readonly log: WebviewLog) {}

  /** Wires one editor: HTML, channel, analysis on open/edit/key change. */
  async resolveCustomTextEditor(doc: vscode.TextDocument, panel: vscode.WebviewPanel): Promise<void> {
    panel.webview.options = webviewOptions(this.context.extensionUri);
    panel.webview.html = webviewHtml(panel.webview, this.context.extensionUri, CAPS, `HAR: ${fileLabel(doc.uri)}`);
    let report: Report | undefined;
    let generation = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const title = fileLabel(doc.uri);
    const post = async (): Promise<void> => {
      if (report) await channel.post({ type: 'report', report, title, keys: this.keys.list() });
    };
    const analyse = async (): Promise<void> => {
      const mine = ++generation;
      const size = doc.getText().length;
      const label = `Analysing ${title} (${Math.ceil(size / 1024)} KB)…`;
      void channel.post({ type: 'progress', label, done: 0, total: size });
      try {
        const next = await vscode.window.withProgress(
          { location: size > 1_000_000 ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window, title: `Analysing ${title}` },
          (bar) => {
            let reported = 0;
            return analyzeHarDocument(doc, this.keys, throttled((done, total) => {
              if (mine !== generation || !total) return;
              void channel.post({ type: 'progress', label, done, total });
              const pct = Math.floor((done / total) * 100);
              bar.report({ increment: pct - reported, message: `${pct} %` });
              reported = pct;
            }));
          });
        if (mine !== generation) return; // a newer edit's analysis owns the view
        report = next;
        await post();
      } catch (e) {
        if (mine === generation) await channel.post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
      }
    };
    const channel = new Channel(panel.webview, 'har', this.log, async (m) => {
      if (m.type === 'ready') { await post(); return; }
      if (m.type === 'exportHar') { await vscode.commands.executeCommand(CMD.sanitizeHar, doc.uri); return; }
      await handleShared(m, { report, source: { uri: doc.uri, base: 0 }, extensionUri: this.context.extensionUri });
    });
    const subscriptions = [
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() !== doc.uri.toString() || !e.contentChanges.length) return;
        clearTimeout(timer);
        timer = setTimeout(() => void analyse(), DEBOUNCE_MS);
      }),
      this.keys.onDidChange(() => void analyse()),
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('ftnInspector', doc.uri)) void analyse(); }),
    ];
    panel.onDidDispose(() => {
      clearTimeout(timer);
      channel.dispose();
      subscriptions.forEach((d) => d.dispose());
    });
    // Resolve at once: the webview shows progress while the trace is analysed.
    void analyse();
  }
}
