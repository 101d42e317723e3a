/**
 * Key commands: generate, import (private / public), list/remove, export. Private keys go to SecretStorage only;
 * the public JWKS opens in an untitled editor; a private key leaves only through an explicit, warned export.
 */
import * as vscode from 'vscode';
import { generateFtnClientKeySet, generateKeyPair, publicJwk, toJwks, type GeneratedKeyPair, type ImportedKey, type KeyDescription } from '../core/index';
import { CMD } from './constants';
import { registerCommand } from './guard';
import { exportPrivate } from './keys.export';
import { importWithPassphrase, readKeyInput } from './keys.input';
import { keyItems } from './keys.items';
import type { PickItem } from './prompter';
import type { Services } from './services';

type Algo = { kty: 'RSA'; size: 2048 | 3072 | 4096 } | { kty: 'EC'; crv: 'P-256' | 'P-384' | 'P-521' };
type Purpose = 'sig' | 'enc' | 'ftn';

const ALGOS: PickItem<Algo>[] = [
  { label: 'RSA 2048', description: 'FTN brokers\' common choice', value: { kty: 'RSA', size: 2048 } },
  { label: 'RSA 3072', value: { kty: 'RSA', size: 3072 } },
  { label: 'RSA 4096', value: { kty: 'RSA', size: 4096 } },
  { label: 'EC P-256', value: { kty: 'EC', crv: 'P-256' } },
  { label: 'EC P-384', value: { kty: 'EC', crv: 'P-384' } },
  { label: 'EC P-521', value: { kty: 'EC', crv: 'P-521' } },
];
const PURPOSES: PickItem<Purpose>[] = [
  { label: 'Signing key', description: 'use "sig": client_assertion, request objects', value: 'sig' },
  { label: 'Encryption key', description: 'use "enc": encrypted ID tokens, userinfo', value: 'enc' },
  { label: 'FTN client key set', description: 'one signing and one encryption key', value: 'ftn' },
];

const asImported = (p: GeneratedKeyPair): ImportedKey => ({ jwk: p.privateJwk, description: p.description });

async function generate(s: Services): Promise<KeyDescription[] | undefined> {
  const algo = await s.prompter.pick(ALGOS, 'Generate key pair: algorithm');
  if (!algo) return undefined;
  const purpose = await s.prompter.pick(PURPOSES, 'Generate key pair: purpose');
  if (!purpose) return undefined;
  const opts = algo.value.kty === 'RSA' ? { kty: 'RSA' as const, size: algo.value.size } : { kty: 'EC' as const, crv: algo.value.crv };
  const pairs = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Generating ${algo.label} key${purpose.value === 'ftn' ? 's' : ''}…` },
    async () => {
      if (purpose.value === 'ftn') { const set = await generateFtnClientKeySet(opts); return [set.sig, set.enc]; }
      return [await generateKeyPair({ ...opts, use: purpose.value })];
    });
  await s.keys.add(pairs.map(asImported));
  const jwks = toJwks(pairs.map((p) => p.publicJwk));
  const doc = await vscode.workspace.openTextDocument({ language: 'json', content: `${JSON.stringify(jwks, null, 2)}\n` });
  await vscode.window.showTextDocument(doc, { preview: false });
  const offer = s.prompter.confirm(`Generated ${pairs.length} key pair${pairs.length > 1 ? 's' : ''}; the private key${pairs.length > 1 ? 's are' : ' is'} stored in VS Code's SecretStorage. The editor shows the public JWKS to register with the broker.`,
    ['Export Private Key…']).then(async (choice) => {
    if (choice) for (const p of pairs) await exportPrivate(s, p.description.thumbprint);
  });
  // The notification stays until dismissed: do not hold the command on it (tests answer at once).
  if (s.prompter.testMode) await offer;
  return pairs.map((p) => p.description);
}

async function importPrivate(s: Services): Promise<KeyDescription[] | undefined> {
  const read = await readKeyInput(s, 'private key');
  if (!read) return undefined;
  const keys = await importWithPassphrase(s, read.input, read.name);
  if (!keys) return undefined;
  if (!keys.some((k) => k.description.private)) {
    throw new Error('no private key in the input: use "Import Public Keys / JWKS for Verification" for public keys');
  }
  await s.keys.add(keys);
  const names = keys.map((k) => k.description.kid ?? k.description.thumbprint.slice(0, 12)).join(', ');
  void vscode.window.showInformationMessage(`Imported ${keys.length} key${keys.length > 1 ? 's' : ''} (${names}); private keys are kept in SecretStorage.`);
  return keys.map((k) => k.description);
}

async function importPublic(s: Services): Promise<KeyDescription[] | undefined> {
  const read = await readKeyInput(s, 'public keys / JWKS');
  if (!read) return undefined;
  const keys = await importWithPassphrase(s, read.input, read.name);
  if (!keys) return undefined;
  // Verification needs the public half only: private members are dropped, never stored here.
  const pub = keys.map((k) => ({ jwk: publicJwk(k.jwk), description: { ...k.description, private: false } }));
  await s.keys.add(pub);
  void vscode.window.showInformationMessage(`Imported ${pub.length} public key${pub.length > 1 ? 's' : ''} for signature verification.`);
  return pub.map((k) => k.description);
}

async function manage(s: Services): Promise<string | undefined> {
  const keys = s.keys.list();
  if (!keys.length) { void vscode.window.showInformationMessage('No keys yet: generate or import one.'); return undefined; }
  const key = (await s.prompter.pick(keyItems(keys), `Keys (${keys.length})`, 'Pick a key to remove, export or copy its thumbprint'))?.value;
  if (!key) return undefined;
  const actions: PickItem<'remove' | 'export' | 'thumbprint'>[] = [
    { label: 'Remove', value: 'remove' },
    ...(key.private ? [{ label: 'Export Private Key…', value: 'export' as const }] : []),
    { label: 'Copy Thumbprint', value: 'thumbprint' },
  ];
  const action = await s.prompter.pick(actions, `Key ${key.kid ?? key.thumbprint}`);
  if (action?.value === 'thumbprint') { await vscode.env.clipboard.writeText(key.thumbprint); return 'thumbprint'; }
  if (action?.value === 'export') return (await exportPrivate(s, key.thumbprint)) ? 'export' : undefined;
  if (action?.value !== 'remove') return undefined;
  const sure = await s.prompter.confirm(`Remove the ${key.private ? 'private' : 'public'} key "${key.kid ?? key.thumbprint}"?`, ['Remove'], { modal: true, warning: true });
  if (sure !== 'Remove') return undefined;
  await s.keys.remove(key.thumbprint);
  return 'remove';
}

/** Registers the key commands. */
export function registerKeyCommands(s: Services): vscode.Disposable[] {
  return [
    registerCommand(CMD.generateKeyPair, () => generate(s)),
    registerCommand(CMD.importPrivateKey, () => importPrivate(s)),
    registerCommand(CMD.importPublicKeys, () => importPublic(s)),
    registerCommand(CMD.manageKeys, () => manage(s)),
    registerCommand(CMD.exportPrivateKey, (thumbprint?: unknown) => exportPrivate(s, typeof thumbprint === 'string' ? thumbprint : undefined)),
  ];
}
