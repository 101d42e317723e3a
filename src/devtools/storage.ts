/**
 * A promise-based view of chrome.storage.local (callback style works in Chromium and Firefox alike).
 * The panel stores settings and, only after an explicit opt-in, keys. Never storage.sync.
 */

/** The storage operations the panel uses (stubbed in tests). */
export interface StorageArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

type Local = typeof chrome.storage.local;

/** chrome.storage.local as a StorageArea; rejects with runtime.lastError's message when a call fails. */
export function localStorageArea(local: Local = chrome.storage.local): StorageArea {
  const call = <T>(fn: (cb: (v: T) => void) => void): Promise<T> => new Promise((resolve, reject) => {
    fn((v) => {
      const err = chrome.runtime?.lastError;
      if (err) reject(new Error(`storage: ${err.message ?? 'unknown error'}`)); else resolve(v);
    });
  });
  return {
    get: (keys) => call<Record<string, unknown>>((cb) => local.get(keys, cb)),
    set: (items) => call<void>((cb) => local.set(items, () => cb(undefined))),
    remove: (keys) => call<void>((cb) => local.remove(keys, () => cb(undefined))),
  };
}

/** An in-memory StorageArea (tests, and the panel opened outside an extension). */
export function memoryStorageArea(seed: Record<string, unknown> = {}): StorageArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = { ...seed };
  return {
    data,
    get: async (keys) => Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, structuredClone(data[k])])),
    set: async (items) => void Object.assign(data, structuredClone(items)),
    remove: async (keys) => void keys.forEach((k) => delete data[k]),
  };
}
