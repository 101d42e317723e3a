/**
 * PanelHost: the host side of the shared renderer in the DevTools panel. Owns the capture, the keys,
 * the settings and the debounced analysis; answers the renderer's messages; builds the host sections.
 */
import { getRule, type Report } from '../core/index';
import { isFromUiMessage, mountApp, type FromUiMessage, type MountedApp, type UiCapabilities } from '../ui/index';
import type { CaptureState } from '../ui/protocol';
import { Analyzer } from './analysis';
import { Capture, type NetworkApi } from './capture';
import { downloadText, exportHar, readHarFile, type HarExport } from './har-io';
import { PanelKeys } from './keys';
import { findToken, tokenKey } from './selection';
import { attachNetwork } from './network';
import { el, harSection, keySection, settingsSection } from './sections';
import { analyzeOptions, loadSettings, saveSettings, type PanelSettings } from './settings';
import type { StorageArea } from './storage';

/** What the panel runs on (the real chrome.* APIs, or stubs in tests). */
export interface PanelEnv {
  root: HTMLElement;
  sections: HTMLElement;
  storage: StorageArea;
  /** chrome.devtools.network; absent when panel.html is opened as a page (HAR files only). */
  network?: NetworkApi;
  download?: (text: string, filename: string) => void;
}

type CaptureAction = Extract<FromUiMessage, { type: 'capture' }>['action'];

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** Copies text; navigator.clipboard may be refused inside DevTools, so fall back to a selection copy. */
async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const t = el('textarea');
    t.value = text;
    document.body.append(t);
    t.select();
    document.execCommand('copy');
    t.remove();
  }
}

/** The running panel (also the test hook on window.__ftnPanel). */
export class PanelHost {
  readonly capture = new Capture(() => this.analyzer.schedule());
  readonly keys: PanelKeys;
  readonly analyzer: Analyzer;
  lastExport: HarExport | null = null;
  lastReport: Report | null = null;
  #settings!: PanelSettings;
  #app: MountedApp | undefined;
  #keysEl!: HTMLDetailsElement;
  #harEl!: HTMLDetailsElement;
  #ruleInfo = el('p', { class: 'ftn-host-rule', role: 'status', 'data-host': 'rule-info' });
  #state: unknown;
  /** The token the user selected: its identity (see selection.ts) and its index in the last report. */
  #selected: { key: string | undefined; index: number } | undefined;

