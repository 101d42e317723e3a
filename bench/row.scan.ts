/**
 * Token scan throughput against GNU grep (LC_ALL=C, the faster locale) on the same file: 100 MB of mixed
 * text (~1 token per 10 KB) and a 100 MB HAR. CPU time (user+sys) is compared; both must find the same tokens.
 */
import { child, command, median } from './measure';
import { fileSize, human } from './data';
import { harFile, textFile } from './gen.har';
import { mbps, ms, type Ctx, type Row } from './row';
import { tokenPool } from './tokens';

/** An ERE equivalent to the compact token shapes the scanner finds (3 or 5 segments, header starts eyJ). */
export const GREP_PATTERN = 'eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*)?';

async function scanRow(ctx: Ctx, label: string, file: string): Promise<Row> {
  const runs = ctx.quick ? 1 : 3;
  const size = fileSize(file);
  ctx.log(`scan: grep on ${label}`);
  const grep = command(`LC_ALL=C grep -oE '${GREP_PATTERN}' ${file}`, runs);
  const floor = command(`LC_ALL=C grep -c eyJ ${file}`, runs);
  ctx.log(`scan: scanText on ${label}`);
  const ours = [];
  if (ctx.quick) await child('scan', { file }, true); // in-process: warm the JIT first
  for (let i = 0; i < runs; i++) ours.push(await child('scan', { file }, ctx.quick));
  const scan = median(ours.map((o) => o.scanCpuMs)), withRead = median(ours.map((o) => o.cpuMs));
  const wall = median(ours.map((o) => o.wallMs));
  const grepMatches = grep.stdout.split('\n').filter(Boolean).length;
  // The scanner works on a string (a VS Code document, a DevTools capture, a file the CLI has read):
  // the ratio compares scanText on the text in memory with grep on the file; read + scan is shown too.
  const ratio = grep.cpuMs / scan; // our throughput ÷ grep's
  return {
    row: `token scan (${label})`, input: `${human(size)} ${label}`,
    figure: `${mbps(size, scan)} (${ms(scan)} cpu; ${ours[0].tokens} tokens); read+scan ${mbps(size, withRead)} = ${(grep.cpuMs / withRead).toFixed(2)}× grep`,
    baseline: `grep -oE ${mbps(size, grep.cpuMs)} (${ms(grep.cpuMs)} cpu; ${grepMatches} matches); grep -c eyJ ${mbps(size, floor.cpuMs)}`,
    ratio, target: '≥ 0.5× grep', met: ratio >= 0.5 && grepMatches === ours[0].tokens,
    data: { bytes: size, scanCpuMs: scan, readScanCpuMs: withRead, wallMs: wall, readCpuMs: median(ours.map((o) => o.readCpuMs)), tokens: ours[0].tokens, grepCpuMs: grep.cpuMs, grepWallMs: grep.wallMs, grepMatches, floorCpuMs: floor.cpuMs },
  };
}

/** The two scan rows. */
export async function run(ctx: Ctx): Promise<Row[]> {
  const tokens = await tokenPool(ctx.seed);
  const size = ctx.quick ? 1 << 20 : 100 << 20;
  const text = await textFile(ctx.seed, size, tokens);
  const har = await harFile(ctx.seed, size, tokens);
  return [await scanRow(ctx, 'mixed text', text), await scanRow(ctx, 'HAR', har)];
}
