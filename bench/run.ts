/**
 * `npm run bench`: every row of the performance table, each a ratio against a baseline measured in the
 * same run on the same input. Flags: --quick (1/100 sizes, no 1 GB file), --json (machine-readable),
 * --only=scan,har (row modules), --seed=N, --no-huge (no 1 GB HAR row). Generated inputs are cached in bench/.data by seed and size.
 */
import { machine } from './measure';
import { table, type Ctx, type Row } from './row';

const MODULES: Record<string, () => Promise<{ run(ctx: Ctx): Promise<Row[]> }>> = {
  scan: () => import('./row.scan'),
  adversarial: () => import('./row.adversarial'),
  crypto: () => import('./row.crypto'),
  har: () => import('./row.har'),
  hover: () => import('./row.hover'),
  extension: () => import('./row.extension'),
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick'), json = args.includes('--json');
  const only = args.find((a) => a.startsWith('--only='))?.slice(7).split(',');
  const seed = Number(args.find((a) => a.startsWith('--seed='))?.slice(7) ?? 1);
  const ctx: Ctx = { quick, seed, log: (m) => { if (!json) process.stderr.write(`… ${m}\n`); } };
  const started = Date.now();
  const rows: Row[] = [];
  for (const [name, load] of Object.entries(MODULES)) {
    if (only && !only.includes(name)) continue;
    try {
      rows.push(...await (await load()).run(ctx));
    } catch (e) {
      rows.push({ row: name, input: '—', figure: `failed: ${(e as Error).message.split('\n')[0]}`, baseline: '—', ratio: null, target: '—', met: false });
    }
  }
  const m = machine();
  if (json) {
    process.stdout.write(JSON.stringify({ machine: m, quick, seed, seconds: (Date.now() - started) / 1000, rows }, null, 2) + '\n');
  } else {
    process.stdout.write(`${table(rows)}\n\nmachine: ${m.cores} cores, ${m.cpu}, Node ${m.node}, load ${m.load}; ${quick ? 'quick (1/100 sizes), ' : ''}seed ${seed}; ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    process.stdout.write('times are CPU time (user+sys) of the measured process, medians; wall times shown where useful\n');
    if (quick) process.stdout.write('--quick checks that every row runs; at 1/100 sizes start-up and JIT warm-up dominate, so its ratios are not the targets\n');
  }
  if (rows.some((r) => r.met === false)) process.exitCode = 1;
}

void main();
