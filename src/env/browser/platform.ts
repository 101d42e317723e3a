/** Web extension host (VS Code for the web): no chmod; files go through vscode.workspace.fs. */
import * as vscode from 'vscode';

/** Writes key material through workspace.fs; the web cannot restrict file permissions (restricted: false). */
export async function writePrivateFile(uri: vscode.Uri, data: Uint8Array): Promise<{ restricted: boolean }> {
  await vscode.workspace.fs.writeFile(uri, data);
  return { restricted: false };
}

/** No home folder in the browser: the save dialog picks its own default. */
export function homeFolder(): vscode.Uri | undefined {
  return undefined;
}
