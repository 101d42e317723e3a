/** Times in the text report: durations, ISO instants and phrases relative to the reference time. */

/** `45 s`, `5 min`, `3 h`, `12 days`. */
export function duration(seconds: number): string {
  const s = Math.abs(Math.round(seconds));
  if (s < 90) return `${s} s`;
  if (s < 90 * 60) return `${Math.round(s / 60)} min`;
  if (s < 48 * 3600) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86400)} days`;
}

/** `expired 3 min before the request`, `expires in 4 min`, `2 min ago`: a time claim relative to the reference. */
export function relative(claim: string, t: number, ref: number, inRequest: boolean): string {
  const d = t - ref;
  if (d === 0) return inRequest ? 'at the request time' : 'now';
  const span = duration(d);
  if (claim === 'exp') {
    if (d < 0) return inRequest ? `expired ${span} before the request` : `expired ${span} ago`;
    return inRequest ? `expires ${span} after the request` : `expires in ${span}`;
  }
  if (d < 0) return inRequest ? `${span} before the request` : `${span} ago`;
  return inRequest ? `${span} after the request` : `in ${span}`;
}

/** ISO 8601 (seconds precision) of epoch seconds, or undefined when out of Date's range. */
export function isoOf(t: number): string | undefined {
  const ms = t * 1000;
  return Number.isFinite(ms) && Math.abs(ms) < 8.64e15 ? new Date(ms).toISOString().replace('.000Z', 'Z') : undefined;
}
