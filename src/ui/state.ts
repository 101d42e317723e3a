/** The renderer's persisted view state (host.setState / getState): selection, filters, scroll, toggles. */

/** What survives a webview reload. */
export interface UiState {
  v: 1;
  /** Selected token index into Report.tokens. */
  token: number | null;
  /** Selected HAR entry index (trace view). */
  entry: number | null;
  /** Trace view tab. */
  tab: 'entries' | 'flows';
  onlyTokens: boolean;
  onlyErrors: boolean;
  /** Host filter: '' = all hosts. */
  host: string;
  /** Free-text filter on the URL. */
  search: string;
  /** Raw JSON view instead of tables. */
  rawJson: boolean;
  /** Scroll offset of the entries table. */
  scrollTop: number;
}

/** The state of a fresh renderer. */
export function defaultState(): UiState {
  return { v: 1, token: null, entry: null, tab: 'entries', onlyTokens: true, onlyErrors: false, host: '', search: '', rawJson: false, scrollTop: 0 };
}

const idx = (v: unknown): number | null => (Number.isSafeInteger(v) && (v as number) >= 0 ? (v as number) : null);
const str = (v: unknown, max = 500): string => (typeof v === 'string' ? v.slice(0, max) : '');

/** Reads saved state defensively (it round-trips through the host); unknown or bad fields get defaults. */
export function restoreState(saved: unknown): UiState {
  const s = defaultState();
  if (typeof saved !== 'object' || saved === null) return s;
  const o = saved as Record<string, unknown>;
  if (o.v !== 1) return s;
  return {
    v: 1,
    token: idx(o.token),
    entry: idx(o.entry),
    tab: o.tab === 'flows' ? 'flows' : 'entries',
    onlyTokens: typeof o.onlyTokens === 'boolean' ? o.onlyTokens : s.onlyTokens,
    onlyErrors: o.onlyErrors === true,
    host: str(o.host),
    search: str(o.search),
    rawJson: o.rawJson === true,
    scrollTop: typeof o.scrollTop === 'number' && o.scrollTop >= 0 && Number.isFinite(o.scrollTop) ? o.scrollTop : 0,
  };
}
