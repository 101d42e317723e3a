/**
 * `ftn-inspect sanitize IN.har -o OUT.har [--mode remove|pseudonym] [--keep-token-headers] [--force]`:
 * writes a redacted copy of a HAR (core sanitizeHar) and reports what was redacted on stderr.
 * Never modifies the input: refuses an output that is the input (same path or same inode), and an
 * existing output unless --force. `-o -` writes the HAR to stdout. Exit 0 on success, 2 otherwise.
 */
import { promises as fs, type Stats } from 'node:fs';
import path from 'node:path';
import { FtnError } from '../core/errors';
import { sanitizeHar } from '../core/har/har.sanitize';

/** Output sinks the command writes to (a subset of the CLI's CliIO). */
export interface SanitizeIO {
  stdout(s: string): void;
  stderr(s: string): void;
}

/** Parsed `sanitize` arguments. */
export interface SanitizeCommand {
  input: string;
  output: string;
  mode: 'remove' | 'pseudonym';
  keepTokenHeaders: boolean;
  force: boolean;
}

const USAGE = 'usage: ftn-inspect sanitize IN.har -o OUT.har [--mode remove|pseudonym] [--keep-token-headers] [--force]\n';

class Refusal extends Error {}

/** Parses `sanitize` arguments (without the subcommand); 'help' for -h/--help. Throws Refusal on misuse. */
export function parseSanitizeArgs(argv: string[]): SanitizeCommand | 'help' {
  const out: Partial<SanitizeCommand> & { positional: string[] } = { positional: [], mode: 'remove', keepTokenHeaders: false, force: false };
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].startsWith('--') && argv[i].includes('=') ? [argv[i].slice(0, argv[i].indexOf('=')), argv[i].slice(argv[i].indexOf('=') + 1)] : [argv[i], undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Refusal(`sanitize: "${name}" needs a value`);
      return v;
    };
    if (name === '-h' || name === '--help') return 'help';
    else if (name === '-o' || name === '--out') out.output = value();
    else if (name === '--mode') {
      const m = value();
      if (m !== 'remove' && m !== 'pseudonym') throw new Refusal(`sanitize: "--mode" expects remove or pseudonym, got "${m}"`);
      out.mode = m;
    } else if (name === '--keep-token-headers') out.keepTokenHeaders = true;
    else if (name === '--force' || name === '-f') out.force = true;
    else if (name.startsWith('-') && name !== '-') throw new Refusal(`sanitize: unknown option "${name}"`);
    else out.positional.push(name);
  }
  if (out.positional.length !== 1) throw new Refusal(out.positional.length ? `sanitize: expects one input HAR, got ${out.positional.length}` : 'sanitize: no input HAR given');
  if (out.output === undefined) throw new Refusal('sanitize: "-o OUT.har" is required');
  return { input: out.positional[0], output: out.output, mode: out.mode!, keepTokenHeaders: out.keepTokenHeaders!, force: out.force! };
}

async function statOrUndefined(file: string): Promise<Stats | undefined> {
  try { return await fs.stat(file); } catch { return undefined; }
}

/** Refuses outputs that would overwrite the input or an existing file (without --force). */
async function checkOutput(c: SanitizeCommand, input: Stats): Promise<void> {
  if (c.output === '-') return;
  if (path.resolve(c.input) === path.resolve(c.output)) throw new Refusal(`sanitize: refusing to overwrite the input "${c.input}": choose another -o`);
  const out = await statOrUndefined(c.output);
  if (!out) return;
  if (out.dev === input.dev && out.ino === input.ino) throw new Refusal(`sanitize: refusing to overwrite the input "${c.input}": "${c.output}" is the same file`);
  if (out.isDirectory()) throw new Refusal(`sanitize: output "${c.output}" is a directory`);
  if (!c.force) throw new Refusal(`sanitize: output "${c.output}" exists: use --force to overwrite it`);
}

/** Writes via a temporary file in the same directory, then renames it into place. */
async function writeOutput(file: string, text: string): Promise<void> {
  const tmp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.tmp`);
  await fs.writeFile(tmp, text, { flag: 'wx' });
  try { await fs.rename(tmp, file); } catch (e) { await fs.rm(tmp, { force: true }); throw e; }
}

/** The redaction report: one line per kind, in a stable order. */
export function redactionReport(output: string, redactions: Record<string, number>): string {
  const kinds = Object.keys(redactions).sort();
  const total = kinds.reduce((n, k) => n + redactions[k], 0);
  const lines = kinds.map((k) => `  ${k.padEnd(14)} ${redactions[k]}\n`).join('');
  return `sanitize: wrote ${output === '-' ? 'stdout' : `"${output}"`}: ${total} redaction${total === 1 ? '' : 's'}\n${lines}`;
}

/** Runs `ftn-inspect sanitize`; resolves to the exit status (0 written, 2 refused or unreadable). */
export async function runSanitize(argv: string[], io: SanitizeIO): Promise<number> {
  try {
    const c = parseSanitizeArgs(argv);
    if (c === 'help') { io.stdout(USAGE); return 0; }
    const input = await statOrUndefined(c.input);
    if (!input || !input.isFile()) throw new Refusal(`sanitize: cannot read input "${c.input}": ${input ? 'not a file' : 'no such file'}`);
    await checkOutput(c, input);
    const text = await fs.readFile(c.input, 'utf8');
    const result = await sanitizeHar(text, { mode: c.mode, keepTokenHeaders: c.keepTokenHeaders });
    if (c.output === '-') io.stdout(result.text);
    else await writeOutput(c.output, result.text);
    io.stderr(redactionReport(c.output, result.redactions));
    return 0;
  } catch (e) {
    if (e instanceof Refusal) { io.stderr(`ftn-inspect: ${e.message}\n`); return 2; }
    if (e instanceof FtnError) { io.stderr(`ftn-inspect: sanitize: ${e.message}\n`); return 2; }
    const code = (e as NodeJS.ErrnoException)?.code;
    if (code) { io.stderr(`ftn-inspect: sanitize: ${code}: ${(e as Error).message}\n`); return 2; }
    throw e;
  }
}
