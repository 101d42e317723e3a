/**
 * Command-line parsing for ftn-inspect. Every user mistake becomes a UsageError whose message is the
 * one line printed on stderr (exit status 2).
 */
import { RULES } from '../core';
import type { ProfileId } from '../core';

/** A user mistake: bad option, bad value, unreadable input. Printed as one line, exit status 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Option spec: name → takes a value (true) or is a flag (false). */
export type OptionSpec = Record<string, boolean>;

/** Parsed command line: positional arguments and options (repeatable ones keep every value). */
export interface Parsed {
  positional: string[];
  options: Map<string, string[]>;
}

/** Splits argv into positionals and options (`--name value`, `--name=value`, `-o value`, `--` ends options). */
export function parseArgv(argv: string[], spec: OptionSpec, aliases: Record<string, string> = {}): Parsed {
  const positional: string[] = [];
  const options = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const rawName = eq > 0 && arg.startsWith('--') ? arg.slice(0, eq) : arg;
    const name = aliases[rawName] ?? rawName;
    if (!Object.hasOwn(spec, name)) throw new UsageError(`unknown option "${rawName}" (see ftn-inspect --help)`);
    let value = 'true';
    if (spec[name]) {
      if (eq > 0 && arg.startsWith('--')) value = arg.slice(eq + 1);
      else if (i + 1 < argv.length) value = argv[++i];
      else throw new UsageError(`${rawName} expects a value`);
    } else if (eq > 0 && arg.startsWith('--')) {
      throw new UsageError(`${rawName} takes no value`);
    }
    options.set(name, [...(options.get(name) ?? []), value]);
  }
  return { positional, options };
}

/** The last value of an option, or undefined. */
export function last(p: Parsed, name: string): string | undefined {
  const v = p.options.get(name);
  return v?.[v.length - 1];
}

/** `--now`: an ISO 8601 time or epoch seconds, as epoch seconds. */
export function parseNow(v: string): number {
  if (/^\d+(\.\d+)?$/.test(v)) return Math.floor(Number(v));
  const ms = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(v) ? Date.parse(v) : NaN;
  if (Number.isNaN(ms)) throw new UsageError(`--now expects an ISO 8601 time or epoch seconds, got "${v}"`);
  return Math.floor(ms / 1000);
}

/** `--skew`: a non-negative number of seconds. */
export function parseSkew(v: string): number {
  if (!/^\d+(\.\d+)?$/.test(v)) throw new UsageError(`--skew expects a number of seconds, got "${v}"`);
  return Number(v);
}

const PROFILES: ProfileId[] = ['auto', 'ftn', 'idura', 'telia', 'op', 'signicat', 'generic'];

/** `--profile`: one of the profile IDs. */
export function parseProfile(v: string): ProfileId {
  if (!(PROFILES as string[]).includes(v)) throw new UsageError(`--profile expects one of ${PROFILES.join(', ')}, got "${v}"`);
  return v as ProfileId;
}

/** `--disable RULE,...` (repeatable): rule IDs, each checked against the catalog. */
export function parseDisable(values: string[]): string[] {
  const ids = values.flatMap((v) => v.split(',')).map((s) => s.trim()).filter(Boolean);
  const known = new Set(RULES.map((r) => r.id));
  // HAR-* and FTN-FLOW-* findings come from HAR analysis; accept them even while the catalog lacks them.
  const traceOnly = /^(HAR|FTN-FLOW)-[A-Z0-9]+(-[A-Z0-9]+)*$/;
  for (const id of ids) if (!known.has(id) && !traceOnly.test(id)) throw new UsageError(`--disable: unknown rule "${id}"`);
  return ids;
}

/** `--format`: text, json or sarif. */
export function parseFormat(v: string | undefined): 'text' | 'json' | 'sarif' {
  if (v === undefined) return 'text';
  if (v !== 'text' && v !== 'json' && v !== 'sarif') throw new UsageError(`--format expects text, json or sarif, got "${v}"`);
  return v;
}

/** An https/http URL option (`--issuer`, `--token-endpoint`). */
export function parseUrl(name: string, v: string): string {
  try {
    const u = new URL(v);
    if (u.protocol === 'https:' || u.protocol === 'http:') return v;
  } catch {
    // fall through
  }
  throw new UsageError(`${name} expects an http(s) URL, got "${v}"`);
}
