/** Shared fixtures and helpers of the UI browser suites: mount the app with a recording host, events, cleanup. */
import type { Report } from '../../src/core/types';
import { mountApp, type FromUiMessage, type MountedApp, type UiCapabilities } from '../../src/ui/index';
import sampleJson from '../fixtures/ui/report.sample.json';
import realJson from '../fixtures/ui/report.har.json';

/** The real pipeline's report of examples/ftn-login.har. */
export const real = realJson as unknown as Report;
export const sample = sampleJson as unknown as Report;
export const ALL: UiCapabilities = { reveal: true, importKey: true, exportHar: true, copy: true, liveCapture: true };
export const NONE: UiCapabilities = { reveal: false, importKey: false, exportHar: false, copy: false, liveCapture: false };
export const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
export const frame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => r()));

/** The sample as a text report (no HAR places, no entries). */
export function textReport(): Report {
  const r = clone(sample);
  delete r.entries;
  delete r.flows;
  r.source = { kind: 'text' };
  r.tokens.forEach((t, i) => { delete t.location.har; if (t.nested) delete t.nested.location.har; t.location.line = i + 1; });
  return r;
}

export interface Mounted { app: MountedApp; root: HTMLElement; posted: FromUiMessage[]; store: { s: unknown } }
export const mounted: Mounted[] = [];

export function mount(report: Report | null, caps = ALL, store: { s: unknown } = { s: undefined }, now = 1793613600 + 7200, selected?: number): Mounted {
  const root = document.createElement('div');
  document.getElementById('fixture')?.append(root);
  const posted: FromUiMessage[] = [];
  const app = mountApp(root, { post: (m) => posted.push(m), capabilities: caps, getState: () => store.s, setState: (s) => { store.s = clone(s); } }, { now: () => now });
  if (report) app.receive({ type: 'report', report, selected });
  const m = { app, root, posted, store };
  mounted.push(m);
  return m;
}

export const key = (el: Element, k: string): void => { el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true })); };
export const click = (el: Element): void => { el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true })); };
export const rows = (root: HTMLElement): string[] => Array.from(root.querySelectorAll<HTMLElement>('.ftn-trace tbody tr'), (r) => r.dataset.index ?? '');

/** Disposes and removes every app mounted by the current test. */
export function cleanup(): void {
  for (const m of mounted.splice(0)) { m.app.dispose(); m.root.remove(); }
}
