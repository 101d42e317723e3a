/**
 * `ftn-inspect keygen`: generates key pairs and writes, per key, the private JWK and PEM (mode 0600)
 * and the public PEM, plus one public JWKS. Refuses to overwrite anything. Prints the public JWKS on
 * stdout and the list of written files on stderr; private material goes only to the files.
 */
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { exportPem, generateKeyPair, toJwks, type GeneratedKeyPair, type GenerateKeyOptions } from '../core';
import { last, parseArgv, UsageError } from './args';
import { errCode } from './inputs';

const SPEC = { '--kty': true, '--size': true, '--crv': true, '--use': true, '--alg': true, '--out': true, '--help': false };

/** Parsed keygen options. */
export interface KeygenOptions {
  kty: 'RSA' | 'EC';
  size?: 2048 | 3072 | 4096;
  crv?: 'P-256' | 'P-384' | 'P-521';
  use: 'sig' | 'enc' | 'ftn-set';
  alg?: string;
  out: string;
}

/** Parses `keygen` arguments; every mistake is a UsageError. */
export function parseKeygen(argv: string[], cwd: string): KeygenOptions | 'help' {
  const p = parseArgv(argv, SPEC, { '-h': '--help' });
  if (p.options.has('--help')) return 'help';
  if (p.positional.length) throw new UsageError(`keygen: unexpected argument "${p.positional[0]}"`);
  const kty = last(p, '--kty');
  if (kty !== 'RSA' && kty !== 'EC') throw new UsageError(kty === undefined ? 'keygen: --kty RSA|EC is required' : `keygen: --kty expects RSA or EC, got "${kty}"`);
  const use = last(p, '--use');
  if (use !== 'sig' && use !== 'enc' && use !== 'ftn-set') throw new UsageError(use === undefined ? 'keygen: --use sig|enc|ftn-set is required' : `keygen: --use expects sig, enc or ftn-set, got "${use}"`);
  const opts: KeygenOptions = { kty, use, out: path.resolve(cwd, last(p, '--out') ?? '.') };
  const size = last(p, '--size');
  if (size !== undefined) {
    if (kty !== 'RSA') throw new UsageError('keygen: --size applies to RSA keys only (use --crv for EC)');
    if (!['2048', '3072', '4096'].includes(size)) throw new UsageError(`keygen: --size expects 2048, 3072 or 4096, got "${size}"`);
    opts.size = Number(size) as 2048 | 3072 | 4096;
  }
  const crv = last(p, '--crv');
  if (crv !== undefined) {
    if (kty !== 'EC') throw new UsageError('keygen: --crv applies to EC keys only (use --size for RSA)');
    if (crv !== 'P-256' && crv !== 'P-384' && crv !== 'P-521') throw new UsageError(`keygen: --crv expects P-256, P-384 or P-521, got "${crv}"`);
    opts.crv = crv;
  }
  const alg = last(p, '--alg');
  if (alg !== undefined && use === 'ftn-set') throw new UsageError('keygen: --alg cannot be used with --use ftn-set (it makes one sig and one enc key)');
  if (alg !== undefined) opts.alg = alg;
  return opts;
}

type Planned = { file: string; text: string; secret: boolean };

async function plan(opts: KeygenOptions): Promise<{ files: Planned[]; jwks: object }> {
  const uses: ('sig' | 'enc')[] = opts.use === 'ftn-set' ? ['sig', 'enc'] : [opts.use];
  const pairs: [string, GeneratedKeyPair][] = [];
  for (const use of uses) {
    const gen: GenerateKeyOptions = { kty: opts.kty, use, ...(opts.size ? { size: opts.size } : {}), ...(opts.crv ? { crv: opts.crv } : {}), ...(opts.alg ? { alg: opts.alg } : {}) };
    try {
      pairs.push([use, await generateKeyPair(gen)]);
    } catch (e) {
      throw new UsageError(`keygen: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const files: Planned[] = [];
  for (const [use, pair] of pairs) {
    const base = path.join(opts.out, `ftn-${use}`);
    files.push({ file: `${base}.private.jwk.json`, text: JSON.stringify(pair.privateJwk, null, 2) + '\n', secret: true });
    files.push({ file: `${base}.private.pem`, text: await exportPem(pair.privateJwk, 'private'), secret: true });
    files.push({ file: `${base}.public.pem`, text: await exportPem(pair.publicJwk, 'public'), secret: false });
  }
  const jwks = toJwks(pairs.map(([, p]) => p.publicJwk));
  const jwksName = opts.use === 'ftn-set' ? 'ftn.public.jwks.json' : `ftn-${opts.use}.public.jwks.json`;
  files.push({ file: path.join(opts.out, jwksName), text: JSON.stringify(jwks, null, 2) + '\n', secret: false });
  return { files, jwks };
}

/** Runs keygen: checks nothing would be overwritten, writes every file, returns stdout and stderr text. */
export async function keygen(opts: KeygenOptions): Promise<{ stdout: string; stderr: string }> {
  try {
    if (!(await fs.stat(opts.out)).isDirectory()) throw new UsageError(`keygen: --out "${opts.out}" is not a directory`);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`keygen: cannot use output directory "${opts.out}": ${errCode(e)}`);
  }
  const { files, jwks } = await plan(opts);
  for (const f of files) {
    const exists = await fs.access(f.file, constants.F_OK).then(() => true, () => false);
    if (exists) throw new UsageError(`keygen: refusing to overwrite "${f.file}"`);
  }
  for (const f of files) {
    try {
      await fs.writeFile(f.file, f.text, { flag: 'wx', mode: f.secret ? 0o600 : 0o644 });
      if (f.secret) await fs.chmod(f.file, 0o600); // the umask cannot widen it, but be explicit
    } catch (e) {
      throw new UsageError(`keygen: cannot write "${f.file}": ${errCode(e)}`);
    }
  }
  const stderr = files.map((f) => `wrote ${f.file}${f.secret ? ' (private, mode 0600)' : ''}`).join('\n') + '\n';
  return { stdout: JSON.stringify(jwks, null, 2) + '\n', stderr };
}
