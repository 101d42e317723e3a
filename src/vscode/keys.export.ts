/** Exporting a private key: only on explicit request, after a modal warning, never silently into the workspace. */
import * as vscode from 'vscode';
import { homeFolder, writePrivateFile } from '@env/platform';
import { exportPem } from '../core/index';
import { keyItems } from './keys.items';
import type { Services } from './services';

/** Exports a private key (picked, or by thumbprint) as JWK or PKCS#8 PEM; the file gets mode 0600 where the fs allows. */
export async function exportPrivate(s: Services, thumbprint?: string): Promise<vscode.Uri | undefined> {
  const candidates = s.keys.list().filter((k) => k.private);
  if (!candidates.length) { void vscode.window.showInformationMessage('No private keys are stored.'); return undefined; }
  const key = thumbprint ? candidates.find((k) => k.thumbprint === thumbprint) : (await s.prompter.pick(keyItems(candidates), 'Export private key'))?.value;
  if (!key) return undefined;
  const ok = await s.prompter.confirm(`Export the PRIVATE key "${key.kid ?? key.thumbprint}" to a file?`, ['Export'],
    { modal: true, warning: true, detail: 'Anyone who has this file can decrypt your ID tokens or sign as your client. Keep it out of source control and delete it when done.' });
  if (ok !== 'Export') return undefined;
  const format = await s.prompter.pick<'jwk' | 'pem'>([
    { label: 'JWK (JSON)', value: 'jwk' }, { label: 'PEM (PKCS#8)', value: 'pem' },
  ], 'Export private key: format');
  if (!format) return undefined;
  const name = `${(key.kid ?? key.thumbprint).replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 60)}.private.${format.value === 'pem' ? 'pem' : 'jwk.json'}`;
  const home = homeFolder();
  const target = await s.prompter.saveDialog('Export private key', home ? vscode.Uri.joinPath(home, name) : undefined,
    format.value === 'pem' ? { 'PEM private key': ['pem'] } : { 'JWK': ['json'] });
  if (!target) return undefined;
  if (vscode.workspace.getWorkspaceFolder(target)) {
    const sure = await s.prompter.confirm(`"${vscode.workspace.asRelativePath(target)}" is inside the workspace, where it could be committed. Write the private key there anyway?`,
      ['Write Anyway'], { modal: true, warning: true });
    if (sure !== 'Write Anyway') return undefined;
  }
  const jwk = await s.keys.privateJwk(key.thumbprint);
  if (!jwk) throw new Error(`the private key "${key.kid ?? key.thumbprint}" is no longer in SecretStorage`);
  const text = format.value === 'pem' ? await exportPem(jwk, 'private') : `${JSON.stringify(jwk, null, 2)}\n`;
  const { restricted } = await writePrivateFile(target, new TextEncoder().encode(text));
  void vscode.window.showInformationMessage(`Private key written to ${target.scheme === 'file' ? target.fsPath : target.toString()}` +
    (restricted ? ' (permissions 0600).' : ' (file permissions could not be restricted on this file system; protect it yourself).'));
  return target;
}
