/** KeyRing: the only place private JWKs live. Indexed by kid and thumbprint; caches imported CryptoKeys. */
import { importJWK, type JWK } from 'jose';
import { publicJwk } from './key.export';
import type { ImportedKey, KeyDescription } from './key.types';

/** In-memory key store. `list()` and `toJSON()` return descriptions only. */
export class KeyRing {
  readonly #keys = new Map<string, ImportedKey>();
  readonly #byKid = new Map<string, string[]>();
  readonly #cache = new Map<string, Promise<CryptoKey | Uint8Array>>();
  /** Values derived from the descriptions (sorted candidate lists), dropped whenever the ring changes. */
  readonly #derived = new Map<string, unknown>();

  /** Creates a ring holding `keys`. */
  constructor(keys: ImportedKey[] = []) {
    this.add(keys);
  }

  /**
   * Adds keys; a key with the same thumbprint replaces the earlier one, except that the public half
   * of a key already held privately never replaces it (loading the client's public JWKS after its
   * private keys must not lose the private keys).
   */
  add(keys: ImportedKey[]): void {
    this.#derived.clear();
    for (const k of keys) {
      const tp = k.description.thumbprint;
      const held = this.#keys.get(tp);
      if (held?.description.private && !k.description.private) continue;
      if (held) this.remove(tp);
      this.#keys.set(tp, { jwk: { ...k.jwk }, description: { ...k.description } });
      const kid = k.description.kid;
      if (kid !== undefined) this.#byKid.set(kid, [...(this.#byKid.get(kid) ?? []), tp]);
    }
  }

  /** Removes the key with this RFC 7638 thumbprint; true when one was removed. */
  remove(thumbprint: string): boolean {
    const k = this.#keys.get(thumbprint);
    if (!k) return false;
    this.#derived.clear();
    this.#keys.delete(thumbprint);
    const kid = k.description.kid;
    if (kid !== undefined) {
      const rest = (this.#byKid.get(kid) ?? []).filter((t) => t !== thumbprint);
      if (rest.length) this.#byKid.set(kid, rest); else this.#byKid.delete(kid);
    }
    for (const key of [...this.#cache.keys()]) if (key.startsWith(`${thumbprint}|`)) this.#cache.delete(key);
    return true;
  }

  /** Descriptions of every key (never private material). */
  list(): KeyDescription[] {
    return [...this.#keys.values()].map((k) => ({ ...k.description }));
  }

  /** Number of keys. */
  get size(): number {
    return this.#keys.size;
  }

  /** Descriptions of the keys whose kid equals `kid` (O(1) lookup). */
  byKid(kid: string): KeyDescription[] {
    return (this.#byKid.get(kid) ?? []).map((tp) => ({ ...this.#keys.get(tp)!.description }));
  }

  /** A value computed from `list()` once and cached under `key` until the next add/remove (treat it as read-only). */
  derived<T>(key: string, build: (keys: KeyDescription[]) => T): T {
    if (this.#derived.has(key)) return this.#derived.get(key) as T;
    const value = build(this.list());
    this.#derived.set(key, value);
    return value;
  }

  /** The CryptoKey (or HMAC/AES secret bytes for oct) of a key for one algorithm, imported once and cached. */
  cryptoKey(thumbprint: string, alg: string, half: 'private' | 'public'): Promise<CryptoKey | Uint8Array> {
    const cacheKey = `${thumbprint}|${alg}|${half}`;
    let p = this.#cache.get(cacheKey);
    if (!p) {
      const entry = this.#keys.get(thumbprint);
      if (!entry) return Promise.reject(new Error(`no key with thumbprint ${thumbprint} in the ring`));
      const src: JWK = half === 'public' && entry.jwk.kty !== 'oct' ? publicJwk(entry.jwk) : entry.jwk;
      const { alg: _a, use: _u, key_ops: _o, ext: _e, ...bare } = src;
      p = importJWK(bare, alg);
      p.catch(() => this.#cache.delete(cacheKey));
      this.#cache.set(cacheKey, p);
    }
    return p;
  }

  /** Serialises as descriptions only, so an accidental JSON.stringify leaks nothing private. */
  toJSON(): { keys: KeyDescription[] } {
    return { keys: this.list() };
  }
}
