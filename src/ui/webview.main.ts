/**
 * VS Code webview entry (webpack target `webview` -> dist/webview/webview.js). The extension host writes
 * `<div id="app" data-capabilities='{"reveal":true,…}'>` and links the stylesheet
 * `media/inspector.css` (via webview.asWebviewUri(extensionUri/media/inspector.css)) in the HTML it serves.
 */
import { mountApp } from './app';
import { isToUiMessage, type UiCapabilities } from './protocol';

declare function acquireVsCodeApi(): { postMessage(msg: unknown): void; getState(): unknown; setState(state: unknown): void };

const FLAGS = ['reveal', 'importKey', 'exportHar', 'copy', 'liveCapture'] as const;

/** Reads capabilities from the root's data-capabilities JSON; anything unreadable means "not supported". */
function readCapabilities(el: HTMLElement): UiCapabilities {
  let parsed: Record<string, unknown> = {};
  try {
    const v: unknown = JSON.parse(el.dataset.capabilities ?? '{}');
    if (typeof v === 'object' && v !== null) parsed = v as Record<string, unknown>;
  } catch {
    /* fall through: no capabilities */
  }
  return Object.fromEntries(FLAGS.map((f) => [f, parsed[f] === true])) as unknown as UiCapabilities;
}

function main(): void {
  const root = document.getElementById('app');
  if (!root) return;
  const vscode = acquireVsCodeApi();
  const app = mountApp(root, {
    post: (m) => vscode.postMessage(m),
    capabilities: readCapabilities(root),
    getState: () => vscode.getState(),
    setState: (s) => vscode.setState(s),
  });
  window.addEventListener('message', (e: MessageEvent) => {
    if (isToUiMessage(e.data)) app.receive(e.data);
  });
}

main();
