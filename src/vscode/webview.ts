/**
 * The locked-down webview shell both the inspector panel and the HAR editor use: CSP `default-src 'none'` with a
 * per-load nonce from crypto.getRandomValues, resources only from dist/webview and media, and one typed channel
 * (ToUiMessage out, FromUiMessage in — every inbound message validated with isFromUiMessage).
 */
import * as vscode from 'vscode';
import { isFromUiMessage, type FromUiMessage, type ToUiMessage, type UiCapabilities } from '../ui/protocol';
import type { PostedMessage } from './testApi';

/** A fresh base64 nonce (128 bits from crypto.getRandomValues). */
export function makeNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** Webview options: scripts on, resources from dist/webview and media only. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

const attr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The HTML: CSP, stylesheet, the app root carrying the capabilities, and the renderer bundle with the nonce. */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, caps: UiCapabilities, title: string): string {
  const nonce = makeNonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'webview.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'inspector.css'));
  const csp = `default-src 'none'; style-src ${webview.cspSource}; font-src ${webview.cspSource}; script-src 'nonce-${nonce}'; img-src ${webview.cspSource} data:;`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(style.toString())}">
<title>${attr(title)}</title>
</head>
<body>
<div id="app" data-capabilities="${attr(JSON.stringify(caps))}"></div>
<script nonce="${nonce}" src="${attr(script.toString())}"></script>
</body>
</html>`;
}

/** Records what is posted to webviews and routes simulated renderer messages (test mode). */
export class WebviewLog {
  readonly posted: PostedMessage[] = [];
  readonly #receivers = new Map<PostedMessage['view'], (m: unknown) => Promise<void>>();

  constructor(readonly enabled: boolean) {}

  /** Records one posted message. */
  record(view: PostedMessage['view'], message: ToUiMessage): void {
    if (this.enabled) this.posted.push({ view, message });
  }

  /** Remembers the newest channel of a view kind. */
  setReceiver(view: PostedMessage['view'], receive: (m: unknown) => Promise<void>): void {
    if (this.enabled) this.#receivers.set(view, receive);
  }

  /** Delivers `m` to the newest channel of `view`. */
  async deliver(view: PostedMessage['view'], m: unknown): Promise<void> {
    const r = this.#receivers.get(view);
    if (!r) throw new Error(`no ${view} webview is open`);
    await r(m);
  }
}

/** One webview's typed channel. */
export class Channel implements vscode.Disposable {
  readonly #sub: vscode.Disposable;

  constructor(private readonly webview: vscode.Webview, private readonly view: PostedMessage['view'], private readonly log: WebviewLog,
    handle: (m: FromUiMessage) => Promise<void> | void) {
    const receive = async (m: unknown): Promise<void> => {
      if (!isFromUiMessage(m)) return; // the renderer side is untrusted: ignore anything off-protocol
      await handle(m);
    };
    this.#sub = webview.onDidReceiveMessage(receive);
    log.setReceiver(view, receive);
  }

  /** Posts a message to the renderer. */
  post(message: ToUiMessage): Thenable<boolean> {
    this.log.record(this.view, message);
    return this.webview.postMessage(message);
  }

  /** Stops listening. */
  dispose(): void {
    this.#sub.dispose();
  }
}
