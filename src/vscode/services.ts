/** The objects the command modules share, created once in activate(). */
import type * as vscode from 'vscode';
import type { DocumentWatcher } from './documents';
import type { Inspector } from './inspector';
import type { KeyStore } from './keyStore';
import type { Prompter } from './prompter';

/** Shared services. */
export interface Services {
  context: vscode.ExtensionContext;
  keys: KeyStore;
  prompter: Prompter;
  inspector: Inspector;
  documents: DocumentWatcher;
}
