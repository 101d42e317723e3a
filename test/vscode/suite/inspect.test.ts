import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Report } from '../../../src/core/index';
import type { FtnTestApi } from '../../../src/vscode/testApi';
import { activateApi, after, closeAll, fixtureUri, importDemoEncKey, openFixture, waitFor } from './helpers';

suite('inspect commands and the inspector webview', () => {
  let api: FtnTestApi;
  suiteSetup(async () => {
    api = await activateApi();
    await api.clearKeys();
    await importDemoEncKey(api);
  });
  setup(() => api.reset());
  suiteTeardown(async () => { await api.clearKeys(); await closeAll(); });

  test('inspect token at cursor: the inspector receives a report with the decrypted ID token', async () => {
    const editor = await openFixture('config.env');
    const pos = after(editor.document, 'ID_TOKEN=', 10);
    editor.selection = new vscode.Selection(pos, pos);
    const report = await vscode.commands.executeCommand<Report>('ftnInspector.inspectAtCursor');
    assert.equal(report.tokens.length, 1);
    const posted = await waitFor(() => api.lastReport('inspector'), 'report posted to the inspector');
    assert.equal(posted.selected, 0);
    assert.equal(posted.title, 'Token in config.env');
    const t = posted.report.tokens[0];
    assert.deepEqual([t.format, t.kind, t.decryption?.status, t.nested?.format], ['JWE', 'id_token', 'decrypted', 'JWS']);
    assert.equal(t.nested?.payload?.aud, 'demo-client');
    assert.equal(t.location.offset, editor.document.offsetAt(after(editor.document, 'ID_TOKEN=')));
    // keys travel as descriptions only
    assert.deepEqual(Object.keys(posted.keys![0]).filter((k) => ['d', 'p', 'q', 'jwk'].includes(k)), []);
    assert.equal(JSON.stringify(api.posted()).includes('"d":'), false);
  });

  test('inspect a selection: every token in it, offsets relative to the selection', async () => {
    const editor = await openFixture('config.env');
    editor.selection = new vscode.Selection(1, 0, 3, 0);
    const report = await vscode.commands.executeCommand<Report>('ftnInspector.inspectAtCursor');
    assert.deepEqual(report.tokens.map((t) => t.kind), ['client_assertion', 'id_token']);
    assert.equal(report.tokens[0].location.offset, 'ASSERTION='.length);
  });

  test('renderer messages: copy writes the clipboard, reveal selects the token, off-protocol messages are ignored', async () => {
    const editor = await openFixture('config.env');
    const pos = after(editor.document, 'ASSERTION=', 3);
    editor.selection = new vscode.Selection(pos, pos);
    await vscode.commands.executeCommand('ftnInspector.inspectAtCursor');
    await api.receive('inspector', { type: 'copy', text: 'copied-by-the-renderer', label: 'claims' });
    assert.equal(await vscode.env.clipboard.readText(), 'copied-by-the-renderer');
    await api.receive('inspector', { type: 'copy', text: 42 });
    await api.receive('inspector', { type: 'reveal', token: -1 });
    await api.receive('inspector', { type: 'evil', token: 0 });
    assert.equal(await vscode.env.clipboard.readText(), 'copied-by-the-renderer');
    await openFixture('notes.md');
    await api.receive('inspector', { type: 'reveal', token: 0 });
    const active = await waitFor(() => vscode.window.activeTextEditor?.document.uri.path.endsWith('config.env') ? vscode.window.activeTextEditor : undefined, 'revealed editor');
    assert.equal(active.document.uri.toString(), fixtureUri('config.env').toString());
    assert.equal(active.document.getText(active.selection), active.document.lineAt(1).text.slice('ASSERTION='.length));
  });

  test('openRule from the renderer opens docs/rules.md at the rule heading; anything not a rule ID is ignored', async () => {
    const { document: doc } = await openFixture('config.env');
    await vscode.commands.executeCommand('ftnInspector.openInInspector', { uri: doc.uri.toString(), offset: doc.offsetAt(after(doc, 'ASSERTION=')) });
    await api.receive('inspector', { type: 'openRule', rule: '../../package' });
    assert.ok(!vscode.window.activeTextEditor?.document.uri.path.endsWith('.md'));
    await api.receive('inspector', { type: 'openRule', rule: 'FTN-CA-EXP-PAST' });
    const editor = await waitFor(() => vscode.window.activeTextEditor?.document.uri.path.endsWith('/docs/rules.md') ? vscode.window.activeTextEditor : undefined, 'rules.md');
    assert.equal(editor.document.lineAt(editor.selection.active.line).text, '### FTN-CA-EXP-PAST');
  });

  test('inspect clipboard and pasted text (HAR text is analysed as a HAR)', async () => {
    const assertion = (await openFixture('config.env')).document.lineAt(1).text.slice('ASSERTION='.length);
    await vscode.env.clipboard.writeText(`log line ${assertion} end`);
    const fromClipboard = await vscode.commands.executeCommand<Report>('ftnInspector.inspectClipboard');
    assert.deepEqual(fromClipboard.tokens.map((t) => [t.kind, t.location.offset]), [['client_assertion', 'log line '.length]]);
    assert.equal(api.lastReport('inspector')?.title, 'Tokens from the clipboard');
    const har = new TextDecoder().decode(await vscode.workspace.fs.readFile(fixtureUri('ftn-login.har')));
    api.answer(har);
    const pasted = await vscode.commands.executeCommand<Report>('ftnInspector.inspectPasted');
    assert.equal(pasted.source?.kind, 'har');
    assert.ok(pasted.tokens.some((t) => t.kind === 'id_token' && t.decryption?.status === 'decrypted'));
    api.answer('no tokens here');
    const none = await vscode.commands.executeCommand<Report>('ftnInspector.inspectPasted');
    assert.equal(none.tokens.length, 0);
    assert.equal(api.lastReport('inspector')?.report.source?.kind, 'har');
  });

  test('hover command links: open in inspector and copy claims', async () => {
    const { document: doc } = await openFixture('config.env');
    const args = { uri: doc.uri.toString(), offset: doc.offsetAt(after(doc, 'ID_TOKEN=')) };
    const report = await vscode.commands.executeCommand<Report>('ftnInspector.openInInspector', args);
    assert.equal(report.tokens[0].decryption?.status, 'decrypted');
    const claims = await vscode.commands.executeCommand<string>('ftnInspector.copyClaims', args);
    assert.equal(JSON.parse(claims).nonce, 'n-0S6_WzA2Mj-demo-nonce-4f1c9a');
    assert.equal(await vscode.env.clipboard.readText(), claims);
  });

  test('the inspector re-analyses when keys change', async () => {
    const { document: doc } = await openFixture('config.env');
    await vscode.commands.executeCommand('ftnInspector.openInInspector', { uri: doc.uri.toString(), offset: doc.offsetAt(after(doc, 'ID_TOKEN=')) });
    api.reset();
    await api.clearKeys();
    const r = await waitFor(() => api.lastReport('inspector'), 're-posted report');
    assert.equal(r.report.tokens[0].decryption?.status, 'no-key');
    await importDemoEncKey(api);
  });

  test('a restored inspector (after a reload) re-analyses its source file; pasted text is never persisted', async () => {
    const { document: doc } = await openFixture('config.env');
    await vscode.commands.executeCommand('ftnInspector.openInInspector', { uri: doc.uri.toString(), offset: doc.offsetAt(after(doc, 'ID_TOKEN=')) });
    await closeAll();
    api.reset();
    const panel = vscode.window.createWebviewPanel('ftnInspector.inspector', 'restored', vscode.ViewColumn.One, {});
    await api.reviveInspector(panel);
    const r = await waitFor(() => api.lastReport('inspector'), 'report of the restored panel');
    assert.equal(r.title, 'Token in config.env');
    assert.equal(r.report.tokens[0].decryption?.status, 'decrypted');
    assert.match(panel.webview.html, /Content-Security-Policy/);
    // pasted text: a restored panel has nothing to show but an explanation
    api.answer('eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.');
    await vscode.commands.executeCommand('ftnInspector.inspectPasted');
    panel.dispose();
    api.reset();
    const again = vscode.window.createWebviewPanel('ftnInspector.inspector', 'restored', vscode.ViewColumn.One, {});
    await api.reviveInspector(again);
    assert.deepEqual(api.posted().map((p) => p.message.type), ['error']);
    again.dispose();
  });
});
