import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FtnTestApi } from '../../../src/vscode/testApi';
import { activateApi, after, closeAll, importDemoEncKey, openFixture, ourDiagnostics, ruleOf, waitFor } from './helpers';

suite('diagnostics and inline markers', () => {
  let api: FtnTestApi;
  suiteSetup(async () => {
    api = await activateApi();
    await api.clearKeys();
  });
  suiteTeardown(async () => { await api.clearKeys(); await closeAll(); });

  test('error and warning findings appear in Problems on the token range, coded with the rule and its doc', async () => {
    const { document: doc } = await openFixture('config.env');
    const diags = await waitFor(() => { const d = ourDiagnostics(doc.uri); return d.length >= 4 ? d : undefined; }, 'diagnostics on config.env');
    assert.deepEqual(diags.map((d) => `${d.range.start.line}:${ruleOf(d)}:${d.severity}`).sort(),
      ['1:FTN-CA-EXP-PAST:0', '3:FTN-IDT-EXP:0', '3:FTN-IDT-IAT:1', '3:FTN-IDT-JWE:0']);
    const exp = diags.find((d) => ruleOf(d) === 'FTN-CA-EXP-PAST')!;
    const start = after(doc, 'ASSERTION=');
    assert.deepEqual([exp.range.start.line, exp.range.start.character], [start.line, start.character]);
    assert.equal(exp.range.end.character, doc.lineAt(1).text.length);
    const target = (exp.code as { target: vscode.Uri }).target;
    assert.ok(target.path.endsWith('/docs/rules.md'), target.toString());
    assert.equal(target.fragment, 'ftn-ca-exp-past');
    assert.equal(exp.source, 'FTN Token Inspector');
    assert.match(exp.message, /"exp"/);
  });

  test('a HAR opened as text is judged as a trace: its Problems agree with the HAR editor (no false "expired now")', async () => {
    const { document: doc } = await openFixture('ftn-login.har');
    // As plain text this trace gives 8 errors (every token judged at the wall clock, without its request context).
    const markers = await waitFor(() => { const m = api.markers(doc.uri.toString()); return m.length ? m : undefined; }, 'markers on ftn-login.har');
    assert.ok(markers.some((m) => m.startsWith('JWE · id_token')), markers.join(' | '));
    assert.deepEqual(ourDiagnostics(doc.uri).map((d) => ruleOf(d)), []);
  });

  test('markers: the JWE is marked by default, and decrypted after the key import', async () => {
    const { document: doc } = await openFixture('config.env');
    const uri = doc.uri.toString();
    // default mode jwe-and-expired: the JWE and the two expired JWSs
    const before = await waitFor(() => { const m = api.markers(uri); return m.length ? m : undefined; }, 'markers');
    assert.deepEqual(before, ['JWS · client_assertion · expired · 1 error', 'JWE · id_token · encrypted (no key)', 'JWS · id_token · expired · 2 errors · 1 warning']);
    await importDemoEncKey(api);
    const decrypted = await waitFor(() => { const m = api.markers(uri); return m[1]?.includes('decrypted') ? m : undefined; }, 'decrypted marker');
    assert.match(decrypted[1], /^JWE → JWS · id_token · decrypted · expired · \d+ errors?( · \d+ warnings?)?$/);
    // the decrypted claims are judged too: FTN-IDT-EXP of the nested token now shows on the JWE's line
    await waitFor(() => ourDiagnostics(doc.uri).some((d) => d.range.start.line === 2 && ruleOf(d) === 'FTN-IDT-EXP') || undefined, 'nested findings');
  });

  test('marker mode "all" marks every token, and markers can be switched off', async () => {
    const { document: doc } = await openFixture('tokens/mixed.log');
    const uri = doc.uri.toString();
    const cfg = vscode.workspace.getConfiguration('ftnInspector');
    await cfg.update('decorations.mode', 'all', vscode.ConfigurationTarget.Global);
    try {
      const all = await waitFor(() => { const m = api.markers(uri); return m.length === 3 ? m : undefined; }, 'three markers');
      assert.deepEqual(all.map((m) => m.replace(' → JWS', '').split(' · ').slice(0, 2).join(' · ')), ['JWS · client_assertion', 'JWS · request_object', 'JWE · id_token']);
      await cfg.update('decorations.enabled', false, vscode.ConfigurationTarget.Global);
      await waitFor(() => api.markers(uri).length === 0 || undefined, 'no markers');
    } finally {
      await cfg.update('decorations.mode', undefined, vscode.ConfigurationTarget.Global);
      await cfg.update('decorations.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('debounced re-analysis on change; documents over maxDocumentSize are skipped; close clears', async () => {
    const doc = await vscode.workspace.openTextDocument({ content: 'nothing yet\n', language: 'plaintext' });
    const assertion = (await openFixture('config.env')).document.lineAt(1).text.slice('ASSERTION='.length);
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((e) => e.insert(new vscode.Position(1, 0), `token: ${assertion}\n`));
    const diags = await waitFor(() => { const d = ourDiagnostics(doc.uri); return d.length ? d : undefined; }, 'diagnostics after an edit');
    assert.deepEqual(diags.map(ruleOf), ['FTN-CA-EXP-PAST']);
    const cfg = vscode.workspace.getConfiguration('ftnInspector');
    await cfg.update('maxDocumentSize', 100, vscode.ConfigurationTarget.Global);
    try {
      await waitFor(() => ourDiagnostics(doc.uri).length === 0 || undefined, 'diagnostics cleared over the size limit');
    } finally {
      await cfg.update('maxDocumentSize', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(() => ourDiagnostics(doc.uri).length === 1 || undefined, 'diagnostics back under the limit');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor(() => ourDiagnostics(doc.uri).length === 0 || undefined, 'diagnostics cleared on close');
  });

  test('diagnostics can be switched off', async () => {
    const { document: doc } = await openFixture('tokens/mixed.log');
    await waitFor(() => ourDiagnostics(doc.uri).length > 0 || undefined, 'diagnostics on mixed.log');
    const cfg = vscode.workspace.getConfiguration('ftnInspector');
    await cfg.update('diagnostics.enabled', false, vscode.ConfigurationTarget.Global);
    try {
      await waitFor(() => ourDiagnostics(doc.uri).length === 0 || undefined, 'diagnostics off');
    } finally {
      await cfg.update('diagnostics.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
