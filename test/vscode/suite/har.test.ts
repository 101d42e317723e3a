import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { scanText } from '../../../src/core/index';
import type { FtnTestApi } from '../../../src/vscode/testApi';
import { activateApi, closeAll, fixtureUri, importDemoEncKey, waitFor } from './helpers';

suite('HAR custom editor and sanitising', () => {
  let api: FtnTestApi;
  const har = () => fixtureUri('ftn-login.har');
  suiteSetup(async () => {
    api = await activateApi();
    await api.clearKeys();
    await importDemoEncKey(api);
  });
  setup(async () => { await closeAll(); api.reset(); });
  suiteTeardown(async () => { await api.clearKeys(); await closeAll(); });

  test('ftn-login.har opens in the HAR editor, whose webview receives the analysed trace with the ID token decrypted', async () => {
    await vscode.commands.executeCommand('vscode.openWith', har(), 'ftnInspector.harEditor');
    const posted = await waitFor(() => api.lastReport('har'), 'HAR report');
    const r = posted.report;
    assert.equal(posted.title, 'ftn-login.har');
    assert.equal(r.source?.kind, 'har');
    assert.ok((r.entries?.length ?? 0) > 0 && (r.flows?.length ?? 0) === 1, 'entries and one flow');
    const idt = r.tokens.find((t) => t.kind === 'id_token');
    assert.equal(idt?.decryption?.status, 'decrypted');
    assert.equal(idt?.nested?.payload?.aud, 'demo-client');
    assert.deepEqual(idt?.location.har && [idt.location.har.part, idt.location.har.field, idt.location.har.name], ['response', 'json', '$.id_token']);
    // progress while analysing (from 0, then characters read, from the core's onProgress), then the report
    const har_ = api.posted().filter((p) => p.view === 'har').map((p) => p.message);
    const firstReport = har_.findIndex((m) => m.type === 'report');
    const before = har_.slice(0, firstReport);
    assert.ok(before.length >= 2 && before.every((m) => m.type === 'progress'), before.map((m) => m.type).join());
    const size = readFileSync(har().fsPath, 'utf8').length;
    assert.ok(before.some((m) => m.type === 'progress' && m.done > 0 && m.total === size), 'progress with characters read');
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    assert.ok(tab instanceof vscode.TabInputCustom && tab.viewType === 'ftnInspector.harEditor');
  });

  test('Analyse HAR File opens the picked trace in the HAR editor', async () => {
    api.answer(har().toString());
    const uri = await vscode.commands.executeCommand<vscode.Uri>('ftnInspector.analyzeHarFile');
    assert.equal(uri.toString(), har().toString());
    assert.deepEqual(api.prompts().map((p) => `${p.kind}:${p.title}`), ['open:Analyse HAR file']);
    const tab = await waitFor(() => vscode.window.tabGroups.activeTabGroup.activeTab?.input, 'the HAR editor tab');
    assert.ok(tab instanceof vscode.TabInputCustom && tab.viewType === 'ftnInspector.harEditor');
  });

  test('reveal opens the HAR as text with the token selected', async () => {
    await vscode.commands.executeCommand('vscode.openWith', har(), 'ftnInspector.harEditor');
    const r = (await waitFor(() => api.lastReport('har'), 'HAR report')).report;
    const index = r.tokens.findIndex((t) => t.kind === 'id_token');
    await api.receive('har', { type: 'reveal', token: index });
    const editor = await waitFor(() => vscode.window.activeTextEditor?.document.uri.path.endsWith('.har') ? vscode.window.activeTextEditor : undefined, 'HAR text editor');
    assert.equal(editor.document.getText(editor.selection), r.tokens[index].raw);
  });

  test('an edit to the document re-analyses the trace (debounced)', async () => {
    await vscode.commands.executeCommand('vscode.openWith', har(), 'ftnInspector.harEditor');
    const first = (await waitFor(() => api.lastReport('har'), 'HAR report')).report;
    const idt = first.tokens.find((t) => t.kind === 'id_token')!;
    const doc = await vscode.workspace.openTextDocument(har());
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(idt.location.offset), doc.positionAt(idt.location.offset + idt.location.length)), 'removed');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const again = await waitFor(() => {
      const r = api.lastReport('har');
      return r && r.report.tokens.length === first.tokens.length - 1 ? r : undefined;
    }, 'a re-analysed report without the ID token');
    assert.equal(again.report.tokens.some((t) => t.kind === 'id_token'), false);
    const undo = new vscode.WorkspaceEdit();
    undo.replace(doc.uri, new vscode.Range(doc.positionAt(idt.location.offset), doc.positionAt(idt.location.offset + 'removed'.length)), idt.raw);
    assert.ok(await vscode.workspace.applyEdit(undo));
  });

  test('sanitise writes <name>.sanitized.har beside the input, never overwrites, and the result has no tokens', async () => {
    const before = readFileSync(har().fsPath, 'utf8');
    const res = await vscode.commands.executeCommand<{ uri: vscode.Uri; redactions: Record<string, number> }>('ftnInspector.sanitizeHar', har());
    assert.equal(res.uri.toString(), fixtureUri('ftn-login.sanitized.har').toString());
    const clean = readFileSync(res.uri.fsPath, 'utf8');
    assert.deepEqual(scanText(clean), []);
    assert.ok(Object.values(res.redactions).reduce((a, b) => a + b, 0) > 0, JSON.stringify(res.redactions));
    assert.match(api.prompts().at(-1)!.title, /^Sanitised HAR written to ftn-login\.sanitized\.har\. Redacted: .+\.$/);
    assert.equal(readFileSync(har().fsPath, 'utf8'), before);
    const second = await vscode.commands.executeCommand<{ uri: vscode.Uri }>('ftnInspector.sanitizeHar', har());
    assert.equal(second.uri.toString(), fixtureUri('ftn-login.sanitized-2.har').toString());
  });

  test('the HAR editor export button sanitises through the same command', async () => {
    await vscode.commands.executeCommand('vscode.openWith', har(), 'ftnInspector.harEditor');
    await waitFor(() => api.lastReport('har'), 'HAR report');
    await api.receive('har', { type: 'exportHar', sanitize: true });
    assert.match(api.prompts().at(-1)!.title, /^Sanitised HAR written to ftn-login\.sanitized(-\d)?\.har\./);
  });
});
