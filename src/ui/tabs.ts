/** The trace view's ARIA tabs (Entries / Flows): roving tabindex, arrow keys switch, choice persisted in state. */
import { h } from './dom';
import type { UiState } from './state';

/** Tab list + panel; `flows` is built lazily each time its tab is shown. */
export function tabs(s: UiState, save: () => void, entries: HTMLElement, flows: () => HTMLElement): HTMLElement {
  const list = h('div.ftn-tabs', { role: 'tablist', 'aria-label': 'trace views' });
  const panel = h('div.ftn-tabpanel', { role: 'tabpanel', id: 'ftn-tabpanel' });
  const names = ['entries', 'flows'] as const;
  const btns = names.map((n) => h('button.ftn-tab', { type: 'button', role: 'tab', 'data-tab': n, 'aria-controls': 'ftn-tabpanel' }, n === 'entries' ? 'Entries' : 'Flows'));
  const show = (n: UiState['tab']): void => {
    s.tab = n;
    btns.forEach((b, i) => { b.setAttribute('aria-selected', String(names[i] === n)); b.tabIndex = names[i] === n ? 0 : -1; });
    panel.replaceChildren(n === 'entries' ? entries : flows());
  };
  btns.forEach((b, i) => {
    b.addEventListener('click', () => { show(names[i]); save(); });
    b.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
      const j = (i + 1) % 2;
      show(names[j]);
      save();
      btns[j].focus();
    });
  });
  list.append(...btns);
  show(s.tab);
  return h('div.ftn-left', null, list, panel);
}
