/**
 * HAR analysis: analyzeHar on a 200 MB HAR (~50 login flows, large bodies) against JSON.parse of the same
 * text (time), and peak RSS against the file size; the CLI's streaming path on the same file; and the
 * the ftn-inspect CLI on a 1 GB HAR (it streams files over 256 MiB: bounded memory). Every figure comes
 * from a fresh child process.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DATA_DIR, fileSize, human } from './data';
import { harFile } from './gen.har';
import { child, median, type ChildResult } from './measure';
import { ms, type Ctx, type Row } from './row';
import { tokenPool } from './tokens';

const MB = (b: number) => `${(b / (1 << 20)).toFixed(0)} MB`;
const ROOT = path.resolve(__dirname, '..');

function med(rs: ChildResult[], k: string): number {
  return median(rs.map((r) => r[k]));
}

/** The HAR rows. */
export async function run(ctx: Ctx): Promise<Row[]> {
  const tokens = await tokenPool(ctx.seed);
  const file = await harFile(ctx.seed, ctx.quick ? 2 << 20 : 200 << 20, tokens, ctx.quick ? 5 : 50);
  const size = fileSize(file);
  const runs = ctx.quick ? 1 : 3;
  ctx.log(`har: JSON.parse, analyzeHar and analyzeHarFile of ${human(size)}`);
  const idle = await child('idle', {}, ctx.quick);
  const parse: ChildResult[] = [], full: ChildResult[] = [], stream: ChildResult[] = [];
  if (ctx.quick) { await child('analyze-har', { file }, true); await child('har-file', { file }, true); } // in-process: warm up
  for (let i = 0; i < runs; i++) {
    parse.push(await child('json-parse', { file }, ctx.quick));
    full.push(await child('analyze-har', { file }, ctx.quick));
    stream.push(await child('har-file', { file }, ctx.quick));
  }
  const nokeys = await child('analyze-har-nokeys', { file }, ctx.quick);
  const p = med(parse, 'cpuMs'), a = med(full, 'cpuMs'), s = med(stream, 'cpuMs');
  const rssA = med(full, 'maxRssBytes'), rssS = med(stream, 'maxRssBytes'), rssP = med(parse, 'maxRssBytes');
  const input = `${human(size)} HAR, ${full[0].flows} flows, ${full[0].tokens} tokens`;
  const rows: Row[] = [
    {
      row: 'HAR analysis time (analyzeHar)', input, figure: `${ms(a)} cpu (${ms(med(full, 'wallMs'))} wall; without keys ${ms(nokeys.cpuMs)}; ${nokeys.distinct} distinct tokens)`,
      baseline: `JSON.parse ${ms(p)} cpu`, ratio: a / p, target: '≤ 2×', met: a / p <= 2,
      data: { bytes: size, cpuMs: a, wallMs: med(full, 'wallMs'), parseCpuMs: p, parseWallMs: med(parse, 'wallMs'), tokens: full[0].tokens, noKeysCpuMs: nokeys.cpuMs, distinctTokens: nokeys.distinct },
    },
    {
      row: 'HAR analysis peak RSS (analyzeHar)', input, figure: `${MB(rssA)} (JSON.parse: ${MB(rssP)}; idle process ${MB(idle.maxRssBytes)})${ctx.quick ? ' in-process, not isolated' : ''}`,
      baseline: `file ${MB(size)}`, ratio: rssA / size, target: '≤ 2.5× file', met: ctx.quick ? null : rssA / size <= 2.5,
      data: { maxRssBytes: rssA, parseMaxRssBytes: rssP, idleMaxRssBytes: idle.maxRssBytes, bytes: size },
    },
    {
      row: 'HAR analysis, streamed (CLI analyzeHarFile)', input, figure: `${ms(s)} cpu, peak ${MB(rssS)}`,
      baseline: `JSON.parse ${ms(p)} cpu; file ${MB(size)}`, ratio: s / p, target: '≤ 2× time, ≤ 2.5× file RSS', met: s / p <= 2 && (ctx.quick || rssS / size <= 2.5),
      data: { cpuMs: s, wallMs: med(stream, 'wallMs'), maxRssBytes: rssS, tokens: stream[0].tokens, sameTokens: stream[0].tokens === full[0].tokens },
    },
  ];
  // --no-huge: skip the 1 GB CLI row (minutes) when re-measuring the time rows only.
  if (!ctx.quick && !process.argv.includes('--no-huge')) rows.push(await huge(ctx, tokens, idle.maxRssBytes));
  return rows;
}

/** `ftn-inspect FILE --format json` (src/cli/main.ts under tsx) on a 1 GB HAR, peak RSS by /usr/bin/time. */
async function huge(ctx: Ctx, tokens: string[], idleRss: number): Promise<Row> {
  ctx.log('har: generating/using the 1 GB HAR');
  const file = await harFile(ctx.seed, 1 << 30, tokens);
  const size = fileSize(file);
  ctx.log('har: ftn-inspect on 1 GB');
  const r = cli(file);
  const ratio = r.maxRssBytes / size;
  return {
    row: 'huge HAR (CLI ftn-inspect, streamed)', input: `${human(size)} HAR, ${r.tokens} tokens in the report`,
    figure: `exit ${r.status}, ${ms(r.cpuMs)} cpu (${ms(r.wallMs)} wall), peak ${MB(r.maxRssBytes)}`,
    baseline: `file ${MB(size)} (idle process ${MB(idleRss)})`, ratio, target: 'completes; peak RSS well under the file (≤ 0.5×)',
    met: (r.status === 0 || r.status === 1) && r.tokens > 0 && ratio <= 0.5,
    data: { bytes: size, cpuMs: r.cpuMs, wallMs: r.wallMs, maxRssBytes: r.maxRssBytes, tokens: r.tokens, status: r.status },
  };
}

/** Runs the CLI on `file` with the demo keys; exit status, CPU, wall, peak RSS and the report's token count. */
function cli(file: string): { status: number; cpuMs: number; wallMs: number; maxRssBytes: number; tokens: number } {
  const out = path.join(DATA_DIR, 'huge-report.json');
  const keys = path.join(ROOT, 'examples/demo-keys');
  const args = ['-f', '%M %e %U %S', process.execPath, '--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), file,
    '--key', path.join(keys, 'client-enc.private.jwk.json'), '--jwks', path.join(keys, 'broker-sig.public.jwks.json'), '--format', 'json'];
  const fd = openSync(out, 'w');
  const r = spawnSync('/usr/bin/time', args, { cwd: ROOT, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
  closeSync(fd);
  const [kb, wall, user, sys] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  let tokens = 0;
  try { tokens = (JSON.parse(readFileSync(out, 'utf8')) as { tokens: unknown[] }).tokens.length; } catch { tokens = 0; }
  return { status: r.status ?? -1, cpuMs: (user + sys) * 1000, wallMs: wall * 1000, maxRssBytes: kb * 1024, tokens };
}
