/** The app's frame: title bar with summary and host actions, progress bar, error box, loaded keys list. */
import type { KeyDescription } from '../core/keys/key.types';
import type { Report } from '../core/types';
import type { FromUiMessage, UiCapabilities } from './protocol';
import { button, h } from './dom';

/** Title, summary counts and the actions the host supports. */
export function renderBar(report: Report | null, title: string | undefined, caps: UiCapabilities, post: (m: FromUiMessage) => void): HTMLElement {
  const s = report?.summary;
  const actions = h('div.ftn-actions', { role: 'toolbar', 'aria-label': 'actions' });
  if (caps.importKey) actions.append(button('Import key…', () => post({ type: 'importKey' }), { 'data-action': 'import-key' }));
  if (caps.exportHar && report?.entries) {
    actions.append(button('Export sanitised HAR', () => post({ type: 'exportHar', sanitize: true }), { 'data-action': 'export-har' }));
  }
  if (caps.liveCapture) {
    let paused = false;
    const pause = button('Pause', () => {
      paused = !paused;
      post({ type: 'capture', action: paused ? 'pause' : 'resume' });
      pause.textContent = paused ? 'Resume' : 'Pause';
      pause.setAttribute('aria-pressed', String(paused));
    }, { 'data-action': 'pause', 'aria-pressed': 'false' });
    const preserve = h('input', { type: 'checkbox', 'data-action': 'preserve' });
    preserve.addEventListener('change', () => post({ type: 'capture', action: preserve.checked ? 'preserve-on' : 'preserve-off' }));
    actions.append(pause, button('Clear', () => post({ type: 'capture', action: 'clear' }), { 'data-action': 'clear' }), h('label', null, preserve, ' preserve log'));
  }
  return h('header.ftn-bar', null,
    h('h1', null, title ?? (report?.source?.file ?? 'FTN Token Inspector')),
    s ? h('span.ftn-summary', { 'aria-label': 'summary' },
      h('span', null, `${s.tokens} token${s.tokens === 1 ? '' : 's'}`),
      h('span.ftn-sev.ftn-sev-error', null, `✖ ${s.errors}`),
      h('span.ftn-sev.ftn-sev-warning', null, `⚠ ${s.warnings}`),
      h('span.ftn-sev.ftn-sev-info', null, `ℹ ${s.info}`)) : null,
    actions);
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
