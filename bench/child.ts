/** Runs one task of tasks.ts in this (fresh) process and prints one JSON line: timings, peak RSS, task numbers. */
import { TASKS } from './tasks';

async function main(): Promise<void> {
  const [task, json] = process.argv.slice(2);
  const fn = TASKS[task];
  if (!fn) throw new Error(`unknown bench task "${task}"`);
  const r = await fn(JSON.parse(json ?? '{}'));
  process.stdout.write(JSON.stringify({ ...r, maxRssBytes: process.resourceUsage().maxRSS * 1024 }) + '\n');
}

void main();
