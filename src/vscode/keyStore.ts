/**
 * The extension's keys. Private keys live ONLY in SecretStorage (one secret holding the private JWK set) and,
 * once loaded, inside a core KeyRing in memory; public verification keys live in globalState. Nothing here is
 * logged, and only KeyDescriptions ever leave this module.
 */
import * as vscode from 'vscode';
import type { JWK } from 'jose';
import { KeyRing, describeKey, importKeys, publicJwk, type ImportedKey, type KeyDescription } from '../core/index';
import { SECRET_PRIVATE_KEYS, STATE_KEY_SOURCES, STATE_PUBLIC_KEYS } from './constants';

const jwkList = (doc: unknown): JWK[] => {
  const keys = (doc as { keys?: unknown } | undefined)?.keys;
  return Array.isArray(keys) ? keys.filter((k): k is JWK => typeof k === 'object' && k !== null) : [];
};

/** SecretStorage + globalState backed key store with an in-memory KeyRing. */
export class KeyStore implements vscode.Disposable {
  #ring = new KeyRing();
  /** The secret's text as this window last wrote or read it: our own writes do not trigger a reload. */
  #known: string | undefined;
  /** Bumped by every change; a reload that started before a change is discarded. */
  #generation = 0;
  readonly #changed = new vscode.EventEmitter<void>();
  readonly #subscription: vscode.Disposable;
  /** Fires after keys were added, removed or reloaded. */
  readonly onDidChange = this.#changed.event;

  constructor(private readonly secrets: vscode.SecretStorage, private readonly state: vscode.Memento) {
    // Another window of the same profile changed the secret: reload.
    this.#subscription = secrets.onDidChange(async (e) => {
      if (e.key === SECRET_PRIVATE_KEYS && (await secrets.get(SECRET_PRIVATE_KEYS)) !== this.#known) void this.load();
    });
  }

  /** The ring holding every key (for AnalyzeOptions.keys). */
  get ring(): KeyRing {
    return this.#ring;
  }

  /** Descriptions of every key. */
  list(): KeyDescription[] {
    return this.#ring.list();
  }

  /** (Re)loads both key sets into a fresh ring. Unreadable stored keys are skipped, never quoted. */
  async load(): Promise<void> {
    const generation = ++this.#generation;
    const ring = new KeyRing();
    const sources = this.state.get<Record<string, string>>(STATE_KEY_SOURCES, {});
    const add = async (jwks: JWK[]): Promise<void> => {
      for (const jwk of jwks) {
        try {
          const [k] = await importKeys(JSON.stringify(jwk));
          if (k) ring.add([{ jwk: k.jwk, description: { ...k.description, source: sources[k.description.thumbprint] ?? k.description.source } }]);
        } catch {
          // A stored key the core no longer accepts: leave it stored, do not load it.
        }
      }
    };
    await add(jwkList(this.state.get(STATE_PUBLIC_KEYS)));
    await add(await this.#privateSet());
    if (generation !== this.#generation) return;
    this.#ring = ring;
    this.#changed.fire();
  }

  /** Adds keys: private ones go to SecretStorage, public ones to globalState. */
  async add(keys: ImportedKey[]): Promise<void> {
    const priv = keys.filter((k) => k.description.private);
    const pub = keys.filter((k) => !k.description.private);
    if (priv.length) {
      const stored = (await this.#privateSet()).filter((j) => !priv.some((k) => sameKey(j, k)));
      await this.#store(JSON.stringify({ keys: [...stored, ...priv.map((k) => k.jwk)] }));
    }
    if (pub.length) {
      const stored = jwkList(this.state.get(STATE_PUBLIC_KEYS)).filter((j) => !pub.some((k) => sameKey(j, k)));
      await this.state.update(STATE_PUBLIC_KEYS, { keys: [...stored, ...pub.map((k) => publicJwk(k.jwk))] });
    }
    const sources = { ...this.state.get<Record<string, string>>(STATE_KEY_SOURCES, {}) };
    for (const k of keys) sources[k.description.thumbprint] = k.description.source;
    await this.state.update(STATE_KEY_SOURCES, sources);
    this.#ring.add(keys);
    this.#changed.fire();
  }

  /** Removes a key (private or public) by RFC 7638 thumbprint; true when one was removed. */
  async remove(thumbprint: string): Promise<boolean> {
    const desc = this.list().find((d) => d.thumbprint === thumbprint);
    if (!desc) return false;
    const keep = async (jwks: JWK[]): Promise<JWK[]> => {
      const out: JWK[] = [];
      for (const j of jwks) if ((await thumbprintOf(j)) !== thumbprint) out.push(j);
      return out;
    };
    const priv = await this.#privateSet();
    const privLeft = await keep(priv);
    if (privLeft.length !== priv.length) {
      await this.#store(privLeft.length ? JSON.stringify({ keys: privLeft }) : undefined);
    }
    await this.state.update(STATE_PUBLIC_KEYS, { keys: await keep(jwkList(this.state.get(STATE_PUBLIC_KEYS))) });
    const sources = { ...this.state.get<Record<string, string>>(STATE_KEY_SOURCES, {}) };
    delete sources[thumbprint];
    await this.state.update(STATE_KEY_SOURCES, sources);
    this.#ring.remove(thumbprint);
    this.#changed.fire();
    return true;
  }

  /** Removes every key. */
  async clear(): Promise<void> {
    await this.#store(undefined);
    await this.state.update(STATE_PUBLIC_KEYS, undefined);
    await this.state.update(STATE_KEY_SOURCES, undefined);
    this.#ring = new KeyRing();
    this.#changed.fire();
  }

  /** The stored private JWK with this thumbprint, read from SecretStorage on demand (for an explicit export only). */
  async privateJwk(thumbprint: string): Promise<JWK | undefined> {
    for (const j of await this.#privateSet()) if ((await thumbprintOf(j)) === thumbprint) return j;
    return undefined;
  }

  /** Thumbprints of the private keys in SecretStorage. */
  async storedPrivateThumbprints(): Promise<string[]> {
    return Promise.all((await this.#privateSet()).map(thumbprintOf));
  }

  /** Writes (or, with undefined, deletes) the private key secret; cancels any reload in flight. */
  async #store(text: string | undefined): Promise<void> {
    this.#generation++;
    this.#known = text;
    if (text === undefined) await this.secrets.delete(SECRET_PRIVATE_KEYS);
    else await this.secrets.store(SECRET_PRIVATE_KEYS, text);
  }

  async #privateSet(): Promise<JWK[]> {
    const text = await this.secrets.get(SECRET_PRIVATE_KEYS);
    this.#known = text;
    if (!text) return [];
    try {
      return jwkList(JSON.parse(text));
    } catch {
      return [];
    }
  }

  /** Releases the event emitter and the SecretStorage subscription. */
  dispose(): void {
    this.#subscription.dispose();
    this.#changed.dispose();
  }
}

async function thumbprintOf(jwk: JWK): Promise<string> {
  try {
    return (await describeKey(jwk, 'stored')).thumbprint;
  } catch {
    return '';
  }
}

function sameKey(stored: JWK, k: ImportedKey): boolean {
  // Same key material: compare the public members that define the RFC 7638 thumbprint.
  const members = stored.kty === 'RSA' ? ['kty', 'n', 'e'] : stored.kty === 'oct' ? ['kty', 'k'] : ['kty', 'crv', 'x', 'y'];
  return members.every((m) => (stored as Record<string, unknown>)[m] === (k.jwk as Record<string, unknown>)[m]);
}
