import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, activateApi } from './helpers';

suite('activation', () => {
  test('the extension is installed from the development path and activates with its test API', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension "${EXTENSION_ID}" not found`);
    const api = await activateApi();
    assert.equal(ext.isActive, true);
    assert.equal(typeof api.lastReport, 'function');
  });
});
