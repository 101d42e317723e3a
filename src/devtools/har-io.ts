/** HAR import and export for the panel: sanitised by default with the core sanitiser. */
import type { Entry, Har } from 'har-format';
import { HarReadError } from '../core/index';
// Not yet re-exported by src/core/index.ts (the CLI imports it the same way).
import { sanitizeHar } from '../core/har/har.sanitize';

/** What an export produced. */
export interface HarExport {
  text: string;
  filename: string;
  sanitized: boolean;
  /** Redaction counts by kind (sanitised exports). */
  redactions?: Record<string, number>;
}

/** `ftn-capture-<UTC time>[-sanitised].har` */
export function exportFileName(at: Date, sanitized: boolean): string {
  const stamp = at.toISOString().slice(0, 19).replace(/:/g, '-');
  return `ftn-capture-${stamp}${sanitized ? '-sanitised' : '-UNSANITISED'}.har`;
}

/** Serialises the capture; with `sanitize` every token, code, secret and personal identity code is redacted. */
export async function exportHar(har: Har, sanitize: boolean, at = new Date()): Promise<HarExport> {
  const raw = JSON.stringify(har, null, 2) + '\n';
  const filename = exportFileName(at, sanitize);
  if (!sanitize) return { text: raw, filename, sanitized: false };
  const { text, redactions } = await sanitizeHar(raw, { mode: 'pseudonym' });
  return { text, filename, sanitized: true, redactions };
}

/** The entries of a HAR file's text. Throws HarReadError with what is wrong. */
export function readHarFile(text: string, name = 'file'): Entry[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new HarReadError(`"${name}" is not JSON: not a HAR file`);
  }
  const entries = (doc as { log?: { entries?: unknown } } | null)?.log?.entries;
  if (!Array.isArray(entries)) throw new HarReadError(`"${name}" has no "log.entries" array: not a HAR file`);
  return entries.filter((e): e is Entry => typeof e === 'object' && e !== null
    && typeof (e as Entry).startedDateTime === 'string' && typeof (e as Entry).request?.url === 'string');
}

/** Offers `text` as a file download (a blob URL on a transient link; nothing leaves the machine). */
export function downloadText(doc: Document, text: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
