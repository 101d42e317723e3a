/** Shared helpers for the in-host suite: the extension's test API, fixture URIs, polling. */
import * as vscode from 'vscode';
import type { FtnTestApi } from '../../../src/vscode/testApi';

/** publisher.name from package.json. */
export const EXTENSION_ID = 'ftn-inspector.ftn-token-inspector';

/** Activates the extension and returns its test API (present in ExtensionMode.Test only). */
export async function activateApi(): Promise<FtnTestApi> {
  const ext = vscode.extensions.getExtension<FtnTestApi | undefined>(EXTENSION_ID);
  if (!ext) throw new Error(`extension "${EXTENSION_ID}" not found`);
  const api = await ext.activate();
  if (!api) throw new Error('the extension returned no test API (not in test mode?)');
  return api;
}

/** URI of a file in the fixture workspace. */
export function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder open');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Polls `probe` until it returns a truthy value or `ms` pass. */
export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Opens a workspace file in an editor. */
export async function openFixture(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(name));
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Position of the first character after `needle` (e.g. `ID_TOKEN=`) in `doc`. */
export function after(doc: vscode.TextDocument, needle: string, plus = 0): vscode.Position {
  const at = doc.getText().indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" not in ${doc.uri.path}`);
  return doc.positionAt(at + needle.length + plus);
}

/** The markdown of every hover at `pos`, joined. */
export async function hoverText(uri: vscode.Uri, pos: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos);
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

/** Our diagnostics of a document. */
export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'FTN Token Inspector');
}

/** Rule ID of a diagnostic. */
export function ruleOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** Imports the demo client encryption key through the command (answers injected). */
export async function importDemoEncKey(api: FtnTestApi): Promise<void> {
  api.answer('From File…', fixtureUri('keys/client-enc.private.jwk.json').toString());
  await vscode.commands.executeCommand('ftnInspector.importPrivateKey');
}

/** Closes every editor. */
export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
