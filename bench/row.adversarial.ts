/** Scanner time on input built to defeat regexes: 10 MB against the first 1 MB of the same text (linear ⇒ ~10×). */
import { readFileSync } from 'node:fs';
import { scanText } from '../src/core';
import { scanTextCounted } from '../src/core/token.scan';
import { fileSize, generate, human } from './data';
import { adversarialText } from './gen.text';
import { medianTime } from './measure';
import { ms, type Ctx, type Row } from './row';

/** The adversarial row. */
export async function run(ctx: Ctx): Promise<Row[]> {
  const big = ctx.quick ? 1 << 20 : 10 << 20;
  const file = await generate(`adversarial-${ctx.seed}-${big}.txt`, (w) => { for (const s of adversarialText(ctx.seed, big)) w(s); });
  const text = readFileSync(file, 'utf8');
  const small = text.slice(0, text.length / 10);
  ctx.log(`adversarial: scanning ${human(small.length)} and ${human(text.length)}`);
  const runs = ctx.quick ? 3 : 5;
  const t1 = await medianTime(() => scanText(small), runs);
  const t10 = await medianTime(() => scanText(text), runs);
  const ratio = t10.cpuMs / t1.cpuMs;
  // The scanner's own work counter (characters examined per input character) does not depend on machine noise.
  const work = (s: string) => { const c = { chars: 0, headerChecks: 0 }; scanTextCounted(s, undefined, c); return c.chars / s.length; };
  const w1 = work(small), w10 = work(text);
  return [{
    row: 'adversarial scan', input: `${human(fileSize(file))} vs its first ${human(small.length)}`,
    figure: `${ms(t10.cpuMs)} cpu (${ms(t10.wallMs)} wall); ${w10.toFixed(2)} chars examined per char`,
    baseline: `${ms(t1.cpuMs)} cpu (${ms(t1.wallMs)} wall); ${w1.toFixed(2)} chars examined per char`,
    ratio, target: '≤ 12×', met: ratio <= 12,
    data: { workPerCharBig: w10, workPerCharSmall: w1, bigCpuMs: t10.cpuMs, smallCpuMs: t1.cpuMs, bigWallMs: t10.wallMs, smallWallMs: t1.wallMs, bigChars: text.length },
  }];
}
