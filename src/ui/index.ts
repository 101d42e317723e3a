/**
 * The shared renderer's public API: hosts (VS Code webview entry, DevTools panel) import from here only.
 * Styles: media/inspector.css (the host links it; the DevTools build copies it next to panel.html).
 */
import type { KeyDescription } from '../core/keys/key.types';
import type { Report } from '../core/types';
import { mountApp, type MountedApp, type MountOptions, type UiHost } from './app';
import type { UiCapabilities } from './protocol';

export { mountApp } from './app';
export type { MountedApp, MountOptions, UiHost } from './app';
export type { FromUiMessage, ToUiMessage, UiCapabilities } from './protocol';
export { isFromUiMessage, isToUiMessage } from './protocol';
export type { UiState } from './state';
export { defaultState, restoreState } from './state';

/** Capabilities of a host that supports nothing beyond display. */
export const NO_CAPABILITIES: UiCapabilities = Object.freeze({ reveal: false, importKey: false, exportHar: false, copy: false, liveCapture: false });

/**
 * Convenience for the DevTools panel: mounts the app in `root` with in-memory state and renders `report`.
 * `post` receives the renderer's messages (copy, selected, capture…); call `.receive()` for later updates.
 */
export function renderReportToElement(report: Report, root: HTMLElement, caps: UiCapabilities, post: UiHost['post'] = () => undefined, extra: { keys?: KeyDescription[]; title?: string; options?: MountOptions } = {}): MountedApp {
  let saved: unknown;
  const app = mountApp(root, { post, capabilities: caps, getState: () => saved, setState: (s) => { saved = s; } }, extra.options);
  app.receive({ type: 'report', report, keys: extra.keys, title: extra.title });
  return app;
}
