/**
 * The inspector: one WebviewPanel (reused) rendering a Report with the shared renderer. It keeps a `compute`
 * closure so it can re-analyse when keys change; a panel restored after a reload re-analyses its source file
 * (pasted text is never persisted: that panel asks for the command again).
 */
import * as vscode from 'vscode';
import type { Report } from '../core/index';
import type { UiCapabilities } from '../ui/protocol';
import { VIEW } from './constants';
import type { KeyStore } from './keyStore';
import { handleShared, type ReportSource } from './viewActions';
import { Channel, webviewHtml, webviewOptions, type WebviewLog } from './webview';

/** What is shown: a title, how to (re)compute the report, where offsets point, and what survives a reload. */
export interface InspectorContent {
  title: string;
  compute: () => Promise<Report>;
  source?: ReportSource;
  selected?: number;
  /** Persisted (workspaceState) so a restored panel can recompute: a file source only, never pasted text. */
  restore?: RestoreInfo;
}

/** How a restored panel recomputes its report. */
export interface RestoreInfo {
  kind: 'document' | 'token' | 'har';
  uri: string;
  offset?: number;
}

const CAPS: UiCapabilities = { reveal: true, importKey: true, exportHar: false, copy: true, liveCapture: false };
const RESTORE_KEY = 'ftnInspector.inspectorRestore';

/** Owns the inspector panel. */
export class Inspector implements vscode.Disposable {
  #panel: vscode.WebviewPanel | undefined;
  #channel: Channel | undefined;
  #content: InspectorContent | undefined;
  #report: Report | undefined;
  #generation = 0;
  readonly #subscriptions: vscode.Disposable[] = [];

  constructor(private readonly context: vscode.ExtensionContext, private readonly keys: KeyStore, private readonly log: WebviewLog,
    private readonly restorer: (info: RestoreInfo) => InspectorContent | undefined) {
    this.#subscriptions.push(keys.onDidChange(() => { if (this.#panel) void this.#refresh(); }));
  }

  /** Shows `content` in the inspector panel (created or revealed). */
  async show(content: InspectorContent): Promise<void> {
    this.#content = content;
    void this.context.workspaceState.update(RESTORE_KEY, content.restore);
    if (!this.#panel) {
      const panel = vscode.window.createWebviewPanel(VIEW.inspector, content.title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
        { ...webviewOptions(this.context.extensionUri), retainContextWhenHidden: false });
      this.#attach(panel);
    } else {
      this.#panel.title = content.title;
      this.#panel.reveal(undefined, false);
    }
    await this.#refresh();
  }

  /** Restores a panel after a reload (registerWebviewPanelSerializer). */
  async revive(panel: vscode.WebviewPanel): Promise<void> {
    this.#attach(panel);
    const info = this.context.workspaceState.get<RestoreInfo>(RESTORE_KEY);
    const content = info ? this.restorer(info) : undefined;
    if (!content) {
      await this.#channel!.post({ type: 'error', message: 'nothing to restore: the inspected text was pasted, not read from a file; run the command again' });
      return;
    }
    this.#content = content;
    panel.title = content.title;
    await this.#refresh();
  }

  #attach(panel: vscode.WebviewPanel): void {
    panel.webview.options = webviewOptions(this.context.extensionUri);
    panel.webview.html = webviewHtml(panel.webview, this.context.extensionUri, CAPS, 'FTN Token Inspector');
    panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'media', 'icon.png');
    this.#panel = panel;
    this.#channel = new Channel(panel.webview, 'inspector', this.log, async (m) => {
      if (m.type === 'ready') { await this.#post(); return; }
      await handleShared(m, { report: this.#report, source: this.#content?.source, extensionUri: this.context.extensionUri });
    });
    panel.onDidDispose(() => {
      this.#channel?.dispose();
      this.#panel = undefined;
      this.#channel = undefined;
      this.#content = undefined;
      this.#report = undefined;
    });
  }

  async #refresh(): Promise<void> {
    const content = this.#content;
    if (!content) return;
    const generation = ++this.#generation;
    try {
      const report = await content.compute();
      if (generation !== this.#generation) return;
      this.#report = report;
      await this.#post();
    } catch (e) {
      if (generation === this.#generation) await this.#channel?.post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  }

  async #post(): Promise<void> {
    if (!this.#report || !this.#channel || !this.#content) return;
    await this.#channel.post({ type: 'report', report: this.#report, title: this.#content.title, keys: this.keys.list(),
      ...(this.#content.selected !== undefined ? { selected: this.#content.selected } : {}) });
  }

  /** The report currently shown (tests, commands). */
  get report(): Report | undefined {
    return this.#report;
  }

  /** Closes the panel. */
  dispose(): void {
    this.#panel?.dispose();
    this.#subscriptions.forEach((d) => d.dispose());
  }
}
