/** HAR detection by content, not by file name: shared by the CLI, the VS Code extension and the DevTools panel. */

/** How much of a document's start `harHead` looks at. */
const HEAD = 64 * 1024;

/** True when the start of a document opens a HAR: `{"log": {` with an `"entries": [` soon after. */
export function harHead(head: string): boolean {
  const t = head.replace(/^\uFEFF/, '').trimStart().slice(0, HEAD);
  return /^\{\s*"log"\s*:\s*\{/.test(t) && /"entries"\s*:\s*\[/.test(t);
}

/** True when `text` is a HAR by content: JSON whose `log.entries` is an array, or a document that opens like one. */
export function looksLikeHar(text: string): boolean {
  if (harHead(text)) return true;
  const t = text.replace(/^\uFEFF/, '').trimStart();
  if (!t.startsWith('{') || !t.includes('"entries"')) return false;
  try {
    const doc = JSON.parse(t) as { log?: { entries?: unknown } } | null;
    return !!doc && typeof doc === 'object' && Array.isArray(doc.log?.entries);
  } catch {
    return false;
  }
}
