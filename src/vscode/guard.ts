/** Command registration with one error policy: a failure shows its message (lowercase core messages, quoted). */
import * as vscode from 'vscode';
import { DISPLAY_NAME } from './constants';

/** Registers `id`; a thrown error becomes an error notification and still rejects executeCommand. */
export function registerCommand(id: string, run: (...args: any[]) => unknown): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await run(...args);
    } catch (e) {
      void vscode.window.showErrorMessage(`${DISPLAY_NAME}: ${e instanceof Error ? e.message : String(e)}`);
      throw e;
    }
  });
}
