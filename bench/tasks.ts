/**
 * The measured tasks (scan, json-parse, analyze-har, har-file, idle). Full runs execute each in a fresh
 * process (child.ts) so its peak RSS is its own; --quick runs them in-process.
 */
import { readFileSync } from 'node:fs';
import { analyzeHar, scanText } from '../src/core';
import { demoRing } from './keys';
import { time, type ChildResult } from './measure';

/** A task: its timings and task-specific numbers. */
export type Task = (args: { file: string }) => Promise<Omit<ChildResult, 'maxRssBytes'>>;

/** Every task by name. */
export const TASKS: Record<string, Task> = {
  /** Reads a file as text and scans it; the figure includes the read (grep reads too). */
  async scan({ file }) {
    let text = '';
    const read = await time(() => { text = readFileSync(file, 'utf8'); });
    let n = 0;
    const scan = await time(() => { n = scanText(text).length; });
    return { wallMs: read.wallMs + scan.wallMs, cpuMs: read.cpuMs + scan.cpuMs, scanCpuMs: scan.cpuMs, readCpuMs: read.cpuMs, tokens: n, chars: text.length };
  },
  /** JSON.parse of a file's text (the read is not timed). */
  async 'json-parse'({ file }) {
    const text = readFileSync(file, 'utf8');
    let v: unknown;
    const t = await time(() => { v = JSON.parse(text); });
    return { ...t, entries: ((v as { log: { entries: unknown[] } }).log.entries).length };
  },
  /** analyzeHar of a file's text with the demo keys (the read is not timed). */
  async 'analyze-har'({ file }) {
    const keys = await demoRing();
    const text = readFileSync(file, 'utf8');
    let tokens = 0, flows = 0;
    const t = await time(async () => { const r = await analyzeHar(text, { keys }); tokens = r.tokens.length; flows = r.flows?.length ?? 0; });
    return { ...t, tokens, flows };
  },
  /** analyzeHar without keys: no decryption or signature checks (shows what the crypto costs). */
  async 'analyze-har-nokeys'({ file }) {
    const text = readFileSync(file, 'utf8');
    let tokens = 0, distinct = 0;
    const t = await time(async () => { const r = await analyzeHar(text); tokens = r.tokens.length; distinct = new Set(r.tokens.map((x) => x.raw)).size; });
    return { ...t, tokens, distinct };
  },
  /** The CLI's streaming path: analyzeHarFile(path) reads and analyses chunk by chunk. */
  async 'har-file'({ file }) {
    const { analyzeHarFile } = await import('../src/cli/har.stream');
    const keys = await demoRing();
    let tokens = 0, flows = 0;
    const t = await time(async () => { const r = await analyzeHarFile(file, { keys }); tokens = r.tokens.length; flows = r.flows?.length ?? 0; });
    return { ...t, tokens, flows };
  },
  /** Nothing: the RSS of node + tsx + the core loaded. */
  async idle() {
    return { wallMs: 0, cpuMs: 0 };
  },
};

