/** The trace view: filterable HAR entries table, rendered incrementally so thousands of rows stay responsive. */
import type { EntrySummary, Report } from '../core/types';
import { escapeInvisible, h } from './dom';
import { severityBadge } from './findings';
import { gridRow, makeGrid, markSelected, wireGrid } from './grid';
import type { UiState } from './state';

/** Rows rendered per batch. */
export const BATCH = 200;

/** What the entries table needs from the app. */
export interface TraceContext {
  state: UiState;
  save(): void;
  selectEntry(entry: number, focusInspector: boolean): void;
}

/** Entries passing the filters in state. */
export function filterEntries(report: Report, s: UiState): EntrySummary[] {
  const q = s.search.toLowerCase();
  return (report.entries ?? []).filter((e) =>
    (!s.onlyTokens || e.tokens.length > 0) &&
    (!s.onlyErrors || e.worst === 'error') &&
    (!s.host || e.host === s.host) &&
    (!q || e.url.toLowerCase().includes(q)));
}

const timeOf = (iso: string): string => {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(11, 23) : iso;
};

function entryRow(report: Report, e: EntrySummary, selected: boolean): HTMLTableRowElement {
  const kinds = e.tokens.map((i) => report.tokens[i]?.kind ?? '?').join(', ');
  const status = h(`td.ftn-num${e.status >= 400 || e.status === 0 ? '.ftn-bad' : ''}`, null, String(e.status));
  return gridRow(e.entry, selected, [
    h('td.ftn-num', { title: e.startedDateTime }, timeOf(e.startedDateTime)), e.method,
    h('td.ftn-host', null, e.host), h('td.ftn-path', { title: e.path.length > 120 ? 'path truncated' : undefined }, e.path.length > 120 ? e.path.slice(0, 120) + '…' : e.path),
    status, h('td.ftn-kinds', null, kinds), h('td', null, severityBadge(e.worst)),
  ]);
}

/** Filter bar + entries table. Returns the element and a refresh function (after state changes). */
export function renderTrace(report: Report, ctx: TraceContext): { el: HTMLElement; refresh(): void; mark(): void; restoreScroll(): void } {
  const s = ctx.state;
  const hosts = Array.from(new Set((report.entries ?? []).map((e) => e.host))).sort();
  const onlyTokens = h('input', { type: 'checkbox', checked: s.onlyTokens, 'data-filter': 'only-tokens' });
  const onlyErrors = h('input', { type: 'checkbox', checked: s.onlyErrors, 'data-filter': 'only-errors' });
  const host = h('select', { 'aria-label': 'host', 'data-filter': 'host' }, h('option', { value: '' }, 'all hosts'), ...hosts.map((x) => h('option', { value: x }, escapeInvisible(x))));
  host.value = hosts.includes(s.host) ? s.host : '';
  const search = h('input', { type: 'search', placeholder: 'filter URL', 'aria-label': 'filter URL', 'data-filter': 'search', value: s.search });
  const count = h('span.ftn-muted.ftn-count');
  const bar = h('div.ftn-filters', { role: 'toolbar', 'aria-label': 'filters' },
    h('label', null, onlyTokens, ' only tokens'), h('label', null, onlyErrors, ' only errors'), host, search, count);
  const { table, body } = makeGrid('HAR entries', ['time (UTC)', 'method', 'host', 'path', 'status', 'tokens', 'worst']);
  const scroller = h('div.ftn-scroll', { 'data-scroll': 'entries' }, table);
  let rows: EntrySummary[] = [];
  let shown = 0;
  const more = (): boolean => {
    if (shown >= rows.length) return false;
    const end = Math.min(rows.length, shown + BATCH);
    for (; shown < end; shown++) body.append(entryRow(report, rows[shown], rows[shown].entry === s.entry));
    return true;
  };
  const refresh = (): void => {
    rows = filterEntries(report, s);
    shown = 0;
    body.replaceChildren();
    const sel = rows.findIndex((e) => e.entry === s.entry);
    do more(); while (sel >= shown);
    markSelected(body, s.entry);
    count.textContent = `${rows.length} of ${report.entries?.length ?? 0} entries`;
  };
  const onFilter = (): void => {
    Object.assign(s, { onlyTokens: onlyTokens.checked, onlyErrors: onlyErrors.checked, host: host.value, search: search.value, scrollTop: 0 });
    scroller.scrollTop = 0;
    refresh();
    ctx.save();
  };
  for (const c of [onlyTokens, onlyErrors, host]) c.addEventListener('change', onFilter);
  search.addEventListener('input', onFilter);
  scroller.addEventListener('scroll', () => {
    if (scroller.scrollTop + scroller.clientHeight > scroller.scrollHeight - 400) more();
    s.scrollTop = scroller.scrollTop;
    ctx.save();
  }, { passive: true });
  wireGrid(body, { onSelect: (i) => ctx.selectEntry(i, false), onOpen: (i) => ctx.selectEntry(i, true), more });
  refresh();
  const el = h('div.ftn-trace', null, bar, scroller);
  const restoreScroll = (): void => {
    const target = s.scrollTop;
    while (scroller.scrollHeight < target + scroller.clientHeight && more());
    scroller.scrollTop = target;
  };
  return { el, refresh, mark: () => markSelected(body, s.entry), restoreScroll };
}
