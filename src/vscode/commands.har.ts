/**
 * HAR commands: open a trace in the HAR editor, and sanitise a trace into `<name>.sanitized.har` beside it
 * (pseudonym mode: the same secret value gets the same `REDACTED-<kind>-<n>` everywhere, so flows stay readable).
 */
import * as vscode from 'vscode';
import { sanitizeHar } from '../core/index';
import { CMD, VIEW } from './constants';
import { registerCommand } from './guard';
import type { Services } from './services';

/** The HAR the command is about: its argument (explorer), the active .har document, or one picked in a dialog. */
async function harTarget(s: Services, arg: unknown, title: string): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri) return arg;
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && active.path.toLowerCase().endsWith('.har')) return active;
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (tab instanceof vscode.TabInputCustom && tab.viewType === VIEW.har) return tab.uri;
  return s.prompter.openDialog(title, { 'HAR traces': ['har'], 'JSON': ['json'] });
}

/** `trace.har` → `trace.sanitized.har`, or `trace.sanitized-2.har`… when taken; never the input itself. */
export async function sanitizedName(input: vscode.Uri): Promise<vscode.Uri> {
  const dir = vscode.Uri.joinPath(input, '..');
  const base = (input.path.split('/').pop() ?? 'trace.har').replace(/\.(har|json)$/i, '');
  for (let i = 1; ; i++) {
    const candidate = vscode.Uri.joinPath(dir, `${base}.sanitized${i > 1 ? `-${i}` : ''}.har`);
    try {
      await vscode.workspace.fs.stat(candidate);
    } catch {
      return candidate;
    }
  }
}

/** `token ×3, cookie ×2` from the redaction counts. */
export function redactionText(redactions: Record<string, number>): string {
  const parts = Object.entries(redactions).filter(([, n]) => n > 0).map(([what, n]) => `${what} ×${n}`);
  return parts.length ? parts.join(', ') : 'nothing';
}

async function sanitize(s: Services, arg: unknown): Promise<{ uri: vscode.Uri; redactions: Record<string, number> } | undefined> {
  const input = await harTarget(s, arg, 'Sanitise HAR file');
  if (!input) return undefined;
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === input.toString());
  const text = open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(input));
  const { text: clean, redactions } = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Sanitising HAR…' }, () => sanitizeHar(text, { mode: 'pseudonym' }));
  const out = await sanitizedName(input);
  await vscode.workspace.fs.writeFile(out, new TextEncoder().encode(clean));
  const shown = s.prompter.confirm(`Sanitised HAR written to ${out.path.split('/').pop()}. Redacted: ${redactionText(redactions)}.`, ['Open']).then(async (choice) => {
    if (choice === 'Open') await vscode.commands.executeCommand('vscode.openWith', out, VIEW.har);
  });
  if (s.prompter.testMode) await shown;
  return { uri: out, redactions };
}

/** Registers the HAR commands. */
export function registerHarCommands(s: Services): vscode.Disposable[] {
  return [
    registerCommand(CMD.analyzeHarFile, async (arg?: unknown) => {
      const uri = await harTarget(s, arg, 'Analyse HAR file');
      if (uri) await vscode.commands.executeCommand('vscode.openWith', uri, VIEW.har);
      return uri;
    }),
    registerCommand(CMD.sanitizeHar, (arg?: unknown) => sanitize(s, arg)),
  ];
}
