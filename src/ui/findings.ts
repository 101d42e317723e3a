/** Findings grouped by severity, each with its rule ID (a link to docs/rules.md), message, claim and source. */
import type { Finding, Severity } from '../core/types';
import { h, ruleLink } from './dom';

const ORDER: Severity[] = ['error', 'warning', 'info'];
const TITLE: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Info' };
const ICON: Record<Severity, string> = { error: '✖', warning: '⚠', info: 'ℹ' };

/** The most severe severity among findings, or null. */
export function worstOf(findings: readonly Finding[]): Severity | null {
  for (const s of ORDER) if (findings.some((f) => f.severity === s)) return s;
  return null;
}

/** A severity badge (icon + word, so colour is not the only cue). */
export function severityBadge(s: Severity | null): HTMLElement {
  if (!s) return h('span.ftn-sev.ftn-sev-none', null, '✓ ok');
  return h(`span.ftn-sev.ftn-sev-${s}`, null, `${ICON[s]} ${s}`);
}

/** One section per severity present; empty findings give a short "no findings" line. */
export function renderFindings(findings: readonly Finding[], openRule: (rule: string) => void, title = 'Findings'): HTMLElement {
  const box = h('section.ftn-findings', { 'aria-label': title });
  box.append(h('h3', null, `${title} (${findings.length})`));
  if (!findings.length) {
    box.append(h('p.ftn-muted', null, 'no findings'));
    return box;
  }
  for (const sev of ORDER) {
    const list = findings.filter((f) => f.severity === sev);
    if (!list.length) continue;
    const group = h(`div.ftn-group.ftn-group-${sev}`, { 'data-severity': sev });
    group.append(h('h4', null, `${ICON[sev]} ${TITLE[sev]} (${list.length})`));
    const ul = h('ul.ftn-finding-list');
    for (const f of list) ul.append(renderFinding(f, openRule));
    group.append(ul);
    box.append(group);
  }
  return box;
}

function renderFinding(f: Finding, openRule: (rule: string) => void): HTMLElement {
  return h(`li.ftn-finding.ftn-finding-${f.severity}`, { 'data-rule': f.rule },
    ruleLink(f.rule, openRule), ' ',
    h('span.ftn-finding-message', null, f.message),
    f.claim ? h('code.ftn-finding-claim', { title: 'claim' }, f.claim) : null,
    f.source ? h('span.ftn-finding-source', { title: 'source' }, f.source) : null,
  );
}
