/** How keys appear in quick picks: kid (or thumbprint), type, size, use, thumbprint, source — never private material. */
import type { KeyDescription } from '../core/index';
import type { PickItem } from './prompter';

/** `RSA 2048 · enc · RSA-OAEP-256 · private`. */
export function keySummary(k: KeyDescription): string {
  return [`${k.kty}${k.size ? ` ${k.size}` : ''}${k.crv && k.kty !== 'EC' ? ` ${k.crv}` : ''}`, k.use, k.alg, k.private ? 'private' : 'public']
    .filter(Boolean).join(' · ');
}

/** Quick pick items for keys: kid (or thumbprint), type, size, use, thumbprint, source — never private material. */
export function keyItems(keys: KeyDescription[]): PickItem<KeyDescription>[] {
  return keys.map((k) => ({ label: k.kid ?? k.thumbprint, description: keySummary(k), detail: `thumbprint ${k.thumbprint} · ${k.source}`, value: k }));
}
