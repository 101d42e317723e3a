/**
 * The panel's key ring: private keys (decrypt JWEs) and public keys (verify JWSs), in memory for the
 * DevTools session. Persisting them in chrome.storage.local is an explicit opt-in; they are never
 * synced (no storage.sync), never sent anywhere, and never shown (only KeyDescriptions are).
 */
import type { JWK } from 'jose';
import { KeyRing, importKeys, type ImportedKey, type KeyDescription } from '../core/index';
import type { StorageArea } from './storage';

/** Storage keys. */
export const STORE_KEYS = 'ftn.keys';
export const STORE_PERSIST = 'ftn.persistKeys';

/** Shown next to the opt-in checkbox. */
export const PERSIST_WARNING =
  'Kept keys are written unencrypted to this browser profile (chrome.storage.local) and stay there until you ' +
  'forget them. Anyone with access to this profile can read them. They are never synced or sent anywhere. ' +
  'Use it only with test keys.';

interface StoredKey { jwk: JWK; source: string }

const isStoredKey = (v: unknown): v is StoredKey =>
  typeof v === 'object' && v !== null && typeof (v as StoredKey).jwk === 'object' && typeof (v as StoredKey).source === 'string';

/** In-memory keys with opt-in persistence. */
export class PanelKeys {
  #keys: ImportedKey[] = [];
  #ring = new KeyRing();
  #persist = false;

  /** `storage` is chrome.storage.local (or a stub); `onChange` runs after every change. */
  constructor(private readonly storage: StorageArea, private readonly onChange: () => void = () => undefined) {}

  /** Whether keys are persisted. */
  get persist(): boolean {
    return this.#persist;
  }

  /** The ring analyses use. */
  get ring(): KeyRing {
    return this.#ring;
  }

  /** Descriptions of the loaded keys (never private material). */
  list(): KeyDescription[] {
    return this.#ring.list();
  }

  /** Restores the opt-in flag and, if it is on, the kept keys. Unreadable entries are skipped. */
  async restore(): Promise<void> {
    const got = await this.storage.get([STORE_PERSIST, STORE_KEYS]);
    this.#persist = got[STORE_PERSIST] === true;
    if (!this.#persist || !Array.isArray(got[STORE_KEYS])) return;
    for (const k of got[STORE_KEYS].filter(isStoredKey)) {
      try {
        this.#add((await importKeys(JSON.stringify(k.jwk))).map((i) => ({ ...i, description: { ...i.description, source: k.source } })));
      } catch {
        /* a stored key that no longer imports is dropped */
      }
    }
    this.onChange();
  }

  /** Imports JWK / JWKS / PEM text (passphrase for encrypted PKCS#8); returns what was added. Throws KeyImportError. */
  async import(text: string, opts: { passphrase?: string; name?: string } = {}): Promise<KeyDescription[]> {
    const imported = await importKeys(text, { ...(opts.passphrase ? { passphrase: opts.passphrase } : {}), ...(opts.name ? { name: opts.name } : {}) });
    this.#add(imported);
    await this.#save();
    this.onChange();
    return imported.map((k) => ({ ...k.description }));
  }

  /** Forgets every key, in memory and in storage. */
  async clear(): Promise<void> {
    this.#keys = [];
    this.#ring = new KeyRing();
    await this.storage.remove([STORE_KEYS]);
    this.onChange();
  }

  /** Turns persistence on (writes the current keys) or off (deletes the stored copy). */
  async setPersist(on: boolean): Promise<void> {
    this.#persist = on;
    await this.storage.set({ [STORE_PERSIST]: on });
    if (on) await this.#save(); else await this.storage.remove([STORE_KEYS]);
  }

  #add(keys: ImportedKey[]): void {
    const tps = new Set(keys.map((k) => k.description.thumbprint));
    this.#keys = [...this.#keys.filter((k) => !tps.has(k.description.thumbprint)), ...keys];
    this.#ring.add(keys);
  }

  async #save(): Promise<void> {
    if (!this.#persist) return;
    const stored: StoredKey[] = this.#keys.map((k) => ({ jwk: k.jwk, source: k.description.source }));
    await this.storage.set({ [STORE_KEYS]: stored });
  }
}
