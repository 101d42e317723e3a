/**
 * DOM helpers for the renderer. Token content is attacker-controlled: every string reaches the DOM as a
 * text node (via visible()), attributes go through a fixed allow-list, and no HTML parsing API is used.
 */

/** Characters that reorder or hide text (bidi controls, zero-width, BOM) and C0/C1 controls except tab/newline. */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** Attributes the renderer may set; `href` only through ruleLink(). */
const SAFE_ATTR = /^(class|id|role|tabindex|title|type|value|checked|disabled|placeholder|for|name|colspan|scope|max|min|aria-[a-z]+|data-[a-z-]+)$/;

/** Attributes a user reads (tooltips, labels): invisible characters in them are escaped too. */
const SHOWN_ATTR = new Set(['title', 'aria-label', 'placeholder']);

type Child = Node | string | number | null | undefined | false;

/** Escape used to show an invisible character, e.g. `\u202E`. */
export function escapeChar(c: string): string {
  return '\\u' + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
}

/** True when a string holds a bidi control, zero-width or other invisible character. */
export function hasInvisible(s: string): boolean {
  INVISIBLE.lastIndex = 0;
  const r = INVISIBLE.test(s);
  INVISIBLE.lastIndex = 0;
  return r;
}

/** The string with every invisible character replaced by its `\uXXXX` escape (for SVG text, options, titles). */
export function escapeInvisible(s: string): string {
  return s.replace(INVISIBLE, escapeChar);
}

/** Text as DOM nodes, with invisible characters shown as `\uXXXX` in a distinct `ftn-esc` span. */
export function visible(s: string): Node {
  if (!hasInvisible(s)) return document.createTextNode(s);
  const frag = document.createDocumentFragment();
  let last = 0;
  for (const m of s.matchAll(INVISIBLE)) {
    const i = m.index ?? 0;
    if (i > last) frag.append(document.createTextNode(s.slice(last, i)));
    const esc = document.createElement('span');
    esc.className = 'ftn-esc';
    esc.title = 'invisible character';
    esc.textContent = escapeChar(m[0]);
    frag.append(esc);
    last = i + m[0].length;
  }
  if (last < s.length) frag.append(document.createTextNode(s.slice(last)));
  return frag;
}

/** Creates an element: `h('td.num', { title: 'x' }, 'text', child)`; strings become safe text nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K | `${K}.${string}`, attrs?: Record<string, string | number | boolean | undefined> | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const [name, ...classes] = tag.split('.');
  const el = document.createElement(name as K);
  if (classes.length) el.className = classes.join(' ');
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === false) continue;
    if (!SAFE_ATTR.test(k)) throw new TypeError(`attribute "${k}" is not allowed`);
    if (k === 'class') el.className = [el.className, String(v)].filter(Boolean).join(' ');
    else el.setAttribute(k, v === true ? '' : SHOWN_ATTR.has(k) ? escapeInvisible(String(v)) : String(v));
  }
  append(el, ...children);
  return el;
}

/** Appends children; strings go through visible(). */
export function append(el: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'string' || typeof c === 'number' ? visible(String(c)) : c);
  }
}

/** A string clipped to `max` characters with a "show all" toggle (long claims, 100 kB tokens). */
export function longText(s: string, max = 200): HTMLElement {
  const box = h('span.ftn-long');
  if (s.length <= max) {
    append(box, s);
    return box;
  }
  const text = h('span.ftn-long-text', null, s.slice(0, max) + '…');
  const more = h('button.ftn-link-button', { type: 'button', 'aria-expanded': 'false' }, `show all (${s.length} chars)`);
  more.addEventListener('click', () => {
    const open = more.getAttribute('aria-expanded') === 'true';
    text.replaceChildren(visible(open ? s.slice(0, max) + '…' : s));
    more.setAttribute('aria-expanded', String(!open));
    more.textContent = open ? `show all (${s.length} chars)` : 'show less';
  });
  box.append(text, ' ', more);
  return box;
}

/** Rule ID pattern (docs/rules.md anchors are the lowercased ID). */
export const RULE_ID = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/;

/** The only links the renderer creates: to docs/rules.md#<rule-id-lowercase>; clicks go to `onOpen`, never navigate. */
export function ruleLink(rule: string, onOpen: (rule: string) => void): HTMLElement {
  if (!RULE_ID.test(rule)) return h('code.ftn-rule', null, rule);
  const a = document.createElement('a');
  a.className = 'ftn-rule';
  a.setAttribute('href', `docs/rules.md#${rule.toLowerCase()}`);
  a.dataset.rule = rule;
  a.textContent = rule;
  a.addEventListener('click', (e) => {
    e.preventDefault();
    onOpen(rule);
  });
  return a;
}

/** A button with a text label and a click handler. */
export function button(label: string, onClick: (e: MouseEvent) => void, attrs: Record<string, string | boolean | undefined> = {}): HTMLButtonElement {
  const b = h('button', { type: 'button', ...attrs }, label);
  b.addEventListener('click', onClick);
  return b;
}

/** JSON text of a value, two-space indented (strings in it are still shown through visible()). */
export function json(v: unknown): string {
  return JSON.stringify(v, null, 2) ?? 'undefined';
}
