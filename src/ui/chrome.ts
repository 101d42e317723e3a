/** The app's frame: title bar with summary and host actions, progress bar, error box, loaded keys list. */
import type { KeyDescription } from '../core/keys/key.types';
import type { Report } from '../core/types';
import type { CaptureState, FromUiMessage, UiCapabilities } from './protocol';
import { button, h } from './dom';

/** Title, summary counts and the actions the host supports; live-capture controls show `capture`, the host's state. */
export function renderBar(report: Report | null, title: string | undefined, caps: UiCapabilities, post: (m: FromUiMessage) => void,
  capture: CaptureState = { paused: false, preserve: false }): HTMLElement {
  const s = report?.summary;
  const actions = h('div.ftn-actions', { role: 'toolbar', 'aria-label': 'actions' });
  if (caps.importKey) actions.append(button('Import key…', () => post({ type: 'importKey' }), { 'data-action': 'import-key' }));
  if (caps.exportHar && report?.entries) {
    actions.append(button('Export sanitised HAR', () => post({ type: 'exportHar', sanitize: true }), { 'data-action': 'export-har' }));
  }
  if (caps.liveCapture) actions.append(...captureControls(capture, post));
  return h('header.ftn-bar', null,
    h('h1', null, title ?? (report?.source?.file ?? 'FTN Token Inspector')),
    s ? h('span.ftn-summary', { 'aria-label': 'summary' },
      h('span', null, `${s.tokens} token${s.tokens === 1 ? '' : 's'}`),
      h('span.ftn-sev.ftn-sev-error', null, `✖ ${s.errors}`),
      h('span.ftn-sev.ftn-sev-warning', null, `⚠ ${s.warnings}`),
      h('span.ftn-sev.ftn-sev-info', null, `ℹ ${s.info}`)) : null,
    actions);
}

/** Pause/Resume, Clear and "preserve log", drawn from the host's state; each posts the explicit action it shows. */
function captureControls(capture: CaptureState, post: (m: FromUiMessage) => void): Node[] {
  const pause = button(capture.paused ? 'Resume' : 'Pause', () => post({ type: 'capture', action: capture.paused ? 'resume' : 'pause' }),
    { 'data-action': 'pause', 'aria-pressed': String(capture.paused) });
  const preserve = h('input', { type: 'checkbox', 'data-action': 'preserve' });
  preserve.checked = capture.preserve;
  preserve.addEventListener('change', () => post({ type: 'capture', action: capture.preserve ? 'preserve-off' : 'preserve-on' }));
  const out: Node[] = [pause, button('Clear', () => post({ type: 'capture', action: 'clear' }), { 'data-action': 'clear' }), h('label', null, preserve, ' preserve log')];
  if (capture.dropped) out.push(h('span.ftn-muted', { 'data-capture': 'dropped' }, `${capture.dropped} oldest dropped`));
  return out;
}

/** A progress bar with its label. */
export function renderProgress(label: string, done: number, total: number): HTMLElement {
  const max = total > 0 ? total : 1;
  const bar = h('progress', { max, value: Math.min(Math.max(done, 0), max), 'aria-label': label });
  if (total <= 0) bar.removeAttribute('value');
  return h('div.ftn-progress', { role: 'status' }, h('span', null, `${label} `, total > 0 ? `${done} / ${total}` : ''), bar);
}

/** A visible error box. */
export function renderError(message: string): HTMLElement {
  return h('div.ftn-error-box', { role: 'alert' }, message);
}

/** The loaded keys: kid, type, size, use, thumbprint (a KeyDescription holds no private material). */
export function renderKeys(keys: readonly KeyDescription[]): HTMLElement {
  const box = h('details.ftn-keys', { 'data-keys': keys.length }, h('summary', null, `Keys (${keys.length})`));
  if (!keys.length) {
    box.append(h('p.ftn-muted', null, 'no keys loaded: tokens are decoded but not decrypted or verified'));
    return box;
  }
  const table = h('table.ftn-kv', { 'aria-label': 'loaded keys' },
    h('thead', null, h('tr', null, ...['kid', 'type', 'size', 'use', 'alg', 'thumbprint', 'holds', 'source'].map((c) => h('th', { scope: 'col' }, c)))));
  const body = h('tbody');
  for (const k of keys) {
    body.append(h('tr', { 'data-thumbprint': k.thumbprint },
      h('td', null, k.kid ?? '—'), h('td', null, k.kty + (k.crv ? ` ${k.crv}` : '')), h('td', null, k.size ? `${k.size} bits` : '—'),
      h('td', null, k.use ?? '—'), h('td', null, k.alg ?? '—'), h('td', null, h('code', null, k.thumbprint)),
      h('td', null, k.private ? 'private + public' : 'public'), h('td', null, k.source)));
  }
  table.append(body);
  box.append(table);
  return box;
}
