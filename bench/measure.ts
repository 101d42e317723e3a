/**
 * Measuring: wall time (process.hrtime.bigint) and CPU time (user+sys, which a machine shared with
 * other work disturbs far less), medians, peak RSS of child processes, and external commands.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';

/** One timing: wall and CPU milliseconds. */
export interface Timing {
  wallMs: number;
  cpuMs: number;
}

/** Times `fn` once (wall and this process's CPU). */
export async function time(fn: () => unknown): Promise<Timing> {
  const c = process.cpuUsage();
  const t = process.hrtime.bigint();
  await fn();
  const wallMs = Number(process.hrtime.bigint() - t) / 1e6;
  const u = process.cpuUsage(c);
  return { wallMs, cpuMs: (u.user + u.system) / 1000 };
}

/** Median of numbers. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Median wall and CPU time of `runs` runs of `fn` (after one warm-up run when `warm`). One full GC first;
 * none between runs (the GC's helper threads would bill their sweeping to the next, small, run).
 */
export async function medianTime(fn: () => unknown, runs: number, warm = true): Promise<Timing> {
  if (warm) await fn();
  (globalThis as { gc?: () => void }).gc?.();
  const ts: Timing[] = [];
  for (let i = 0; i < runs; i++) ts.push(await time(fn));
  return { wallMs: median(ts.map((t) => t.wallMs)), cpuMs: median(ts.map((t) => t.cpuMs)) };
}

/** What a child task reports: its timings, its peak RSS and task-specific numbers. */
export interface ChildResult extends Timing {
  maxRssBytes: number;
  [k: string]: number;
}

/**
 * Runs one task of bench/tasks.ts in a fresh process (so peak RSS is the task's own), or in this process
 * when `inProcess` (--quick: no process start-up; RSS is then this process's).
 */
export async function child(task: string, args: Record<string, unknown>, inProcess = false): Promise<ChildResult> {
  if (inProcess) {
    const { TASKS } = await import('./tasks');
    const r = await TASKS[task](args as { file: string });
    return { ...r, maxRssBytes: process.resourceUsage().maxRSS * 1024 } as ChildResult;
  }
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(__dirname, 'child.ts'), task, JSON.stringify(args)], {
    encoding: 'utf8', maxBuffer: 16 << 20, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const last = out.trim().split('\n').pop()!;
  return JSON.parse(last) as ChildResult;
}

/** Runs a shell command `runs` times; median wall and children's CPU time (bash `times`). */
export function command(cmd: string, runs: number): Timing & { stdout: string } {
  const ts: Timing[] = [];
  let stdout = '';
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync('bash', ['-c', `${cmd} > /tmp/ftn-bench-cmd.$$; times; cat /tmp/ftn-bench-cmd.$$; rm -f /tmp/ftn-bench-cmd.$$`], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const wallMs = Number(process.hrtime.bigint() - t) / 1e6;
    if (r.status !== 0) throw new Error(`command failed (${r.status}): ${cmd}\n${r.stderr}`);
    const lines = r.stdout.split('\n');
    const kids = lines[1].trim().split(/\s+/).map(seconds);
    ts.push({ wallMs, cpuMs: (kids[0] + kids[1]) * 1000 });
    stdout = lines.slice(2).join('\n');
  }
  return { wallMs: median(ts.map((t) => t.wallMs)), cpuMs: median(ts.map((t) => t.cpuMs)), stdout };
}

/** `1m2.345s` → 62.345 */
function seconds(s: string): number {
  const m = /^(\d+)m([\d.]+)s$/.exec(s);
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
}

/** The machine: cores, CPU model, Node version. */
export function machine(): { cores: number; cpu: string; node: string; load: string } {
  return { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', node: process.version, load: os.loadavg().map((x) => x.toFixed(1)).join(' ') };
}

/** Is `which` on PATH? */
export function have(which: string): boolean {
  try { execFileSync('bash', ['-c', `command -v ${which}`], { stdio: 'ignore' }); return true; } catch { return false; }
}
