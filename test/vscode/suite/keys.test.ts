import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { KeyDescription } from '../../../src/core/index';
import type { FtnTestApi } from '../../../src/vscode/testApi';
import { activateApi, closeAll, fixtureUri, waitFor } from './helpers';

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

suite('key commands', () => {
  let api: FtnTestApi;
  let out = '';
  suiteSetup(async () => {
    api = await activateApi();
    out = mkdtempSync(join(tmpdir(), 'ftn-keys-'));
  });
  setup(async () => { api.reset(); await api.clearKeys(); });
  suiteTeardown(async () => {
    rmSync(out, { recursive: true, force: true });
    await api.clearKeys();
    await closeAll();
  });

  test('generate an FTN client key set: private keys in SecretStorage, public JWKS in an untitled JSON editor', async () => {
    api.answer('RSA 2048', 'FTN client key set', undefined);
    const made = await vscode.commands.executeCommand<KeyDescription[]>('ftnInspector.generateKeyPair');
    assert.deepEqual(made.map((k) => [k.kty, k.size, k.use, k.private]), [['RSA', 2048, 'sig', true], ['RSA', 2048, 'enc', true]]);
    assert.deepEqual((await api.storedPrivateThumbprints()).sort(), made.map((k) => k.thumbprint).sort());
    assert.deepEqual(api.keys().map((k) => k.thumbprint).sort(), made.map((k) => k.thumbprint).sort());
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.isUntitled, true);
    assert.equal(editor.document.languageId, 'json');
    const jwks = JSON.parse(editor.document.getText()) as { keys: Record<string, unknown>[] };
    assert.deepEqual(jwks.keys.map((k) => [k.kty, k.use, k.kid]), made.map((k) => ['RSA', k.use, k.kid]));
    for (const k of jwks.keys) for (const m of PRIVATE_MEMBERS) assert.equal(m in k, false, `public JWKS has private member "${m}"`);
    assert.deepEqual(api.prompts().map((p) => `${p.kind}:${p.title}`), [
      'quickPick:Generate key pair: algorithm', 'quickPick:Generate key pair: purpose', `confirm:${api.prompts()[2].title}`]);
    assert.deepEqual(api.prompts()[0].items, ['RSA 2048', 'RSA 3072', 'RSA 4096', 'EC P-256', 'EC P-384', 'EC P-521']);
    assert.deepEqual(api.prompts()[2].items, ['Export Private Key…']);
  });

  test('generate an EC P-256 encryption key and export it at once as PEM, mode 0600, after a modal warning', async () => {
    const target = join(out, 'enc.pem');
    api.answer('EC P-256', 'Encryption key', 'Export Private Key…', 'Export', 'PEM (PKCS#8)', vscode.Uri.file(target).toString());
    const [k] = await vscode.commands.executeCommand<KeyDescription[]>('ftnInspector.generateKeyPair');
    assert.deepEqual([k.kty, k.crv, k.use], ['EC', 'P-256', 'enc']);
    assert.match(readFileSync(target, 'utf8'), /^-----BEGIN PRIVATE KEY-----\n[A-Za-z0-9+/=\n]+-----END PRIVATE KEY-----\n?$/);
    assert.equal(statSync(target).mode & 0o777, 0o600);
    const warn = api.prompts().find((p) => p.kind === 'confirm' && p.title.startsWith('Export the PRIVATE key'));
    assert.deepEqual(warn?.items, ['Export']);
  });

  test('export refuses to write into the workspace silently: a second warning must be accepted', async () => {
    api.answer('EC P-256', 'Signing key', undefined);
    const [k] = await vscode.commands.executeCommand<KeyDescription[]>('ftnInspector.generateKeyPair');
    const inWorkspace = fixtureUri('exported.jwk.json');
    api.answer('Export', 'JWK (JSON)', inWorkspace.toString(), undefined);
    assert.equal(await vscode.commands.executeCommand('ftnInspector.exportPrivateKey', k.thumbprint), undefined);
    assert.equal(existsSync(inWorkspace.fsPath), false);
    assert.match(api.prompts().at(-1)!.title, /is inside the workspace, where it could be committed/);
    api.answer('Export', 'JWK (JSON)', inWorkspace.toString(), 'Write Anyway');
    await vscode.commands.executeCommand('ftnInspector.exportPrivateKey', k.thumbprint);
    const jwk = JSON.parse(readFileSync(inWorkspace.fsPath, 'utf8'));
    assert.equal(jwk.kid, k.kid);
    assert.equal(typeof jwk.d, 'string');
    assert.equal(statSync(inWorkspace.fsPath).mode & 0o777, 0o600);
  });

  test('import a passphrase-protected PKCS#8 key: the passphrase is asked with a password box, retried when wrong', async () => {
    api.answer('From File…', fixtureUri('keys/rsa.encrypted.pem').toString(), 'not-it', 'demo-passphrase');
    const [k] = await vscode.commands.executeCommand<KeyDescription[]>('ftnInspector.importPrivateKey');
    assert.deepEqual([k.kty, k.size, k.private], ['RSA', 2048, true]);
    assert.match(k.source, /^encrypted PKCS#8/);
    const asked = api.prompts().filter((p) => p.kind === 'inputBox');
    assert.deepEqual(asked.map((p) => [p.title, p.password]), [
      ['Passphrase of the encrypted private key', true], ['Passphrase of the encrypted private key', true]]);
    assert.deepEqual(await api.storedPrivateThumbprints(), [k.thumbprint]);
  });

  test('import a pasted PEM whose line breaks the input box turned into spaces', async () => {
    const pem = readFileSync(join(process.env.FTN_FIXTURE_ROOT!, 'keys/rsa.pkcs8.pem'), 'utf8').replace(/\n/g, ' ');
    api.answer('Paste…', pem);
    const [k] = await vscode.commands.executeCommand<KeyDescription[]>('ftnInspector.importPrivateKey');
    assert.deepEqual([k.kty, k.private, k.source], ['RSA', true, 'PEM PKCS#8']);
    assert.equal(api.prompts()[1].password, true);
  });

  test('a public JWKS is refused as a private key and accepted for verification (globalState, not SecretStorage)', async () => {
    api.answer('From File…', fixtureUri('keys/broker-sig.public.jwks.json').toString());
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('ftnInspector.importPrivateKey')), /no private key in the input/);
    api.answer('From File…', fixtureUri('keys/broker-sig.public.jwks.json').toString());
    const keys = await vscode.commands.executeCommand<KeyDescription[]>('ftnInspector.importPublicKeys');
    assert.deepEqual(keys.map((k) => [k.kty, k.use, k.private]), [['RSA', 'sig', false]]);
    assert.deepEqual(await api.storedPrivateThumbprints(), []);
    assert.deepEqual(api.keys().map((k) => k.thumbprint), [keys[0].thumbprint]);
  });

  test('list/remove: the quick pick shows kid, type, size, use and thumbprint; remove asks first', async () => {
    api.answer('From File…', fixtureUri('keys/client-enc.private.jwk.json').toString());
    const [k] = await vscode.commands.executeCommand<KeyDescription[]>('ftnInspector.importPrivateKey');
    api.reset();
    api.answer(k.kid!, 'Remove', 'Remove');
    assert.equal(await vscode.commands.executeCommand('ftnInspector.manageKeys'), 'remove');
    assert.deepEqual(api.prompts()[0].items, [k.kid]);
    assert.deepEqual(api.keys(), []);
    assert.deepEqual(await api.storedPrivateThumbprints(), []);
    await waitFor(() => api.keys().length === 0 || undefined, 'ring emptied');
  });
});
