/** Sequence diagrams of rebuilt OIDC flows: lanes browser / client / broker, one arrow per step (inline SVG). */
import type { Flow, FlowStep, Report } from '../core/types';
import { escapeInvisible, h } from './dom';
import { renderFindings, worstOf } from './findings';

const SVG = 'http://www.w3.org/2000/svg';
const LANES = ['browser', 'client', 'broker'] as const;
type Lane = (typeof LANES)[number];
const LANE_X: Record<Lane, number> = { browser: 100, client: 380, broker: 660 };
const WIDTH = 760, TOP = 64, STEP_H = 64;

/** Which lanes a step's arrow joins. */
export const STEP_LANES: Record<FlowStep['step'], [Lane, Lane]> = {
  par: ['client', 'broker'], authorize: ['browser', 'broker'], callback: ['browser', 'client'],
  token: ['client', 'broker'], userinfo: ['client', 'broker'], logout: ['browser', 'broker'], other: ['browser', 'client'],
};

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = escapeInvisible(text);
  return el;
}

const clip = (s: string, n: number): string => (s.length > n ? s.slice(0, n - 1) + '…' : s);
const pathOf = (url: string): string => {
  try { return new URL(url).pathname; } catch { return url; }
};

function lanes(flow: Flow, height: number): SVGGElement {
  const g = svg('g', { class: 'ftn-lanes' });
  const names: Record<Lane, string | undefined> = { browser: flow.parties.browserOrigin, client: flow.parties.client, broker: flow.parties.broker };
  for (const lane of LANES) {
    const x = LANE_X[lane];
    g.append(svg('rect', { x: x - 90, y: 4, width: 180, height: 40, rx: 4, class: 'ftn-lane-box' }));
    g.append(svg('text', { x, y: 21, 'text-anchor': 'middle', class: 'ftn-lane-name' }, lane));
    g.append(svg('text', { x, y: 37, 'text-anchor': 'middle', class: 'ftn-lane-host' }, clip(names[lane] ?? '', 28)));
    g.append(svg('line', { x1: x, y1: 44, x2: x, y2: height - 4, class: 'ftn-lifeline' }));
  }
  return g;
}

function arrow(report: Report, s: FlowStep, i: number, markerId: string, onToken: (t: number) => void, selected: number | null): SVGGElement {
  const [a, b] = STEP_LANES[s.step] ?? STEP_LANES.other;
  const y = TOP + i * STEP_H + 24;
  const x1 = LANE_X[a], x2 = LANE_X[b];
  const g = svg('g', { class: `ftn-arrow ftn-step-${s.step}`, 'data-step': s.step, 'data-entry': s.entry });
  g.append(svg('line', { x1, y1: y, x2: x2 - 6, y2: y, 'marker-end': `url(#${markerId})`, class: 'ftn-arrow-line' }));
  const mid = (x1 + x2) / 2;
  g.append(svg('text', { x: mid, y: y - 6, 'text-anchor': 'middle', class: 'ftn-arrow-label' },
    clip(`${i + 1}. ${s.step} ${s.method} ${pathOf(s.url)} → ${s.status}`, 64)));
  let tx = mid - (s.tokens.length - 1) * 70;
  for (const ti of s.tokens) {
    const t = report.tokens[ti];
    const worst = t ? worstOf(t.findings) : null;
    const label = svg('text', { x: tx, y: y + 18, 'text-anchor': 'middle', class: `ftn-flow-token ftn-sev-${worst ?? 'none'}${ti === selected ? ' ftn-selected' : ''}`, 'data-token': ti, tabindex: 0, role: 'button' },
      `${t?.kind ?? 'token'} ${worst === 'error' ? '✖' : worst === 'warning' ? '⚠' : '✓'}`);
    label.addEventListener('click', () => onToken(ti));
    label.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onToken(ti); } });
    g.append(label);
    tx += 140;
  }
  return g;
}

/** One flow as a figure: title with verdict, the SVG diagram, and the flow's findings. */
export function renderFlow(report: Report, flow: Flow, onToken: (t: number) => void, openRule: (r: string) => void, selected: number | null = null): HTMLElement {
  const height = TOP + flow.steps.length * STEP_H + 8;
  const root = svg('svg', { class: 'ftn-flow-svg', viewBox: `0 0 ${WIDTH} ${height}`, width: WIDTH, height, role: 'img', 'aria-label': `flow ${flow.id} sequence diagram` });
  const markerId = `ftn-arrowhead-${flow.id}`;
  const marker = svg('marker', { id: markerId, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 8, markerHeight: 8, orient: 'auto-start-reverse' });
  marker.append(svg('path', { d: 'M0,0 L10,5 L0,10 z', class: 'ftn-arrowhead' }));
  const defs = svg('defs', {});
  defs.append(marker);
  root.append(defs, lanes(flow, height));
  flow.steps.forEach((s, i) => root.append(arrow(report, s, i, markerId, onToken, selected)));
  return h('figure.ftn-flow', { 'data-flow': flow.id, 'data-verdict': flow.verdict },
    h('figcaption', null, `Flow ${flow.id}`, flow.clientId ? ` — client "${flow.clientId}"` : '', ` — ${flow.verdict}`),
    h('div.ftn-flow-scroll', null, root),
    flow.findings.length ? renderFindings(flow.findings, openRule, 'Flow findings') : null);
}

/** All flows of a report, or a note when none was rebuilt. */
export function renderFlows(report: Report, onToken: (t: number) => void, openRule: (r: string) => void, selected: number | null = null): HTMLElement {
  const box = h('div.ftn-flows');
  if (!report.flows?.length) box.append(h('p.ftn-muted', null, 'no OIDC flow found in this trace'));
  for (const f of report.flows ?? []) box.append(renderFlow(report, f, onToken, openRule, selected));
  return box;
}
