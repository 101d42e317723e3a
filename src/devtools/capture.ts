/**
 * Live capture: HAR entries from chrome.devtools.network (onRequestFinished, plus getHAR for what the
 * Network panel recorded before this panel opened). No webRequest, no host permissions. Response bodies
 * come from getContent and only for text-like content types (tokens never travel in images or fonts).
 */
import type { Entry, Har } from 'har-format';

/** A finished request as DevTools hands it over: a HAR entry, with getContent in Chromium and Firefox. */
export type NetworkRequest = Entry & {
  getContent?: (callback: (content: string | null, encoding: string) => void) => void;
};

/** The part of chrome.devtools.network the capture uses (stubbed in tests). */
export interface NetworkApi {
  onRequestFinished: { addListener(cb: (request: NetworkRequest) => void): void };
  onNavigated: { addListener(cb: (url: string) => void): void };
  getHAR(cb: (log: { entries: NetworkRequest[] }) => void): void;
}

/** Response bodies of these content types are read; everything else keeps an empty content.text. */
const TEXTUAL = /^(text\/|application\/(json|jwt|jose|x-www-form-urlencoded|[\w.+-]*\+(json|jwt|jose|xml))|application\/(javascript|xml)\b)/i;
/** Bodies longer than this are not kept (the core has its own limit; this bounds panel memory). */
const MAX_BODY_CHARS = 2_000_000;
/** Oldest entries are dropped beyond this many. */
const MAX_ENTRIES = 3000;

/** True when a response body of this MIME type is worth reading for tokens. */
export function isTextual(mimeType: string | undefined): boolean {
  return TEXTUAL.test((mimeType ?? '').trim());
}

/** getContent never answers for some requests (a fetch that followed a redirect): give up after this. */
const CONTENT_TIMEOUT_MS = 2000;

/** Base64 bodies of textual types (Chromium sends application/jwt that way) as UTF-8 text; undefined if not UTF-8. */
export function base64Text(b64: string): string | undefined {
  try {
    const bin = atob(b64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Reads a request's response body through getContent; resolves undefined when there is none. */
function readContent(request: NetworkRequest, timeoutMs: number): Promise<{ text: string; encoding?: string } | undefined> {
  if (typeof request.getContent !== 'function' || !isTextual(request.response?.content?.mimeType)) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), timeoutMs);
    const done = (v: { text: string; encoding?: string } | undefined) => { clearTimeout(timer); resolve(v); };
    try {
      request.getContent!((content, encoding) => {
        if (typeof content !== 'string' || content.length > MAX_BODY_CHARS) return done(undefined);
        if (encoding !== 'base64') return done({ text: content });
        const text = base64Text(content);
        done(text === undefined ? { text: content, encoding } : { text });
      });
    } catch {
      done(undefined);
    }
  });
}

/** A plain JSON copy of the HAR entry (no methods, no DevTools internals), with its response body. */
export async function toHarEntry(request: NetworkRequest, timeoutMs = CONTENT_TIMEOUT_MS): Promise<Entry> {
  const { getContent: _g, ...rest } = request;
  const entry = JSON.parse(JSON.stringify(rest)) as Entry & Record<string, unknown>;
  for (const k of Object.keys(entry)) if (k.startsWith('_')) delete entry[k];
  const content = await readContent(request, timeoutMs);
  if (entry.response?.content && content) {
    entry.response.content.text = content.text;
    if (content.encoding) entry.response.content.encoding = content.encoding;
    else delete entry.response.content.encoding;
  }
  return entry;
}

/**
 * Identity of an entry, to drop the duplicate when getHAR and onRequestFinished report the same request.
 * Not DevTools' request id: the hops of a redirect share it, and getHAR leaves it out.
 */
function entryKey(e: Entry): string {
  return `${e.startedDateTime} ${e.request?.method} ${e.request?.url}`;
}

/** The captured trace: ordered entries plus pause / preserve-log state. */
export class Capture {
  #entries: Entry[] = [];
  readonly #keys = new Set<string>();
  paused = false;
  preserve = false;
  /** Entries dropped because the capture was full. */
  dropped = 0;

  /** `onChange` runs after every change (the panel debounces re-analysis). */
  constructor(private readonly onChange: () => void = () => undefined, private readonly maxEntries = MAX_ENTRIES) {}

  /** The entries, oldest first. */
  get entries(): readonly Entry[] {
    return this.#entries;
  }

  /** True when the capture holds this entry already. */
  has(e: Entry): boolean {
    return this.#keys.has(entryKey(e));
  }

  /** Adds a finished request (ignored while paused or when already captured). */
  async addRequest(request: NetworkRequest): Promise<void> {
    if (this.paused) return;
    this.addEntries([await toHarEntry(request)]);
  }

  /** Adds plain HAR entries (from getHAR or an imported file), kept in startedDateTime order. */
  addEntries(entries: Entry[]): void {
    let added = 0;
    for (const e of entries) {
      const key = entryKey(e);
      if (this.#keys.has(key)) continue;
      this.#keys.add(key);
      let i = this.#entries.length;
      while (i > 0 && this.#entries[i - 1].startedDateTime > e.startedDateTime) i--;
      this.#entries.splice(i, 0, e);
      added++;
    }
    while (this.#entries.length > this.maxEntries) {
      this.#keys.delete(entryKey(this.#entries.shift()!));
      this.dropped++;
    }
    if (added) this.onChange();
  }

  /** Forgets every entry. */
  clear(): void {
    this.#entries = [];
    this.#keys.clear();
    this.dropped = 0;
    this.onChange();
  }

  /** The inspected page navigated: clears unless "preserve log" is on (as DevTools' Network panel does). */
  navigated(): void {
    if (!this.preserve) this.clear();
  }

  /** The trace as a HAR 1.2 document. */
  toHar(): Har {
    return { log: { version: '1.2', creator: { name: 'FTN Token Inspector', version: '1' }, entries: [...this.#entries] } };
  }
}
