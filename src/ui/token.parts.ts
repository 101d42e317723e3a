/** Building blocks of the token inspector: coloured raw segments, header/claims tables, status lines. */
import type { DecryptionResult, SignatureResult, TokenReport } from '../core/types';
import { explain, TIME_CLAIMS } from './claims';
import { h, json, longText } from './dom';
import { formatLocal, formatUtc, isEpoch, relative } from './time';

const JWS_SEGMENTS = ['header', 'payload', 'signature'];
const JWE_SEGMENTS = ['header', 'encrypted key', 'iv', 'ciphertext', 'tag'];

/** The raw token with each compact segment colour-coded and labelled; JSON serialisations as text. */
export function renderSegments(t: Pick<TokenReport, 'raw' | 'format' | 'serialization'>): HTMLElement {
  const box = h('div.ftn-raw', { role: 'group', 'aria-label': 'raw token' });
  const code = h('code.ftn-raw-text');
  const parts = t.raw.split('.');
  const names = t.format === 'JWE' ? JWE_SEGMENTS : JWS_SEGMENTS;
  if (t.serialization !== 'compact' || parts.length !== names.length) {
    code.append(longText(t.raw, 2000));
    box.append(code);
    return box;
  }
  parts.forEach((p, i) => {
    if (i) code.append(h('span.ftn-dot', null, '.'));
    const cls = names[i].replace(' ', '-');
    code.append(h(`span.ftn-seg.ftn-seg-${cls}`, { title: names[i], 'data-segment': names[i] }, longText(p, 400)));
  });
  box.append(code, legend(names));
  return box;
}

function legend(names: string[]): HTMLElement {
  const l = h('div.ftn-legend', { 'aria-hidden': 'true' });
  for (const n of names) l.append(h(`span.ftn-seg.ftn-seg-${n.replace(' ', '-')}`, null, n));
  return l;
}

/** A value as text: strings as they are (never links), everything else as JSON. */
function valueNode(v: unknown): HTMLElement {
  if (typeof v === 'string') return h('span.ftn-value.ftn-string', null, longText(v, 300));
  return h('code.ftn-value', null, longText(json(v), 300));
}

function timeNode(claim: string, v: number, now: number): HTMLElement {
  return h('div.ftn-time', { 'data-claim': claim },
    h('span.ftn-time-local', { title: 'local time' }, formatLocal(v)),
    h('span.ftn-time-utc', { title: 'UTC' }, formatUtc(v)),
    h(`span.ftn-time-rel${claim === 'exp' && v <= now ? '.ftn-expired' : ''}`, null, relative(claim, v, now)),
  );
}

/** Header or claims as a table: name, value (times in local + UTC + relative), explanation. */
export function renderTable(obj: Record<string, unknown>, where: 'header' | 'claims', now: number, label: string): HTMLElement {
  const table = h('table.ftn-kv', { 'aria-label': label, 'data-table': where });
  table.append(h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'name'), h('th', { scope: 'col' }, 'value'), h('th', { scope: 'col' }, 'meaning'))));
  const body = h('tbody');
  for (const [k, v] of Object.entries(obj)) {
    const value = h('td', null, valueNode(v));
    if (where === 'claims' && TIME_CLAIMS.has(k) && isEpoch(v)) value.append(timeNode(k, v, now));
    body.append(h('tr', { 'data-name': k }, h('th', { scope: 'row' }, h('code', null, k)), value, h('td.ftn-explain', null, explain(k, where) ?? '')));
  }
  table.append(body);
  return table;
}

const keyText = (r: { kid?: string; thumbprint?: string }): string =>
  [r.kid ? `kid "${r.kid}"` : '', r.thumbprint ? `thumbprint ${r.thumbprint}` : ''].filter(Boolean).join(', ');

const SIG_TEXT: Record<SignatureResult['status'], string> = {
  valid: '✔ signature valid', invalid: '✖ signature invalid', 'no-key': '? signature not verified: no matching public key',
  unsigned: '✖ unsigned (alg "none")', unsupported: '? signature algorithm not supported',
};
const DEC_TEXT: Record<DecryptionResult['status'], string> = {
  decrypted: '✔ decrypted', 'no-key': '? not decrypted: no matching private key', failed: '✖ decryption failed', unsupported: '? encryption algorithm not supported',
};

/** One status line for a signature or a decryption result, with the key used. */
export function renderStatus(kind: 'signature' | 'decryption', r: SignatureResult | DecryptionResult): HTMLElement {
  const text = kind === 'signature' ? SIG_TEXT[(r as SignatureResult).status] : DEC_TEXT[(r as DecryptionResult).status];
  const k = keyText(r);
  return h(`div.ftn-status.ftn-status-${r.status}`, { 'data-status': `${kind}:${r.status}` },
    h('span.ftn-status-text', null, text ?? r.status),
    k ? h('span.ftn-status-key', null, ` — key ${k}`) : null,
    r.message ? h('span.ftn-status-msg', null, ` — ${r.message}`) : null,
  );
}
