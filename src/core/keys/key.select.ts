/** Key selection for decrypt/verify: by kid first, then by type compatible with "alg". */
import type { KeyRing } from './key.ring';
import type { KeyDescription } from './key.types';

/** What a token's "alg" needs from a key. */
export interface KeyNeed {
  ktys: KeyDescription['kty'][];
  /** Required curve (EC/OKP), when known. */
  crv?: string;
  /** Private material required (decryption). */
  needPrivate: boolean;
  /** Preferred `use`. */
  use: 'sig' | 'enc';
}

/** One candidate key and whether it was chosen by kid. */
export interface Candidate { key: KeyDescription; kidMatch: boolean }

/** True when the key's type, curve and private part allow it for `need` (declared use/alg only rank keys). */
export function keyFits(k: KeyDescription, need: KeyNeed): boolean {
  if (!need.ktys.includes(k.kty)) return false;
  if (need.crv && k.crv && k.crv !== need.crv) return false;
  return !need.needPrivate || k.private;
}

/** Ranks a key for `alg`: declared alg, then declared use, then private keys first (lower is better). */
function scorer(need: KeyNeed, alg: string): (k: KeyDescription) => number {
  return (k) => (k.alg === alg ? 0 : k.alg ? 8 : 4) + (k.use === need.use ? 0 : k.use ? 2 : 1) + (k.private ? 0 : 0.5);
}

/** The ring's keys that fit `need`, ranked for `alg`; computed once per ring state and need (frozen, shared). */
function fitting(ring: KeyRing, need: KeyNeed, alg: string): readonly Candidate[] {
  const id = `select|${alg}|${need.ktys.join(',')}|${need.crv ?? ''}|${need.needPrivate}|${need.use}`;
  return ring.derived(id, (all) => {
    const score = scorer(need, alg);
    const ranked = all.filter((k) => keyFits(k, need)).sort((a, b) => score(a) - score(b));
    return Object.freeze(ranked.map((key) => Object.freeze({ key: Object.freeze(key), kidMatch: false })));
  });
}

/**
 * Candidate keys in the order to try: kid matches first, then declared alg, declared use, private keys.
 * The ranked list per (alg, need) is kept by the ring until it changes, so a token costs no copy or sort of the ring.
 */
export function selectCandidates(ring: KeyRing, kid: unknown, need: KeyNeed, alg: string): Candidate[] {
  const rest = fitting(ring, need, alg);
  if (typeof kid !== 'string') return [...rest];
  const byKid = rest.filter((c) => c.key.kid === kid);
  if (!byKid.length) return [...rest];
  return [...byKid.map((c) => ({ key: c.key, kidMatch: true })), ...rest.filter((c) => c.key.kid !== kid)];
}

/** How a key is named in messages: `"enc-1"` by kid, else its thumbprint. */
export function keyLabel(k: KeyDescription): string {
  return `"${k.kid ?? k.thumbprint}"`;
}

/** `RSA`, `EC or OKP`: the key types of a need, for messages. */
export function ktyText(need: KeyNeed): string {
  return need.ktys.join(' or ');
}

/** Why the keys whose kid matches could not be used (`the key with "kid" "enc-1" is EC`), or ''. */
export function kidNote(ring: KeyRing, kid: unknown, need: KeyNeed): string {
  if (typeof kid !== 'string') return '';
  const k = ring.byKid(kid)[0];
  if (!k) return '';
  const what = !need.ktys.includes(k.kty) ? `is ${k.kty}` : need.crv && k.crv !== need.crv ? `is on ${k.crv}` : 'has no private part';
  return ` (the key with "kid" ${JSON.stringify(kid.slice(0, 40))} ${what})`;
}

/** Notes on a key that worked although the token or key said otherwise: kid, declared alg, declared use. */
export function usedKeyNote(verb: string, k: KeyDescription, kid: unknown, alg: string, use: 'sig' | 'enc'): string | undefined {
  const notes: string[] = [];
  if (typeof kid === 'string' && k.kid !== kid) notes.push(`the token's "kid" is ${JSON.stringify(kid.slice(0, 40))}`);
  if (k.alg && k.alg !== alg) notes.push(`the key is declared for "alg" ${k.alg}`);
  if (k.use && k.use !== use) notes.push(`the key is declared for "use" ${k.use}`);
  return notes.length ? `${verb} with key ${keyLabel(k)}, although ${notes.join(' and ')}` : undefined;
}
