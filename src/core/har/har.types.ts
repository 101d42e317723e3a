/**
 * Internal shapes of HAR analysis: a read entry, the view of one HTTP exchange the locator builds,
 * and one token found in it. The HAR input types themselves are `@types/har-format`.
 */
import type { Entry } from 'har-format';
import type { Finding, HarPlace, TokenContext } from '../types';
import type { RequestContext } from '../rules/context';

/** Multi-valued parameters (query, form, headers), in order of appearance. */
export type Params = Record<string, string[]>;

/** One entry as the reader hands it on: its index in `log.entries` and the entry object. */
export interface ReadEntry {
  index: number;
  entry: Entry;
  /** Character span of the entry object in the HAR text. */
  start: number;
  end: number;
}

/** What the reader got out of a HAR: the readable entries plus notes and findings on the rest. */
export interface HarReadResult {
  entries: ReadEntry[];
  notes: string[];
  findings: Finding[];
}

/** A decoded message body. `text` is undefined when absent, binary or skipped (see `skipped`). */
export interface BodyView {
  text?: string;
  mimeType: string;
  skipped?: string;
}

/** One HTTP exchange, parsed once: everything the locator, the flow builder and the rules read. */
export interface EntryView {
  index: number;
  startedDateTime: string;
  /** Epoch seconds of startedDateTime (undefined when it cannot be parsed). */
  time?: number;
  method: string;
  url: string;
  host: string;
  /** scheme://host/path, without query or fragment. */
  endpoint: string;
  path: string;
  query: Params;
  fragment: Params;
  form: Params;
  /** Request headers, names lowercased. */
  headers: Params;
  responseHeaders: Params;
  status: number;
  responseContentType: string;
  requestBody: BodyView;
  responseBody: BodyView;
  /** Parsed JSON response body, when it is JSON. */
  responseJson?: unknown;
  /** The response `Location` header parsed: its query and fragment parameters. */
  redirect?: { url: string; query: Params; fragment: Params };
  notes: string[];
}

/** A token found at an exact place in an entry. */
export interface LocatedToken {
  raw: string;
  place: HarPlace;
  context: TokenContext;
}

/** A located token with the request context the rules will see. */
export interface PlacedToken extends LocatedToken {
  request: RequestContext;
}
