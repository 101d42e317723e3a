/**
 * The one renderer: mountApp() draws whatever Report it receives (trace view with flows for HARs, token
 * inspector for text) and talks to its host only through the typed protocol and injected capabilities.
 */
import type { KeyDescription } from '../core/keys/key.types';
import type { Report } from '../core/types';
import type { CaptureState, FromUiMessage, ToUiMessage, UiCapabilities } from './protocol';
import { isToUiMessage } from './protocol';
import { renderBar, renderError, renderKeys, renderProgress } from './chrome';
import { h } from './dom';
import { renderMain } from './layout';
import { restoreState, type UiState } from './state';

/** What a host gives the renderer. */
export interface UiHost {
  post(msg: FromUiMessage): void;
  capabilities: UiCapabilities;
  getState(): unknown;
  setState(state: unknown): void;
}

/** Test and host hooks. `now` is the wall clock in epoch seconds (default Date.now). */
export interface MountOptions {
  now?: () => number;
}

/** The mounted app. */
export interface MountedApp {
  receive(msg: ToUiMessage): void;
  dispose(): void;
}

/** Copies only the capture fields out of an (already validated) message. */
const captureOf = (c: CaptureState): CaptureState => ({ paused: c.paused, preserve: c.preserve, ...(c.dropped ? { dropped: c.dropped } : {}) });

/** Mounts the renderer in `root`, restores persisted state and posts `ready`. */
export function mountApp(root: HTMLElement, host: UiHost, options: MountOptions = {}): MountedApp {
  const state: UiState = restoreState(host.getState());
  const now = options.now ?? ((): number => Math.floor(Date.now() / 1000));
  let report: Report | null = null;
  let title: string | undefined;
  let keys: KeyDescription[] | null = null;
  /** The host's live-capture state as last reported (updated at once on a click, until the host answers). */
  let capture: CaptureState = { paused: false, preserve: false };
  const bar = h('div.ftn-bar-slot');
  const progress = h('div.ftn-progress-slot');
  const error = h('div.ftn-error-slot');
  const keysSlot = h('div.ftn-keys-slot');
  const main = h('main.ftn-main', { 'aria-live': 'off' }, h('p.ftn-muted.ftn-empty', null, 'waiting for a report…'));
  const app = h('div.ftn-app', null, bar, progress, error, keysSlot, main);
  root.replaceChildren(app);

  const save = (): void => host.setState({ ...state });
  const post = (m: FromUiMessage): void => host.post(m);
  const drawBar = (): void => {
    // A redraw must not throw keyboard users out of the bar: refocus the control that had focus.
    const focused = bar.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset.action : undefined;
    bar.replaceChildren(renderBar(report, title, host.capabilities, postBar, capture));
    if (focused) bar.querySelector<HTMLElement>(`[data-action="${focused}"]`)?.focus();
  };
  const postBar = (m: FromUiMessage): void => {
    if (m.type === 'capture' && m.action !== 'clear') {
      capture = m.action === 'pause' || m.action === 'resume'
        ? { ...capture, paused: m.action === 'pause' } : { ...capture, preserve: m.action === 'preserve-on' };
      drawBar();
    }
    post(m);
  };
  const drawMain = (): void => {
    if (!report) return;
    const hadFocus = main.contains(document.activeElement);
    try {
      main.replaceChildren(renderMain(report, { state, save, post, now, caps: host.capabilities }));
    } catch (e) {
      // A malformed report (the guard only checks its outline) must not leave a blank view.
      main.replaceChildren(renderError(`cannot render this report: ${e instanceof Error ? e.message : String(e)}`));
      return;
    }
    // A live update must not throw keyboard users out: put focus back on the selected row.
    if (hadFocus) main.querySelector<HTMLElement>('tr.ftn-row[aria-selected="true"], tr.ftn-row[tabindex="0"]')?.focus();
  };

  const receive = (msg: ToUiMessage): void => {
    if (!isToUiMessage(msg)) return;
    switch (msg.type) {
      case 'report':
        report = msg.report;
        title = msg.title;
        if (msg.capture) capture = captureOf(msg.capture);
        if (msg.keys) keys = msg.keys;
        if (typeof msg.selected === 'number') selectToken(msg.selected);
        clampSelection();
        progress.replaceChildren();
        error.replaceChildren();
        drawBar();
        if (keys) keysSlot.replaceChildren(renderKeys(keys));
        drawMain();
        break;
      case 'capture':
        capture = captureOf(msg);
        drawBar();
        break;
      case 'progress':
        progress.replaceChildren(msg.done >= msg.total && msg.total > 0 ? '' : renderProgress(msg.label, msg.done, msg.total));
        break;
      case 'keys':
        keys = msg.keys;
        keysSlot.replaceChildren(renderKeys(keys));
        break;
      case 'select':
        selectToken(msg.token);
        save();
        drawMain();
        break;
      case 'error':
        progress.replaceChildren();
        error.replaceChildren(renderError(msg.message));
        break;
    }
  };

  function selectToken(i: number): void {
    state.token = i;
    const entry = report?.tokens[i]?.location.har?.entry;
    if (entry !== undefined) state.entry = entry;
  }

  function clampSelection(): void {
    if (!report) return;
    if (state.token !== null && state.token >= report.tokens.length) state.token = null;
    if (state.entry !== null && !report.entries?.some((e) => e.entry === state.entry)) state.entry = null;
    if (state.token === null && report.tokens.length && !report.entries) state.token = 0;
  }

  drawBar();
  post({ type: 'ready' });
  return {
    receive,
    dispose(): void {
      root.replaceChildren();
    },
  };
}
