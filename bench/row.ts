/** The shape every bench row module returns, and the run context. */

/** How the run was asked for. */
export interface Ctx {
  quick: boolean;
  seed: number;
  /** Print progress to stderr. */
  log(msg: string): void;
}

/** One line of the table. */
export interface Row {
  row: string;
  input: string;
  figure: string;
  baseline: string;
  /** figure ÷ baseline (or the ratio the target is stated in); null when there is none. */
  ratio: number | null;
  target: string;
  /** null when there is nothing to judge. */
  met: boolean | null;
  /** Raw numbers for --json. */
  data?: Record<string, number | string | boolean>;
}

/** Milliseconds as `1234 ms` or `1.23 s`. */
export function ms(x: number): string {
  return x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x < 10 ? 2 : 0)} ms`;
}

/** MB/s of `bytes` in `msTime` ms. */
export function mbps(bytes: number, msTime: number): string {
  return `${(bytes / (1 << 20) / (msTime / 1000)).toFixed(0)} MB/s`;
}

/** The table as text: row, input, figure, baseline, ratio, target, met. */
export function table(rows: Row[]): string {
  const head = ['row', 'input', 'figure', 'baseline', 'ratio', 'target', 'met?'];
  const cells = rows.map((r) => [r.row, r.input, r.figure, r.baseline, r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`, r.target, r.met === null ? '—' : r.met ? 'yes' : 'NO']);
  const width = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(width[i])).join(' | ')} |`;
  return [line(head), `|${width.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}
