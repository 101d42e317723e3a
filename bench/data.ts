/** Where generated bench inputs live (bench/.data, git-ignored) and how they are cached by seed and size. */
import { closeSync, existsSync, mkdirSync, openSync, renameSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';

/** bench/.data */
export const DATA_DIR = path.resolve(__dirname, '.data');

/** The cached file for `name` (seed and size are part of the name); null when absent. */
export function cached(name: string): string | null {
  const file = path.join(DATA_DIR, name);
  return existsSync(file) ? file : null;
}

/**
 * Writes a generated file once: `produce` gets a `write` sink (strings, buffered) and the file is
 * renamed into place only when complete, so an interrupted run never leaves a half file in the cache.
 */
export async function generate(name: string, produce: (write: (s: string) => void) => Promise<void> | void): Promise<string> {
  const file = path.join(DATA_DIR, name);
  if (existsSync(file)) return file;
  mkdirSync(DATA_DIR, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  let buf: string[] = [];
  let size = 0;
  const flush = () => { if (buf.length) writeSync(fd, buf.join('')); buf = []; size = 0; };
  await produce((s) => { buf.push(s); size += s.length; if (size > 4 << 20) flush(); });
  flush();
  closeSync(fd);
  renameSync(tmp, file);
  return file;
}

/** Size of a file in bytes. */
export function fileSize(file: string): number {
  return statSync(file).size;
}

/** Human size: `100 MB`, `5 KB`. */
export function human(bytes: number): string {
  if (bytes >= 1 << 30) return `${(bytes / (1 << 30)).toFixed(bytes % (1 << 30) ? 2 : 0)} GB`;
  if (bytes >= 1 << 20) return `${Math.round(bytes / (1 << 20))} MB`;
  return `${Math.round(bytes / 1024)} KB`;
}
