/**
 * HAR inputs: ~`flows` real FTN logins (scripts/fixtures/har.ts loginFlow, real RSA tokens) interleaved
 * with large bodies (JS bundles, JSON API responses with tokens in them, base64 images, HTML) up to a
 * target size. Written entry by entry, so a 1 GB file never exists as one string.
 */
import type { Entry } from 'har-format';
import { readFileSync } from 'node:fs';
import { loadDemoKeys } from '../scripts/fixtures/keys';
import { entry, loginFlow, HAR_NOW } from '../scripts/fixtures/har';
import { cached, generate } from './data';
import { mixedText } from './gen.text';
import { rng, type Rng } from './prng';

/** `n` distinct login flows (entries), cached in bench/.data. */
async function flows(seed: number, n: number): Promise<Entry[][]> {
  const name = `flows-${seed}-${n}.json`;
  const file = cached(name);
  if (file) return JSON.parse(readFileSync(file, 'utf8')) as Entry[][];
  const keys = loadDemoKeys();
  const out: Entry[][] = [];
  for (let i = 0; i < n; i++) {
    out.push(await loginFlow(keys, { start: HAR_NOW + i * 90, state: `st-bench-${i}`, code: `code-bench-${i}`, par: i % 5 === 0, formPost: i % 7 === 3 }));
  }
  await generate(name, (w) => w(JSON.stringify(out)));
  return out;
}

const STD64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A pool of text to cut bodies from (so a 1 GB file costs no more generation than a 100 MB one). */
function pools(seed: number, tokens: string[]): { code: string; image: string } {
  const code = [...mixedText(seed + 1, 2 << 20, tokens, 1 << 20)].join('');
  const r = rng(seed + 2);
  let image = '';
  const parts: string[] = [];
  for (let i = 0; i < 1 << 21; i += 4096) {
    let s = '';
    for (let k = 0; k < 4096; k++) s += STD64[r.int(64)];
    parts.push(s);
  }
  image = parts.join('');
  return { code, image };
}

/** `len` characters cut from `pool` at a random place (repeated when the pool is shorter). */
function cut(r: Rng, pool: string, len: number): string {
  if (len <= pool.length) { const at = r.int(pool.length - len + 1); return pool.slice(at, at + len); }
  return pool.repeat(Math.ceil(len / pool.length)).slice(0, len);
}

/** The big entries of one flow: about `budget` characters of bodies. */
function bigEntries(r: Rng, p: { code: string; image: string }, tokens: string[], at: number, budget: number): Entry[] {
  const js = entry({ at, url: `https://app.example.com/static/app-${r.int(1e6)}.js`, mime: 'application/javascript', body: cut(r, p.code, Math.floor(budget * 0.4)) });
  const rows: string[] = [];
  for (let n = 0; n < budget * 0.3;) {
    const row = JSON.stringify({ id: r.int(1e9), owner: `user-${r.int(1000)}`, note: cut(r, p.code, 200), ...(r.next() < 0.0003 ? { access_token: r.pick(tokens) } : {}) });
    rows.push(row);
    n += row.length + 1;
  }
  const api = entry({ at: at + 0.1, url: `https://app.example.com/api/orders?page=${r.int(50)}`, mime: 'application/json', body: `[${rows.join(',')}]` });
  const img = entry({ at: at + 0.2, url: `https://app.example.com/static/hero-${r.int(1e6)}.png`, mime: 'image/png', body: cut(r, p.image, Math.floor(budget * 0.2) & ~3) });
  img.response.content.encoding = 'base64';
  const html = entry({ at: at + 0.3, url: 'https://app.example.com/', mime: 'text/html', body: `<!doctype html><pre>${cut(r, p.code, Math.floor(budget * 0.1)).replace(/[<&]/g, ' ')}</pre>` });
  return [js, api, img, html];
}

/** A HAR of about `size` bytes with `nFlows` logins (distinct flows are reused cyclically past `distinct`). */
export async function harFile(seed: number, size: number, tokens: string[], nFlows = 50, distinct = 50): Promise<string> {
  return generate(`trace-v2-${seed}-${size}${nFlows === 50 ? '' : `-${nFlows}flows`}.har`, async (write) => {
    const all = await flows(seed, Math.min(distinct, nFlows));
    const p = pools(seed, tokens);
    const r = rng(seed + 3);
    const flowChars = all.reduce((n, f) => n + JSON.stringify(f, null, 2).length, 0) / all.length;
    // Bodies grow by about 12% when JSON-escaped (code has quotes and backslashes).
    const budget = Math.max(1000, (size / nFlows - flowChars) * 0.88);
    write('{\n  "log": {\n    "version": "1.2",\n    "creator": { "name": "WebInspector", "version": "537.36" },\n    "pages": [],\n    "entries": [\n');
    let first = true;
    for (let i = 0; i < nFlows; i++) {
      const flow = all[i % all.length];
      const at = HAR_NOW + (i % all.length) * 90 + 22.5;
      for (const e of [...flow.slice(0, 3), ...bigEntries(r, p, tokens, at, budget), ...flow.slice(3)]) {
        write((first ? '' : ',\n') + JSON.stringify(e, null, 2));
        first = false;
      }
    }
    write('\n    ]\n  }\n}\n');
  });
}

/** A text file of about `size` bytes of mixed code/logs/JSON with about one token per 10 KB. */
export function textFile(seed: number, size: number, tokens: string[]): Promise<string> {
  return generate(`mixed-${seed}-${size}.txt`, (write) => { for (const s of mixedText(seed, size, tokens)) write(s); });
}
