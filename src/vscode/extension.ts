/**
 * Entry point of the VS Code extension (node bundle dist/extension.js, webworker bundle dist/web/extension.js).
 * Activation registers providers and commands and loads the keys; it scans nothing — hovers scan the hovered
 * line, diagnostics run debounced on open/changed documents.
 */
import * as vscode from 'vscode';
import { registerHarCommands } from './commands.har';
import { documentContent, registerInspectCommands, tokenContent } from './commands.inspect';
import { registerKeyCommands } from './commands.keys';
import { VIEW } from './constants';
import { DocumentWatcher } from './documents';
import { HarEditorProvider } from './harEditor';
import { TokenHoverProvider } from './hover';
import { Inspector, type RestoreInfo } from './inspector';
import { KeyStore } from './keyStore';
import { Prompter } from './prompter';
import type { Services } from './services';
import type { FtnTestApi } from './testApi';
import { WebviewLog } from './webview';

/** Activates the extension; returns the test API in ExtensionMode.Test only. */
export async function activate(context: vscode.ExtensionContext): Promise<FtnTestApi | undefined> {
  const testMode = context.extensionMode === vscode.ExtensionMode.Test;
  const keys = new KeyStore(context.secrets, context.globalState);
  const prompter = new Prompter(testMode);
  const log = new WebviewLog(testMode);
  const restore = (info: RestoreInfo) => {
    const uri = vscode.Uri.parse(info.uri);
    return info.kind === 'token' && info.offset !== undefined ? tokenContent(uri, info.offset, keys) : documentContent(uri, keys, info.kind === 'har');
  };
  const inspector = new Inspector(context, keys, log, restore);
  const documents = new DocumentWatcher(keys, context.extensionUri);
  const s: Services = { context, keys, prompter, inspector, documents };
  context.subscriptions.push(
    keys, inspector, documents,
    vscode.languages.registerHoverProvider('*', new TokenHoverProvider(keys)),
    vscode.window.registerCustomEditorProvider(VIEW.har, new HarEditorProvider(context, keys, log), {
      webviewOptions: { retainContextWhenHidden: false }, supportsMultipleEditorsPerDocument: true,
    }),
    vscode.window.registerWebviewPanelSerializer(VIEW.inspector, { deserializeWebviewPanel: (panel) => inspector.revive(panel) }),
    ...registerInspectCommands(s), ...registerKeyCommands(s), ...registerHarCommands(s),
  );
  await keys.load();
  // Documents already open when the extension starts get their diagnostics (debounced, not during activation).
  documents.refreshAll();
  return testMode ? testApi(s, log) : undefined;
}

function testApi(s: Services, log: WebviewLog): FtnTestApi {
  return {
    answer: (...a) => s.prompter.answer(...a),
    prompts: () => [...s.prompter.records],
    posted: () => [...log.posted],
    lastReport: (view) => {
      for (let i = log.posted.length - 1; i >= 0; i--) {
        const p = log.posted[i];
        if (p.message.type === 'report' && (!view || p.view === view)) return p.message;
      }
      return undefined;
    },
    receive: (view, message) => log.deliver(view, message),
    keys: () => s.keys.list(),
    storedPrivateThumbprints: () => s.keys.storedPrivateThumbprints(),
    clearKeys: () => s.keys.clear(),
    markers: (uri) => s.documents.markers(vscode.Uri.parse(uri)),
    reviveInspector: (panel) => s.inspector.revive(panel),
    reset: () => { s.prompter.reset(); log.posted.length = 0; },
  };
}

/** Everything is released through context.subscriptions. */
export function deactivate(): void {}
