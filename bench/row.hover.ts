/**
 * Hover: the work the VS Code hover does (src/vscode/docTokens.ts tokenAt + inspectHit, minus the vscode
 * API): take the hovered line by index, find the token with the extension's own tokenInLine
 * (src/vscode/hover.line.ts: a window of at most HOVER_WINDOW characters of the line), inspect
 * the token under the cursor. A 50 MB document against a 5 KB one holding the same line: the work must
 * be proportional to the line, not the document. The line index is built outside the timing (VS Code
 * keeps one per document).
 */
import { inspectToken, scanText, type AnalyzeOptions, type TokenReport } from '../src/core';
import { tokenInLine } from '../src/vscode/hover.line';
import { human } from './data';
import { mixedText } from './gen.text';
import { medianTime } from './measure';
import { ms, type Ctx, type Row } from './row';
import { demoRing } from './keys';
import { tokenPool } from './tokens';

/** Offsets where each line starts (what a TextDocument keeps). */
function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

/** tokenAt + inspectHit of docTokens.ts on a plain string document. */
async function hover(text: string, starts: number[], line: number, character: number, opts: AnalyzeOptions): Promise<TokenReport | undefined> {
  const end = line + 1 < starts.length ? starts[line + 1] - 1 : text.length;
  const found = tokenInLine(text.slice(starts[line], end), character);
  if (!found) return undefined;
  const location = { line: line + 1, column: found.column, offset: starts[line] + found.offset, length: found.length };
  return inspectToken(found.token, { location, context: found.context }, opts);
}

/** A document of about `size` characters with `hoverLine` in its middle; returns it and the line's index. */
function document(seed: number, size: number, tokens: string[], hoverLine: string): { text: string; line: number } {
  const half = [...mixedText(seed, size / 2, tokens)].join('');
  const rest = [...mixedText(seed + 7, size / 2, tokens)].join('');
  const text = half + hoverLine + '\n' + rest;
  let line = 0;
  for (let i = half.indexOf('\n'); i !== -1; i = half.indexOf('\n', i + 1)) line++;
  return { text, line };
}

/** The hover row. */
export async function run(ctx: Ctx): Promise<Row[]> {
  const tokens = await tokenPool(ctx.seed);
  const token = tokens[0]; // a nested (JWE) ID token: hover decrypts and verifies it
  const hoverLine = `    "id_token": "${token}",`;
  const character = hoverLine.indexOf('eyJ') + 40;
  const bigSize = ctx.quick ? 512 << 10 : 50 << 20;
  ctx.log(`hover: building ${human(bigSize)} and 5 KB documents`);
  const big = document(ctx.seed, bigSize, tokens, hoverLine);
  const small = document(ctx.seed, 5 << 10, tokens, hoverLine);
  const bigStarts = lineStarts(big.text), smallStarts = lineStarts(small.text);
  const opts: AnalyzeOptions = { keys: await demoRing(), now: 1793613600 };
  const check = await hover(big.text, bigStarts, big.line, character, opts);
  if (check?.decryption?.status !== 'decrypted') throw new Error(`hover bench: the token was not decrypted (${check?.decryption?.status})`);
  const runs = ctx.quick ? 20 : 100;
  // Interleave so machine noise hits both sides alike.
  const tb: number[] = [], ts: number[] = [];
  for (let r = 0; r < 5; r++) {
    ts.push((await medianTime(() => hover(small.text, smallStarts, small.line, character, opts), runs / 5)).cpuMs);
    tb.push((await medianTime(() => hover(big.text, bigStarts, big.line, character, opts), runs / 5)).cpuMs);
  }
  const b = tb.sort((x, y) => x - y)[2], s = ts.sort((x, y) => x - y)[2];
  const scanOnly = await medianTime(() => scanText(hoverLine), runs);
  return [{
    row: 'hover (tokenAt + inspect)', input: `${human(big.text.length)} document, line ${big.line + 1} (${hoverLine.length} chars)`,
    figure: `${ms(b)} cpu per hover`, baseline: `same line in a ${human(small.text.length)} document ${ms(s)} cpu (line scan alone ${ms(scanOnly.cpuMs)})`,
    ratio: b / s, target: '≤ 1.5×', met: b / s <= 1.5,
    data: { bigCpuMs: b, smallCpuMs: s, scanOnlyCpuMs: scanOnly.cpuMs, docChars: big.text.length },
  }];
}
