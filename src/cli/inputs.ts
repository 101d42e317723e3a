/**
 * What the CLI reads: input arguments (file, `-` for stdin, or a token), key files and the HAR test.
 * Every failure is a UsageError naming the file and the system error code.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { errors, harHead, importKeys, KeyRing, looksLikeHar, type ImportedKey } from '../core';
import { UsageError } from './args';

/**
 * One input to analyse: its label (file path, `<stdin>`, `<argument N>`) and how it was given. A HAR file
 * keeps only its path (it may be far larger than a string can hold); every other input carries its text.
 */
export type Input =
  | { label: string; origin: 'file' | 'stdin' | 'token'; har: false; text: string }
  | { label: string; origin: 'file'; har: true; path: string }
  | { label: string; origin: 'stdin'; har: true; text: string };

const HEAD = 65536;

const TOKENISH = /^[A-Za-z0-9_=-]+(\.[A-Za-z0-9_=-]*){2,4}$/;

/** The system error code of a failed read (`ENOENT`), or the message. */
export function errCode(e: unknown): string {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' ? code : e instanceof Error ? e.message : String(e);
}

/** Reads a file as UTF-8 text; `what` names it in the error (`input file`, `key file`). */
export async function readText(file: string, what: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${what} "${file}": ${errCode(e)}`);
  }
}

async function isFile(p: string): Promise<boolean> {
  try {
    await fs.stat(p);
    return true;
  } catch {
    return false;
  }
}

/** The first 64 KiB of a file, as text. */
async function readHead(file: string): Promise<string> {
  let h: fs.FileHandle | undefined;
  try {
    h = await fs.open(file, 'r');
    const buf = new Uint8Array(HEAD);
    const { bytesRead } = await h.read(buf, 0, HEAD, 0);
    return new TextDecoder().decode(buf.subarray(0, bytesRead));
  } catch (e) {
    throw new UsageError(`cannot read input file "${file}": ${errCode(e)}`);
  } finally {
    await h?.close();
  }
}

/** A file input: a HAR (detected from its first 64 KiB, else by parsing) keeps its path; anything else is read. */
async function fileInput(file: string): Promise<Input> {
  const head = await readHead(file);
  if (harHead(head)) return { label: file, origin: 'file', har: true, path: file };
  const text = await readText(file, 'input file');
  return looksLikeHar(text) ? { label: file, origin: 'file', har: true, path: file } : { label: file, origin: 'file', har: false, text };
}

/** Resolves the positional arguments: an existing path is a file, `-` is stdin, a token-shaped string is a token. */
export async function readInputs(args: string[], readStdin: () => Promise<string>): Promise<Input[]> {
  const out: Input[] = [];
  let stdinUsed = false;
  for (const [i, arg] of args.entries()) {
    if (arg === '-') {
      if (stdinUsed) throw new UsageError('"-" (stdin) is given more than once');
      stdinUsed = true;
      const text = await readStdin();
      out.push(looksLikeHar(text) ? { label: '<stdin>', origin: 'stdin', har: true, text } : { label: '<stdin>', origin: 'stdin', har: false, text });
    } else if (await isFile(arg)) {
      out.push(await fileInput(arg));
    } else if (TOKENISH.test(arg.trim()) || arg.trim().startsWith('{"')) {
      out.push({ label: `<argument ${i + 1}>`, origin: 'token', har: false, text: arg });
    } else {
      throw new UsageError(`cannot read "${arg.length > 80 ? arg.slice(0, 80) + '…' : arg}": no such file, and it is not a token`);
    }
  }
  return out;
}

/** Loads `--jwks` files then `--key` files into one ring (private keys added last, so they win). */
export async function loadKeys(keyFiles: string[], jwksFiles: string[], passphrase: string | undefined): Promise<KeyRing | undefined> {
  if (!keyFiles.length && !jwksFiles.length) return undefined;
  const ring = new KeyRing();
  for (const [file, what] of [...jwksFiles.map((f) => [f, 'JWKS file'] as const), ...keyFiles.map((f) => [f, 'key file'] as const)]) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await fs.readFile(file));
    } catch (e) {
      throw new UsageError(`cannot read ${what} "${file}": ${errCode(e)}`);
    }
    let keys: ImportedKey[];
    try {
      keys = await importKeys(bytes, { passphrase, name: path.basename(file) });
    } catch (e) {
      if (e instanceof errors.FtnError || e instanceof TypeError) throw new UsageError(`cannot import ${what} "${file}": ${e.message}`);
      throw e;
    }
    ring.add(keys);
  }
  return ring;
}
