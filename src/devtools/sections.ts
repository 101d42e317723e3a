/**
 * Host chrome of the panel that the shared renderer does not have: the key form, the settings form and
 * HAR file import / unsanitised export. DOM is built with createElement and textContent only.
 */
import type { PanelSettings } from './settings';
import { PROFILES, parseRuleList } from './settings';
import { PERSIST_WARNING } from './keys';

type Attrs = Record<string, string | boolean | number | undefined>;

/** createElement with attributes and text/element children (text is always set as text). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string | null)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null) e.append(c);
  return e;
}

/** What the key form does. */
export interface KeyHandlers {
  add(text: string, passphrase: string, name?: string): Promise<string>;
  clear(): Promise<string>;
  persist(on: boolean): Promise<string>;
}

/** Sets a status line; errors are marked for styling and screen readers. */
export function setStatus(status: HTMLElement, text: string, error = false): void {
  status.textContent = text;
  status.classList.toggle('ftn-host-error', error);
}

async function report(status: HTMLElement, job: () => Promise<string>): Promise<void> {
  try {
    setStatus(status, await job());
  } catch (e) {
    setStatus(status, e instanceof Error ? e.message : String(e), true);
  }
}

/** The key form: paste or load a key file, passphrase, add, forget, opt-in persistence with its warning. */
export function keySection(h: KeyHandlers, persisted: boolean): HTMLDetailsElement {
  const text = el('textarea', { 'data-host': 'key-text', rows: 4, spellcheck: 'false', autocomplete: 'off',
    'aria-label': 'key', placeholder: 'Paste a private key (JWK, JWKS, PEM) to decrypt, or a public JWKS to verify' });
  const pass = el('input', { type: 'password', 'data-host': 'passphrase', autocomplete: 'off', 'aria-label': 'passphrase', placeholder: 'passphrase (encrypted PKCS#8 only)' });
  const file = el('input', { type: 'file', 'data-host': 'key-file', 'aria-label': 'key file', accept: '.json,.jwk,.jwks,.pem,.key,.txt' });
  const status = el('p', { 'data-host': 'key-status', role: 'status', class: 'ftn-host-status' });
  const add = el('button', { type: 'button', 'data-host': 'add-key' }, 'Add key');
  const clear = el('button', { type: 'button', 'data-host': 'clear-keys' }, 'Forget all keys');
  const keep = el('input', { type: 'checkbox', 'data-host': 'persist-keys', checked: persisted });
  add.addEventListener('click', () => void report(status, async () => {
    const msg = await h.add(text.value, pass.value);
    text.value = '';
    pass.value = '';
    return msg;
  }));
  file.addEventListener('change', () => {
    const f = file.files?.[0];
    if (!f) return;
    // Reset the input either way, so choosing the same file again (say, after a wrong passphrase) fires "change".
    file.value = '';
    void report(status, async () => {
      const msg = await h.add(await f.text(), pass.value, f.name);
      pass.value = '';
      return msg;
    });
  });
  clear.addEventListener('click', () => void report(status, () => h.clear()));
  keep.addEventListener('change', () => void report(status, () => h.persist(keep.checked)));
  return el('details', { class: 'ftn-host-section', 'data-host': 'keys' },
    el('summary', {}, 'Load keys'),
    el('p', { class: 'ftn-host-note' }, 'Keys stay in this DevTools session only (memory) unless you choose to keep them. They are never sent anywhere.'),
    text, el('div', { class: 'ftn-host-row' }, pass, file, add, clear), status,
    el('label', { class: 'ftn-host-row' }, keep, ' Keep keys in this browser profile (chrome.storage.local)'),
    el('p', { class: 'ftn-host-warning', 'data-host': 'persist-warning' }, `⚠ ${PERSIST_WARNING}`));
}

