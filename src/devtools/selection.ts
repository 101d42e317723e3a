/**
 * Keeps the selected token selected across re-analyses. Report indexes shift when the capture gains an
 * entry in the middle (a redirect hop pulled late, an imported HAR), so the host remembers the token by
 * what it is: its text and the place it was found (entry time, URL, part, field, name).
 */
import type { Report } from '../core/index';

/** Identity of report.tokens[index], or undefined when there is no such token. */
export function tokenKey(report: Report, index: number): string | undefined {
  const t = report.tokens[index];
  if (!t) return undefined;
  const har = t.location.har;
  const e = har ? report.entries?.find((x) => x.entry === har.entry) : undefined;
  return JSON.stringify([t.raw, e?.startedDateTime ?? null, e?.method ?? null, e?.url ?? null, har?.part ?? null, har?.field ?? null, har?.name ?? null, har ? null : t.location.offset]);
}

/** Index of the token with this identity in `report`, or undefined. */
export function findToken(report: Report, key: string | undefined): number | undefined {
  if (key === undefined) return undefined;
  for (let i = 0; i < report.tokens.length; i++) if (tokenKey(report, i) === key) return i;
  return undefined;
}
