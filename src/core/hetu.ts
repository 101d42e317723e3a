/**
 * Finnish personal identity codes (henkilötunnus, HETU): DDMMYY, a century sign, a 3-digit
 * individual number and a check character = "0123456789ABCDEFHJKLMNPRSTUVWXY"[DDMMYYNNN mod 31].
 * Used to flag PII in unencrypted tokens (FTN-RO-PII, FTN-IDT-JWE) and to redact HARs.
 * Format per DVV (see docs/rules.md, inference note in ftn-rules §9).
 */
const CHECK = '0123456789ABCDEFHJKLMNPRSTUVWXY';
// Century signs: + (1800s), - and Y X W V U (1900s), A B C D E F (2000s).
const HETU_RE = /(?<![0-9A-Za-z])(\d{2})(\d{2})(\d{2})([-+A-FU-Y])(\d{3})([0-9A-Y])(?![0-9A-Za-z])/g;

/** True when `value` is exactly one HETU with a valid date and check character. */
export function isValidHetu(value: string): boolean {
  HETU_RE.lastIndex = 0;
  const m = HETU_RE.exec(value);
  return !!m && m.index === 0 && m[0].length === value.length && checkMatch(m);
}

/** Every valid HETU in `text`, with its offset. Linear in the text length. */
export function findHetus(text: string): { value: string; offset: number }[] {
  const out: { value: string; offset: number }[] = [];
  HETU_RE.lastIndex = 0;
  for (let m = HETU_RE.exec(text); m; m = HETU_RE.exec(text)) {
    if (checkMatch(m)) out.push({ value: m[0], offset: m.index });
  }
  return out;
}

/** The check character for the 9 digits DDMMYYNNN. */
export function hetuCheckChar(ddmmyy: string, nnn: string): string {
  return CHECK[Number(ddmmyy + nnn) % 31];
}

function checkMatch(m: RegExpExecArray): boolean {
  const [, dd, mm, , , nnn, check] = m;
  const day = Number(dd), month = Number(mm);
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  return hetuCheckChar(dd + mm + m[3], nnn) === check;
}
