/** Report helpers: counts for the summary line, the worst severity of a set, disabled-rule filtering. */
import type { Finding, Report, ReportSummary, Severity, TokenReport } from './types';

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** The most severe severity among `findings`, or null when there are none. */
export function worstSeverity(findings: readonly Finding[]): Severity | null {
  let worst: Severity | null = null;
  for (const f of findings) if (!worst || RANK[f.severity] > RANK[worst]) worst = f.severity;
  return worst;
}

/** `findings` without those whose rule is in `disabled`. */
export function filterDisabled(findings: readonly Finding[], disabled: Iterable<string> | undefined): Finding[] {
  const off = new Set(disabled ?? []);
  return off.size ? findings.filter((f) => !off.has(f.rule)) : [...findings];
}

/** Every finding of a token, its nested layers included. */
export function tokenFindings(token: TokenReport): Finding[] {
  const out: Finding[] = [];
  for (let t: TokenReport | null = token; t; t = t.nested) out.push(...t.findings);
  return out;
}

/** Counts tokens and findings (per-token and trace-level) by severity. */
export function summarize(report: Pick<Report, 'tokens' | 'findings'>): ReportSummary {
  const summary: ReportSummary = { tokens: report.tokens.length, errors: 0, warnings: 0, info: 0 };
  const all = [...report.tokens.flatMap(tokenFindings), ...report.findings];
  for (const f of all) {
    if (f.severity === 'error') summary.errors++;
    else if (f.severity === 'warning') summary.warnings++;
    else summary.info++;
  }
  return summary;
}
