/** Node extension host (desktop, remote, code-server): private files are written with mode 0600. */
import { chmod, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import * as vscode from 'vscode';

/** Writes key material; on a local file system the file is created (or narrowed) to owner read/write only. */
export async function writePrivateFile(uri: vscode.Uri, data: Uint8Array): Promise<{ restricted: boolean }> {
  if (uri.scheme !== 'file') {
    await vscode.workspace.fs.writeFile(uri, data);
    return { restricted: false };
  }
  await writeFile(uri.fsPath, data, { mode: 0o600 });
  // mode applies only when the file is created: narrow an existing file too.
  await chmod(uri.fsPath, 0o600);
  return { restricted: true };
}

/** The user's home folder: the default place offered for exported keys (never the workspace). */
export function homeFolder(): vscode.Uri | undefined {
  return vscode.Uri.file(homedir());
}
