/**
 * What activate() returns in ExtensionMode.Test only: hooks for the in-host suite. Answers for quick picks,
 * input boxes and dialogs are injected here instead of faking `vscode`. Nothing here exposes private key material.
 */
import type { ToUiMessage } from '../ui/protocol';
import type { KeyDescription } from '../core/index';

/** One prompt the extension showed (recorded in test mode). */
export interface PromptRecord {
  kind: 'quickPick' | 'inputBox' | 'save' | 'open' | 'confirm';
  title: string;
  password?: boolean;
  /** Labels of the offered items (quick pick) or buttons (confirm). */
  items?: string[];
}

/** A message posted to a webview, with the panel it went to. */
export interface PostedMessage {
  view: 'inspector' | 'har';
  message: ToUiMessage;
}

/** The test hooks. */
export interface FtnTestApi {
  /** Queues answers for the next prompts: a pick's label, an input's text, a dialog's file URI, a button title; undefined cancels. */
  answer(...answers: Array<string | undefined>): void;
  /** Prompts shown so far (cleared by reset()). */
  prompts(): PromptRecord[];
  /** Every message posted to a webview so far (cleared by reset()). */
  posted(): PostedMessage[];
  /** The last `report` message posted to a webview. */
  lastReport(view?: PostedMessage['view']): Extract<ToUiMessage, { type: 'report' }> | undefined;
  /** Delivers a message to the newest webview of `view` as if its renderer had sent it. */
  receive(view: PostedMessage['view'], message: unknown): Promise<void>;
  /** Key descriptions in the in-memory ring. */
  keys(): KeyDescription[];
  /** Thumbprints of the private keys held in SecretStorage. */
  storedPrivateThumbprints(): Promise<string[]>;
  /** Removes every key (SecretStorage, globalState, ring). */
  clearKeys(): Promise<void>;
  /** Inline marker texts of a document (by URI string), from its last analysis. */
  markers(uri: string): string[];
  /** Runs the inspector's webview-panel serializer on `panel`, as VS Code does after a reload. */
  reviveInspector(panel: import('vscode').WebviewPanel): Promise<void>;
  /** Clears recorded prompts, posted messages and pending answers. */
  reset(): void;
}
