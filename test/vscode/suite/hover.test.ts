import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FtnTestApi } from '../../../src/vscode/testApi';
import { activateApi, after, closeAll, fixtureUri, hoverText, importDemoEncKey, openFixture } from './helpers';

suite('hover', () => {
  let api: FtnTestApi;
  suiteSetup(async () => {
    api = await activateApi();
    await api.clearKeys();
  });
  suiteTeardown(async () => { await api.clearKeys(); await closeAll(); });

  test('a JWS client assertion in a .env file: kind, claims with human times, findings with rule IDs, command links', async () => {
    const { document: doc } = await openFixture('config.env');
    const text = await hoverText(doc.uri, after(doc, 'ASSERTION=', 20));
    assert.ok(text.includes('**JWS** · **client\\_assertion**'), text);
    assert.ok(text.includes('**Signature:** no\\-key'), text);
    assert.ok(text.includes('| iss | demo\\-client |'), text);
    assert.match(text, /\| exp \| 1793613000 \(2026\\-11\\-02 09\\:50\\:00Z, expired \d+ d ago\) \|/);
    assert.ok(text.includes('- $(error) `FTN-CA-EXP-PAST`'), text);
    assert.ok(text.includes('- $(info) `FTN-CA-TYP`'), text);
    assert.ok(text.includes('[Open in Inspector](command:ftnInspector.openInInspector?'), text);
    assert.ok(text.includes('[Copy claims](command:ftnInspector.copyClaims?'), text);
  });

  test('a JWE without a fitting key says so and offers the key import', async () => {
    const { document: doc } = await openFixture('config.env');
    const text = await hoverText(doc.uri, after(doc, 'ID_TOKEN=', 5));
    assert.ok(text.includes('**JWE** · **id\\_token**'), text);
    assert.ok(text.includes('**Decryption:** encrypted \\(no key\\) — [Import Private Key…](command:ftnInspector.importPrivateKey?'), text);
    assert.ok(text.includes('_Claims are encrypted._'), text);
    assert.ok(text.includes('`JWT-PAYLOAD-HIDDEN`'), text);
  });

  test('the JWE decrypts in the hover once the key is imported into SecretStorage', async () => {
    await importDemoEncKey(api);
    const { document: doc } = await openFixture('config.env');
    const text = await hoverText(doc.uri, after(doc, 'ID_TOKEN=', 5));
    assert.ok(text.includes('**JWE → JWS** · **id\\_token**'), text);
    assert.match(text, /\*\*Decryption:\*\* decrypted with key [A-Za-z0-9\\_-]{43,}/);
    assert.ok(text.includes('| nonce | n\\-0S6\\_WzA2Mj\\-demo\\-nonce\\-4f1c9a |'), text);
    assert.ok(text.includes('| aud | demo\\-client |'), text);
    assert.ok(text.includes('`FTN-IDT-EXP`'), text);
    assert.ok(!text.includes('JWT-PAYLOAD-HIDDEN'), text);
  });

  test('with the broker\'s public JWKS imported, the nested signature verifies in the hover', async () => {
    await importDemoEncKey(api);
    api.answer('From File…', fixtureUri('keys/broker-sig.public.jwks.json').toString());
    await vscode.commands.executeCommand('ftnInspector.importPublicKeys');
    const { document: doc } = await openFixture('config.env');
    const text = await hoverText(doc.uri, after(doc, 'ID_TOKEN=', 5));
    assert.match(text, /\*\*Signature:\*\* valid with key [A-Za-z0-9\\_-]{43,}/);
    assert.ok(!text.includes('JWT-SIG'), text);
  });

  test('no hover off a token, and none when hover is disabled', async () => {
    const { document: doc } = await openFixture('config.env');
    assert.equal(await hoverText(doc.uri, new vscode.Position(0, 3)), '');
    const notes = await openFixture('notes.md');
    assert.equal(await hoverText(notes.document.uri, after(notes.document, 'mentions e', 0)), '');
    const cfg = vscode.workspace.getConfiguration('ftnInspector');
    await cfg.update('hover.enabled', false, vscode.ConfigurationTarget.Global);
    try {
      assert.equal(await hoverText(doc.uri, after(doc, 'ASSERTION=', 20)), '');
    } finally {
      await cfg.update('hover.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('hover work is bounded by the line: a token in the middle of a 300 000-character line is still found', async () => {
    const token = new TextDecoder().decode(await vscode.workspace.fs.readFile(fixtureUri('config.env'))).match(/ASSERTION=(\S+)/)![1];
    const filler = 'x '.repeat(150_000);
    const doc = await vscode.workspace.openTextDocument({ content: `${filler}${token} ${filler}\nnext line` });
    const text = await hoverText(doc.uri, new vscode.Position(0, filler.length + 30));
    assert.ok(text.includes('**client\\_assertion**'), text.slice(0, 300));
    assert.equal(await hoverText(doc.uri, new vscode.Position(0, 10)), '');
  });
});
