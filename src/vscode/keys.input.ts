/** Reading key material for import: a file or a paste, and the passphrase of an encrypted PKCS#8 key. */
import * as vscode from 'vscode';
import { KeyImportError, importKeys, type ImportedKey } from '../core/index';
import type { Services } from './services';

/** Reads key text from a file or a paste; undefined when cancelled. */
export async function readKeyInput(s: Services, what: string): Promise<{ input: string | Uint8Array; name?: string } | undefined> {
  const source = await s.prompter.pick<'file' | 'paste'>([
    { label: 'From File…', description: 'JWK, JWKS, PEM (PKCS#8, PKCS#1, SEC1, SPKI, certificate)', value: 'file' },
    { label: 'Paste…', description: 'JWK or JWKS JSON, or PEM text', value: 'paste' },
  ], `Import ${what}`);
  if (!source) return undefined;
  if (source.value === 'file') {
    const uri = await s.prompter.openDialog(`Import ${what}`, { 'Keys': ['json', 'jwk', 'jwks', 'pem', 'key', 'crt', 'cer', 'der'], 'All files': ['*'] });
    if (!uri) return undefined;
    return { input: await vscode.workspace.fs.readFile(uri), name: uri.path.split('/').pop() };
  }
  const text = await s.prompter.input(`Import ${what}: paste it`, { password: true, prompt: 'Not stored anywhere but SecretStorage (private keys) or global state (public keys).' });
  return text?.trim() ? { input: normalizePastedPem(text) } : undefined;
}

/** An input box turns a pasted PEM's line breaks into spaces: rebuild the lines so the PEM parser accepts it. */
export function normalizePastedPem(text: string): string {
  return text.replace(/-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g, (_m, label: string, body: string) =>
    `-----BEGIN ${label}-----\n${(body.replace(/\s+/g, '').match(/.{1,64}/g) ?? []).join('\n')}\n-----END ${label}-----`);
}

/** Imports keys, asking for the passphrase of an encrypted PKCS#8 key (used once, never stored; three tries). */
export async function importWithPassphrase(s: Services, input: string | Uint8Array, name?: string): Promise<ImportedKey[] | undefined> {
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
  let passphrase: string | undefined;
  for (let attempt = 0; ; attempt++) {
    if (text.includes('-----BEGIN ENCRYPTED PRIVATE KEY-----') && passphrase === undefined) {
      // Asked for, used once, never stored.
      passphrase = await s.prompter.input('Passphrase of the encrypted private key', { password: true, prompt: attempt ? 'Wrong passphrase; try again.' : undefined });
      if (passphrase === undefined) return undefined;
    }
    try {
      return await importKeys(input, { ...(passphrase !== undefined ? { passphrase } : {}), ...(name ? { name } : {}) });
    } catch (e) {
      if (e instanceof KeyImportError && /wrong passphrase/.test(e.message) && attempt < 2) { passphrase = undefined; continue; }
      throw e;
    }
  }
}
