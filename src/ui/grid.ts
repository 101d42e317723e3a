/** A selectable, keyboard-navigable table (role=grid): roving tabindex, arrows move, Enter opens. */
import { h } from './dom';

/** Callbacks of a grid. `more` asks for more rows when the end of the rendered rows is reached. */
export interface GridHandlers {
  onSelect(index: number): void;
  onOpen(index: number): void;
  more?: () => boolean;
}

/** An empty grid table with a header row. */
export function makeGrid(label: string, columns: string[]): { table: HTMLTableElement; body: HTMLTableSectionElement } {
  const table = h('table.ftn-grid', { role: 'grid', 'aria-label': label });
  table.append(h('thead', null, h('tr', null, ...columns.map((c) => h('th', { scope: 'col' }, c)))));
  const body = h('tbody');
  table.append(body);
  return { table, body };
}

/** A grid row for item `index`. */
export function gridRow(index: number, selected: boolean, cells: (Node | string)[]): HTMLTableRowElement {
  const tr = h('tr.ftn-row', { 'data-index': index, 'aria-selected': String(selected), tabindex: selected ? 0 : -1 });
  for (const c of cells) tr.append(c instanceof HTMLTableCellElement ? c : h('td', null, c));
  return tr;
}

/** Marks row `index` selected (aria-selected, roving tabindex); returns the row when rendered. */
export function markSelected(body: HTMLElement, index: number | null): HTMLElement | null {
  let found: HTMLElement | null = null;
  for (const r of Array.from(body.children) as HTMLElement[]) {
    const on = index !== null && r.dataset.index === String(index);
    r.setAttribute('aria-selected', String(on));
    r.tabIndex = on ? 0 : -1;
    if (on) found = r;
  }
  if (!found && body.firstElementChild) (body.firstElementChild as HTMLElement).tabIndex = 0;
  return found;
}

/** Wires click and keyboard handling on a grid body. */
export function wireGrid(body: HTMLElement, handlers: GridHandlers): void {
  const rowOf = (e: Event): HTMLElement | null => (e.target as Element | null)?.closest?.('tr.ftn-row') ?? null;
  body.addEventListener('click', (e) => {
    const r = rowOf(e);
    if (r && !(e.target as Element).closest('button,a')) handlers.onSelect(Number(r.dataset.index));
  });
  body.addEventListener('dblclick', (e) => {
    const r = rowOf(e);
    if (r) handlers.onOpen(Number(r.dataset.index));
  });
  body.addEventListener('keydown', (e) => {
    const r = rowOf(e);
    if (!r) return;
    let next: Element | null = null;
    if (e.key === 'ArrowDown') next = r.nextElementSibling ?? (handlers.more?.() ? r.nextElementSibling : null);
    else if (e.key === 'ArrowUp') next = r.previousElementSibling;
    else if (e.key === 'Home') next = body.firstElementChild;
    else if (e.key === 'End') next = body.lastElementChild;
    else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      handlers.onOpen(Number(r.dataset.index));
      return;
    } else return;
    e.preventDefault();
    if (next instanceof HTMLElement) {
      handlers.onSelect(Number(next.dataset.index));
      next.focus();
    }
  });
}