  constructor(private readonly env: PanelEnv) {
    this.keys = new PanelKeys(env.storage, () => {
      this.#app?.receive({ type: 'keys', keys: this.keys.list() });
      this.analyzer.schedule();
    });
    this.analyzer = new Analyzer(
      () => ({ text: JSON.stringify(this.capture.toHar()), count: this.capture.entries.length }),
      () => ({ ...analyzeOptions(this.#settings), keys: this.keys.ring }),
      (report) => { this.lastReport = report; this.#showReport(); },
      (message) => this.#app?.receive({ type: 'error', message }));
  }

  /** Restores settings and keys, mounts the renderer, attaches the capture; resolves after the first analysis. */
  async start(): Promise<this> {
    this.#settings = await loadSettings(this.env.storage);
    this.#buildSections();
    const caps: UiCapabilities = { reveal: false, importKey: true, exportHar: true, copy: true, liveCapture: !!this.env.network };
    this.#app = mountApp(this.env.root, { post: (m) => this.#onMessage(m), capabilities: caps, getState: () => this.#state, setState: (s) => { this.#state = s; } });
    await this.keys.restore();
    this.#keysEl.querySelector<HTMLInputElement>('[data-host="persist-keys"]')!.checked = this.keys.persist;
    if (this.env.network) await attachNetwork(this.env.network, this.capture);
    await this.analyzer.now();
    return this;
  }

  #title(): string {
    const c = this.capture;
    return `${this.env.network ? 'Live capture' : 'HAR files'} · ${plural(c.entries.length, 'request', 'requests')}`
      + (c.paused ? ' · paused' : '');
  }

  #showReport(): void {
    if (!this.#app || !this.lastReport) return;
    // Re-select only when the token moved, so the renderer's own selection (say, an entry without tokens) stands.
    const found = this.#selected && findToken(this.lastReport, this.#selected.key);
    const moved = found !== undefined && found !== this.#selected?.index;
    if (moved) this.#selected!.index = found;
    this.#app.receive({ type: 'report', report: this.lastReport, title: this.#title(), keys: this.keys.list(), ...(moved ? { selected: found } : {}),
      ...(this.env.network ? { capture: this.#captureState() } : {}) });
  }

  /** The capture state the renderer draws its live-capture bar from. */
  #captureState(): CaptureState {
    const c = this.capture;
    return { paused: c.paused, preserve: c.preserve, ...(c.dropped ? { dropped: c.dropped } : {}) };
  }

  async #export(sanitize: boolean): Promise<string> {
    const out = await exportHar(this.capture.toHar(), sanitize);
    this.lastExport = out;
    (this.env.download ?? ((t: string, n: string) => downloadText(document, t, n)))(out.text, out.filename);
    const n = Object.values(out.redactions ?? {}).reduce((a, b) => a + b, 0);
    return sanitize ? `exported ${out.filename} (${plural(n, 'value', 'values')} redacted)` : `exported ${out.filename} (NOT sanitised)`;
  }

  #buildSections(): void {
    this.#keysEl = keySection({
      add: async (text, passphrase, name) => {
        const added = await this.keys.import(text, { passphrase, name });
        return `added ${plural(added.length, 'key', 'keys')}: ${added.map((k) => `${k.kid ?? k.thumbprint} (${k.private ? 'private' : 'public'})`).join(', ')}`;
      },
      clear: async () => { await this.keys.clear(); return 'all keys forgotten'; },
      persist: async (on) => {
        await this.keys.setPersist(on);
        return on ? 'keys are kept in this browser profile' : 'keys are kept in memory only; the stored copy is deleted';
      },
    }, false);
    this.#harEl = harSection({
      importFile: async (text, name) => {
        const entries = readHarFile(text, name);
        this.capture.addEntries(entries);
        return `imported ${plural(entries.length, 'entry', 'entries')} from "${name}"`;
      },
      exportUnsanitised: () => this.#export(false),
    });
    const settingsEl = settingsSection(this.#settings, async (next) => {
      this.#settings = next;
      await saveSettings(this.env.storage, next);
      this.analyzer.schedule();
    });
    this.env.sections.replaceChildren(this.#keysEl, settingsEl, this.#harEl, this.#ruleInfo);
  }

  #onMessage(m: FromUiMessage): void {
    if (!isFromUiMessage(m)) return;
    switch (m.type) {
      case 'ready': return this.#showReport();
      case 'copy': return void copyText(m.text);
      case 'selected':
        this.#selected = this.lastReport ? { key: tokenKey(this.lastReport, m.token), index: m.token } : undefined;
        return;
      case 'importKey':
        this.#keysEl.open = true;
        return this.#keysEl.querySelector<HTMLElement>('[data-host="key-text"]')?.focus();
      case 'exportHar':
        // Only the sanitised export is one click away; the unsanitised one needs the explicit confirmation.
        if (!m.sanitize) {
          this.#harEl.open = true;
          return this.#harEl.querySelector<HTMLElement>('[data-host="export-raw"]')?.click();
        }
        return void this.#export(true).catch((e: unknown) =>
          this.#app?.receive({ type: 'error', message: `export failed: ${e instanceof Error ? e.message : String(e)}` }));
      case 'capture': return this.#onCapture(m.action);
      case 'openRule': {
        // Explained in place: docs/rules.md is not part of the extension.
        const r = getRule(m.rule);
        this.#ruleInfo.textContent = r ? `${r.id} (${r.severity}): ${r.title} — ${r.source}${r.inference ? ' (inferred)' : ''}` : `unknown rule "${m.rule}"`;
        return;
      }
      default: return;
    }
  }

  #onCapture(action: CaptureAction): void {
    if (action === 'clear') return this.capture.clear();
    if (action === 'preserve-on' || action === 'preserve-off') {
      this.capture.preserve = action === 'preserve-on';
      return this.#app?.receive({ type: 'capture', ...this.#captureState() });
    }
    this.capture.paused = action === 'pause';
    // Re-send the report: its title says "paused", and it carries the new capture state.
    if (this.lastReport) this.#showReport();
    else this.#app?.receive({ type: 'capture', ...this.#captureState() });
  }
}
