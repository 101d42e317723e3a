/**
 * Debounced re-analysis of the live capture: the captured entries become a HAR, the core's analyzeHar
 * turns it into a Report (tokens, entries, OIDC flows). One run at a time; changes during a run
 * schedule exactly one more.
 */
import { HarReadError, analyzeHar, type AnalyzeOptions, type Report } from '../core/index';

/** Wait after the last change before analysing, ms. */
export const DEBOUNCE_MS = 250;

/** The report of an empty trace (analyzeHar refuses a HAR with nothing readable). */
export function emptyReport(): Report {
  return { version: 1, source: { kind: 'har' }, tokens: [], findings: [], entries: [], flows: [], summary: { tokens: 0, errors: 0, warnings: 0, info: 0 } };
}

/** Runs `analyzeHar` on `harText()` after changes settle and hands the result to `onReport`. */
export class Analyzer {
  #timer: ReturnType<typeof setTimeout> | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  /** Completed analyses (tests wait on this). */
  runs = 0;

  constructor(
    private readonly harText: () => { text: string; count: number },
    private readonly options: () => AnalyzeOptions,
    private readonly onReport: (report: Report) => void,
    private readonly onError: (message: string) => void,
    private readonly delay = DEBOUNCE_MS,
  ) {}

  /** True while an analysis is scheduled or running. */
  get busy(): boolean {
    return this.#timer !== undefined || this.#running !== undefined;
  }

  /** Asks for a fresh analysis after the debounce delay. */
  schedule(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.now();
    }, this.delay);
  }

  /** Analyses now (or right after the run in progress); resolves when that analysis is done. */
  async now(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = this.#run();
    try {
      await this.#running;
    } finally {
      this.#running = undefined;
    }
    if (this.#again) {
      this.#again = false;
      await this.now();
    }
  }

  async #run(): Promise<void> {
    const { text, count } = this.harText();
    try {
      this.onReport(count === 0 ? emptyReport() : await analyzeHar(text, this.options()));
    } catch (e) {
      this.onError(e instanceof HarReadError ? e.message : `analysis failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    this.runs++;
  }
}
