/**
 * Decrypt + verify of nested FTN ID tokens through the core (decodeToken → decryptJwe → decodeToken →
 * verifyJws, keys picked from a KeyRing by kid) against bare jose compactDecrypt + compactVerify with the
 * right keys already imported. Rings: the 2 demo keys, and the same plus 48 RSA decoys (50 keys).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compactDecrypt, compactVerify, importJWK, type JWK } from 'jose';
import { decodeToken, decryptJwe, DEFAULT_LIMITS, isDecodeFailure, KeyRing, verifyJws, type DecodedJWE, type DecodedJWS } from '../src/core';
import { demoKeys, importJwks } from './keys';
import { median, time, type Timing } from './measure';
import { ms, type Ctx, type Row } from './row';
import { decoyKeys, idTokens } from './tokens';

const dec = new TextDecoder();

/** The core path for one token; returns true when it decrypted and the inner signature is valid. */
async function core(raw: string, ring: KeyRing): Promise<boolean> {
  const d = decodeToken(raw);
  if (isDecodeFailure(d) || d.format !== 'JWE') return false;
  const out = await decryptJwe(d as DecodedJWE, raw, ring, DEFAULT_LIMITS);
  if (!out.plaintext) return false;
  const inner = dec.decode(out.plaintext);
  const di = decodeToken(inner);
  if (isDecodeFailure(di) || di.format !== 'JWS') return false;
  return (await verifyJws(di as DecodedJWS, inner, ring)).result.status === 'valid';
}

/** The decrypt+verify rows (2 keys, 50 keys). */
export async function run(ctx: Ctx): Promise<Row[]> {
  const n = ctx.quick ? 20 : 1000;
  const rounds = ctx.quick ? 4 : 100;
  const tokens = await idTokens(ctx.seed, n);
  ctx.log('crypto: keys');
  const demo = await demoKeys();
  const ring2 = new KeyRing(demo);
  const ring50 = new KeyRing([...await importJwks(await decoyKeys(48)), ...demo]);
  const dir = path.resolve(__dirname, '../examples/demo-keys');
  const jwk = (f: string) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as JWK;
  const encKey = await importJWK({ ...jwk('client-enc.private.jwk.json'), alg: undefined, use: undefined } as JWK, 'RSA-OAEP-256');
  const sigKey = await importJWK((jwk('broker-sig.public.jwks.json') as unknown as { keys: JWK[] }).keys[0], 'RS256');
  const baseline = async (batch: string[]) => {
    for (const t of batch) await compactVerify((await compactDecrypt(t, encKey)).plaintext, sigKey);
  };
  let ok2 = 0, ok50 = 0;
  const ours = (ring: KeyRing, count: (k: number) => void) => async (batch: string[]) => {
    let k = 0;
    for (const t of batch) if (await core(t, ring)) k++;
    count(k);
  };
  const f2 = ours(ring2, (k) => { ok2 += k; }), f50 = ours(ring50, (k) => { ok50 += k; });
  const warm = tokens.slice(0, 20);
  await baseline(warm); await f2(warm); await f50(warm); // key import caches, JIT
  ok2 = ok50 = 0;
  // The machine is shared: every variant runs on the same small batch back to back, in a rotating order,
  // and the figure is the median of the per-batch ratios (slow drifts in load cancel out).
  const size = Math.max(1, Math.floor(n / rounds));
  const tb: Timing[] = [], t2: Timing[] = [], t50: Timing[] = [];
  ctx.log(`crypto: ${rounds} interleaved batches of ${size} tokens`);
  for (let r = 0; r < rounds; r++) {
    const batch = tokens.slice(r * size, (r + 1) * size);
    const order: [Timing[], (b: string[]) => Promise<void>][] = [[tb, baseline], [t2, f2], [t50, f50]];
    for (let k = 0; k < 3; k++) {
      const [into, fn] = order[(k + r) % 3];
      into.push(await time(() => fn(batch)));
    }
  }
  const b = tb.reduce((s, t) => s + t.cpuMs, 0);
  const row = (label: string, ts: Timing[], ok: number): Row => {
    const cpu = ts.reduce((s, t) => s + t.cpuMs, 0);
    const ratio = median(ts.map((t, i) => t.cpuMs / tb[i].cpuMs));
    const count = size * rounds;
    return {
      row: `decrypt + verify (${label})`, input: `${count} nested ID tokens (RSA-OAEP-256 + RS256)`,
      figure: `${ms(cpu)} cpu (${(cpu * 1000 / count).toFixed(0)} µs/token; ${ok}/${count} valid)`,
      baseline: `jose compactDecrypt+compactVerify ${ms(b)} cpu (${(b * 1000 / count).toFixed(0)} µs/token)`, ratio, target: '≤ 1.1× (median of batch ratios)', met: ratio <= 1.1 && ok === count,
      data: { cpuMs: cpu, baselineCpuMs: b, totalRatio: cpu / b, valid: ok, tokens: count, batches: rounds },
    };
  };
  return [row('2 keys: enc + sig', t2, ok2), row(`${ring50.size} keys, kid match`, t50, ok50)];
}
