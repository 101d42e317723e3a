/** Runs ftn-inspect from source as a real process (node --require tsx/cjs src/cli/main.ts). */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const CLI = path.join(ROOT, 'src/cli/main.ts');

/** Output of one CLI run. */
export interface CliResult { code: number | null; stdout: string; stderr: string }

/** Runs the CLI with `args`; `preload` adds `--require` modules; colour variables are cleared unless `env` sets them. */
export function cli(args: string[], opts: { input?: string; env?: Record<string, string>; preload?: string[]; cwd?: string } = {}): CliResult {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, FTN_DEBUG: undefined, ...opts.env };
  const pre = (opts.preload ?? []).flatMap((p) => ['--require', p]);
  const r = spawnSync(process.execPath, [...pre, '--require', 'tsx/cjs', CLI, ...args], {
    cwd: opts.cwd ?? ROOT, input: opts.input ?? '', env: env as NodeJS.ProcessEnv, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
