/**
 * Terminal safety and colour. Token content is attacker-controlled: every token-derived string goes
 * through `clean()` before it reaches the terminal, so ANSI escapes, C0/C1 controls, line breaks and
 * bidi overrides are shown as visible `\u` escapes instead of acting on the terminal.
 */

// C0 controls, DEL, C1 controls, soft hyphen, bidi marks/embeddings/overrides/isolates, zero-width and
// invisible format characters (U+200B–U+200D, U+2060–U+2064, U+180E), line/paragraph separators, BOM.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u2028\u2029\ufeff]/g;

/** `s` with every control, escape and bidi character replaced by a visible `\uXXXX` escape. */
export function clean(s: string): string {
  return s.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// What JSON.stringify leaves raw: DEL, C1 controls, bidi controls, line/paragraph separators, BOM.
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/g;

/** JSON text with the characters JSON.stringify leaves raw escaped as `\uXXXX` (same value when parsed). */
export function jsonSafe(json: string): string {
  return json.replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** True when `s` holds nothing `clean()` would change. */
export function isClean(s: string): boolean {
  UNSAFE.lastIndex = 0;
  return !UNSAFE.test(s);
}

/** Colour functions; identity functions when colour is off. */
export interface Palette {
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

const sgr = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

/** A palette: ANSI colours when `on`, plain text otherwise. */
export function palette(on: boolean): Palette {
  if (!on) {
    const id = (s: string) => s;
    return { red: id, yellow: id, blue: id, green: id, dim: id, bold: id };
  }
  return { red: sgr(31, 39), yellow: sgr(33, 39), blue: sgr(34, 39), green: sgr(32, 39), dim: sgr(2, 22), bold: sgr(1, 22) };
}

/** Colour on: stdout is a TTY (or FORCE_COLOR is set) and NO_COLOR is unset or empty (https://no-color.org). */
export function useColor(isTTY: boolean | undefined, env: Record<string, string | undefined>): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0') return true;
  return isTTY === true;
}
