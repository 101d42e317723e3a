/** The `@env` webpack alias (src/env/node | src/env/browser): both implement this module. */
declare module '@env/platform' {
  import type { Uri } from 'vscode';
  /** Writes key material; restricted = the file is owner-only (0600). */
  export function writePrivateFile(uri: Uri, data: Uint8Array): Promise<{ restricted: boolean }>;
  /** Default folder for exported keys, when the host has one. */
  export function homeFolder(): Uri | undefined;
}
