/** The main area: trace view (entries / flows tabs + inspector) for HAR reports, token list + inspector for text. */
import type { Report } from '../core/types';
import type { FromUiMessage, UiCapabilities } from './protocol';
import { h } from './dom';
import { renderFindings, severityBadge, worstOf } from './findings';
import { renderFlows } from './flow';
import { gridRow, makeGrid, markSelected, wireGrid } from './grid';
import { placeText, renderInspector, type InspectorContext } from './inspector';
import type { UiState } from './state';
import { renderTrace } from './trace';
import { tabs } from './tabs';

/** What the main area needs from the app. */
export interface MainContext {
  state: UiState;
  save(): void;
  post(m: FromUiMessage): void;
  now(): number;
  caps: UiCapabilities;
}

/** Builds the main area for a report. */
export function renderMain(report: Report, ctx: MainContext): HTMLElement {
  const s = ctx.state;
  const detail = h('div.ftn-detail', { tabindex: -1, 'aria-label': 'details' });
  const icx: InspectorContext = {
    copy: (text, label) => (ctx.caps.copy ? ctx.post({ type: 'copy', text, label }) : void navigator.clipboard?.writeText(text).catch(() => undefined)),
    openRule: (rule) => ctx.post({ type: 'openRule', rule }),
    reveal: ctx.caps.reveal ? (token) => ctx.post({ type: 'reveal', token }) : undefined,
    rawJson: s.rawJson,
    setRawJson: (on) => {
      s.rawJson = icx.rawJson = on;
      ctx.save();
      drawDetail();
      detail.querySelector<HTMLElement>('[data-action="raw-json"]')?.focus();
    },
    now: ctx.now,
  };
  let mark = (): void => undefined;
  const drawDetail = (): void => detail.replaceChildren(...(report.entries ? entryDetail(report, s, pickToken) : []), renderInspector(report, s.token ?? -1, icx));
  function pickToken(t: number): void {
    s.token = t;
    const e = report.tokens[t]?.location.har?.entry;
    if (e !== undefined) s.entry = e;
    ctx.save();
    mark();
    drawDetail();
    ctx.post({ type: 'selected', token: t });
  }
  const selectEntry = (entry: number, focus: boolean): void => {
    if (s.entry !== entry) {
      s.entry = entry;
      const first = report.entries?.find((x) => x.entry === entry)?.tokens[0];
      s.token = first ?? null;
      ctx.save();
      mark();
      drawDetail();
      if (first !== undefined) ctx.post({ type: 'selected', token: first });
    }
    if (focus) detail.focus();
  };
  let left: HTMLElement;
  if (report.entries) {
    const trace = renderTrace(report, { state: s, save: ctx.save, selectEntry });
    mark = (): void => {
      trace.mark();
      for (const l of Array.from(left.querySelectorAll<SVGElement>('.ftn-flow-token'))) l.classList.toggle('ftn-selected', l.dataset.token === String(s.token));
    };
    left = tabs(s, ctx.save, trace.el, () => renderFlows(report, pickToken, icx.openRule, s.token));
    requestAnimationFrame(trace.restoreScroll);
    mark();
  } else {
    const list = tokenList(report, s, pickToken, () => detail.focus());
    mark = list.mark;
    left = list.el;
  }
  drawDetail();
  const extra = h('div.ftn-report-extra', null,
    report.findings.length ? renderFindings(report.findings, icx.openRule, 'Trace findings') : null,
    report.notes?.length ? h('ul.ftn-notes', { 'aria-label': 'notes' }, ...report.notes.map((n) => h('li', null, n))) : null);
  return h(`div.ftn-layout${report.entries ? '.ftn-layout-trace' : ''}`, null, left, detail, extra);
}

function entryDetail(report: Report, s: UiState, pick: (t: number) => void): HTMLElement[] {
  const e = report.entries?.find((x) => x.entry === s.entry);
  if (!e) return [];
  const head = h('div.ftn-entry-head', null, h('strong', null, `${e.method} ${e.status} `), h('span.ftn-url', null, e.url));
  if (e.notes?.length) head.append(h('ul.ftn-notes', null, ...e.notes.map((n) => h('li', null, n))));
  if (e.tokens.length < 2) return [head];
  const chooser = h('div.ftn-tabs', { role: 'tablist', 'aria-label': 'tokens of this entry' },
    ...e.tokens.map((t) => {
      const b = h('button.ftn-tab', { type: 'button', role: 'tab', 'aria-selected': String(t === s.token), 'data-token': t }, `${report.tokens[t]?.kind ?? '?'} `, severityBadge(worstOf(report.tokens[t]?.findings ?? [])));
      b.addEventListener('click', () => pick(t));
      return b;
    }));
  return [head, chooser];
}

function tokenList(report: Report, s: UiState, pick: (t: number) => void, open: () => void): { el: HTMLElement; mark(): void } {
  const { table, body } = makeGrid('tokens', ['#', 'kind', 'format', 'where', 'worst']);
  report.tokens.forEach((t, i) => body.append(gridRow(i, i === s.token, [String(i + 1), t.kind, `${t.format} ${t.serialization}`, placeText(t), h('td', null, severityBadge(worstOf(t.findings)))])));
  wireGrid(body, { onSelect: pick, onOpen: (i) => { pick(i); open(); } });
  markSelected(body, s.token);
  const el = h('div.ftn-left.ftn-scroll', null, table);
  if (report.tokens.length < 2) el.hidden = true;
  return { el, mark: () => markSelected(body, s.token) };
}
