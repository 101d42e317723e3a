/** Time formatting for claims: local time, UTC and a relative phrase against a reference time. */

const p2 = (n: number): string => String(n).padStart(2, '0');

/** `2026-11-25 21:04:05 (UTC+02:00)` in the renderer's local time zone. */
export function formatLocal(epochSeconds: number): string {
  const d = new Date(epochSeconds * 1000);
  const off = -d.getTimezoneOffset();
  const tz = `UTC${off >= 0 ? '+' : '-'}${p2(Math.floor(Math.abs(off) / 60))}:${p2(Math.abs(off) % 60)}`;
  return `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())} ${p2(d.getHours())}:${p2(d.getMinutes())}:${p2(d.getSeconds())} (${tz})`;
}

/** `2026-11-25 19:04:05Z`. */
export function formatUtc(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, 'Z');
}

/** A duration in seconds as `42 s`, `4 min`, `2 h`, `3 d` (rounded down). */
export function duration(seconds: number): string {
  const s = Math.abs(Math.trunc(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  if (s < 86400) return `${Math.floor(s / 3600)} h`;
  return `${Math.floor(s / 86400)} d`;
}

/** Relative phrase for a time claim: `expires in 4 min`, `expired 2 h ago`, `issued 3 min ago`. */
export function relative(claim: string, value: number, now: number): string {
  const d = value - now;
  const future = d > 0;
  const span = duration(d);
  switch (claim) {
    case 'exp': return future ? `expires in ${span}` : `expired ${span} ago`;
    case 'nbf': return future ? `not valid for another ${span}` : `valid since ${span} ago`;
    case 'iat': return future ? `issued ${span} in the future` : `issued ${span} ago`;
    case 'auth_time': return future ? `authenticated ${span} in the future` : `authenticated ${span} ago`;
    default: return future ? `in ${span}` : `${span} ago`;
  }
}

/** True when a value can be shown as an epoch-seconds date. */
export function isEpoch(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 && v < 1e11;
}
