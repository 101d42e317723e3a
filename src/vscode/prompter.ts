/**
 * Every question the extension asks goes through the Prompter: quick picks, input boxes, file dialogs and
 * confirmations. In ExtensionMode.Test the in-host suite queues the answers (FtnTestApi.answer) instead of
 * faking `vscode`; an unanswered prompt in test mode cancels rather than blocking the run.
 */
import * as vscode from 'vscode';
import type { PromptRecord } from './testApi';

/** Quick pick item with a value. */
export interface PickItem<T> extends vscode.QuickPickItem {
  value: T;
}

/** Asks the user; answers come from the queue in test mode. */
export class Prompter {
  readonly #queue: Array<string | undefined> = [];
  readonly records: PromptRecord[] = [];

  /** `testMode`: take answers from the queue, never show UI. */
  constructor(readonly testMode: boolean) {}

  /** Queues answers (test mode). */
  answer(...answers: Array<string | undefined>): void {
    this.#queue.push(...answers);
  }

  /** Drops queued answers and records. */
  reset(): void {
    this.#queue.length = 0;
    this.records.length = 0;
  }

  #next(record: PromptRecord): string | undefined {
    this.records.push(record);
    return this.#queue.shift();
  }

  /** One item of `items`, or undefined when cancelled. */
  async pick<T>(items: PickItem<T>[], title: string, placeHolder?: string): Promise<PickItem<T> | undefined> {
    if (this.testMode) {
      const a = this.#next({ kind: 'quickPick', title, items: items.map((i) => i.label) });
      if (a === undefined) return undefined;
      const hit = items.find((i) => i.label === a) ?? items.find((i) => i.label.includes(a));
      if (!hit) throw new Error(`test answer ${JSON.stringify(a)} matches no item of "${title}"`);
      return hit;
    }
    return vscode.window.showQuickPick(items, { title, placeHolder, ignoreFocusOut: true, matchOnDescription: true, matchOnDetail: true });
  }

  /** Text typed by the user, or undefined when cancelled. `password` hides what is typed. */
  async input(title: string, opts: { prompt?: string; password?: boolean; placeHolder?: string; validate?: (v: string) => string | undefined } = {}): Promise<string | undefined> {
    if (this.testMode) {
      const a = this.#next({ kind: 'inputBox', title, password: opts.password === true });
      const problem = a === undefined ? undefined : opts.validate?.(a);
      if (problem) throw new Error(`test answer rejected by "${title}": ${problem}`);
      return a;
    }
    return vscode.window.showInputBox({
      title, prompt: opts.prompt, password: opts.password, placeHolder: opts.placeHolder, ignoreFocusOut: true,
      validateInput: opts.validate ? (v) => opts.validate!(v) : undefined,
    });
  }

  /** A file to write, or undefined when cancelled. */
  async saveDialog(title: string, defaultUri: vscode.Uri | undefined, filters: Record<string, string[]>): Promise<vscode.Uri | undefined> {
    if (this.testMode) {
      const a = this.#next({ kind: 'save', title });
      return a === undefined ? undefined : vscode.Uri.parse(a);
    }
    return vscode.window.showSaveDialog({ title, defaultUri, filters, saveLabel: 'Save' });
  }

  /** A file to read, or undefined when cancelled. */
  async openDialog(title: string, filters: Record<string, string[]>): Promise<vscode.Uri | undefined> {
    if (this.testMode) {
      const a = this.#next({ kind: 'open', title });
      return a === undefined ? undefined : vscode.Uri.parse(a);
    }
    const picked = await vscode.window.showOpenDialog({ title, filters, canSelectMany: false, openLabel: 'Open' });
    return picked?.[0];
  }

  /** A button of a warning (modal) or information message; undefined when dismissed. */
  async confirm(message: string, buttons: string[], opts: { modal?: boolean; detail?: string; warning?: boolean } = {}): Promise<string | undefined> {
    if (this.testMode) {
      const a = this.#next({ kind: 'confirm', title: message, items: buttons });
      if (a !== undefined && !buttons.includes(a)) throw new Error(`test answer ${JSON.stringify(a)} is no button of "${message}"`);
      return a;
    }
    const show = opts.warning ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    return show(message, { modal: opts.modal === true, detail: opts.detail }, ...buttons);
  }
}