/** The settings form: profile, clock skew, client_id, disabled rules; `save` gets the new settings. */
export function settingsSection(s: PanelSettings, save: (s: PanelSettings) => Promise<void>): HTMLDetailsElement {
  const profile = el('select', { 'data-host': 'profile', 'aria-label': 'profile' }, ...PROFILES.map((p) => el('option', { value: p }, p)));
  profile.value = s.profile;
  const skew = el('input', { type: 'number', min: 0, max: 3600, step: 1, 'data-host': 'skew', 'aria-label': 'clock skew (s)', value: s.skew });
  const clientId = el('input', { type: 'text', 'data-host': 'client-id', 'aria-label': 'client_id', spellcheck: 'false', value: s.clientId, placeholder: 'client_id' });
  const rules = el('input', { type: 'text', 'data-host': 'disabled-rules', 'aria-label': 'disabled rules', spellcheck: 'false',
    value: s.disabledRules.join(', '), placeholder: 'rule IDs, comma separated' });
  const status = el('p', { 'data-host': 'settings-status', role: 'status', class: 'ftn-host-status' });
  const apply = (): void => {
    const n = Number(skew.value);
    if (!Number.isInteger(n) || n < 0 || n > 3600) return setStatus(status, `"skew" must be a whole number of seconds from 0 to 3600, got "${skew.value}"`, true);
    const { rules: ids, unknown } = parseRuleList(rules.value);
    const next: PanelSettings = { profile: profile.value as PanelSettings['profile'], skew: n, clientId: clientId.value.trim(), disabledRules: ids };
    void save(next).then(
      () => setStatus(status, unknown.length ? `saved; unknown rule IDs ignored: ${unknown.join(', ')}` : 'saved', unknown.length > 0),
      (e: unknown) => setStatus(status, e instanceof Error ? e.message : String(e), true));
  };
  for (const c of [profile, skew, clientId, rules]) c.addEventListener('change', apply);
  const field = (label: string, c: HTMLElement): HTMLElement => el('label', { class: 'ftn-host-field' }, `${label} `, c);
  return el('details', { class: 'ftn-host-section', 'data-host': 'settings' },
    el('summary', {}, 'Settings'),
    el('div', { class: 'ftn-host-row' }, field('profile', profile), field('skew (s)', skew), field('client_id', clientId), field('disabled rules', rules)),
    status);
}

/** What the HAR section does. */
export interface HarHandlers {
  importFile(text: string, name: string): Promise<string>;
  exportUnsanitised(): Promise<string>;
}

/** HAR import, and the unsanitised export behind an explicit confirmation step. */
export function harSection(h: HarHandlers): HTMLDetailsElement {
  const file = el('input', { type: 'file', 'data-host': 'har-file', 'aria-label': 'HAR file', accept: '.har,.json' });
  const status = el('p', { 'data-host': 'har-status', role: 'status', class: 'ftn-host-status' });
  const ask = el('button', { type: 'button', 'data-host': 'export-raw' }, 'Export unsanitised HAR…');
  const yes = el('button', { type: 'button', 'data-host': 'export-raw-confirm', class: 'ftn-host-danger' }, 'Export with tokens and personal data');
  const no = el('button', { type: 'button', 'data-host': 'export-raw-cancel' }, 'Cancel');
  const confirm = el('div', { class: 'ftn-host-confirm', 'data-host': 'export-raw-dialog', role: 'alertdialog', 'aria-label': 'confirm unsanitised export' },
    el('p', { class: 'ftn-host-warning' }, '⚠ The unsanitised HAR holds every token, authorization code, cookie and personal identity code of the capture. Share it with no one.'),
    yes, no);
  confirm.hidden = true;
  file.addEventListener('change', () => {
    const f = file.files?.[0];
    if (!f) return;
    file.value = '';
    void report(status, () => f.text().then((text) => h.importFile(text, f.name)));
  });
  ask.addEventListener('click', () => { confirm.hidden = false; yes.focus(); });
  no.addEventListener('click', () => { confirm.hidden = true; ask.focus(); });
  yes.addEventListener('click', () => {
    confirm.hidden = true;
    void report(status, () => h.exportUnsanitised());
  });
  return el('details', { class: 'ftn-host-section', 'data-host': 'har' },
    el('summary', {}, 'HAR file'),
    el('div', { class: 'ftn-host-row' }, el('label', { class: 'ftn-host-field' }, 'Import HAR ', file), ask),
    el('p', { class: 'ftn-host-note' }, 'Use "Export sanitised HAR" in the bar above to share a trace: tokens, codes, secrets and personal identity codes are redacted.'),
    confirm, status);
}
