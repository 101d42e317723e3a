/**
 * ftn-inspect entry point (bundled to dist/cli/ftn-inspect.js by `npm run build:cli`; the webpack
 * banner adds the shebang). Wires the process to run(): argv, stdio, environment, exit status.
 */
import path from 'node:path';
import pkg from '../../package.json';
import { run } from './run';

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer) => chunks.push(c));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

// A closed pipe (`ftn-inspect … | head`) is not an error worth a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

/** Starts the CLI with the process's arguments and sets the exit status once output is flushed. */
export function main(): void {
  run(process.argv.slice(2), {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    readStdin,
    env: process.env,
    isTTY: process.stdout.isTTY === true,
    version: pkg.version,
    // src/cli or dist/cli: the package root is two levels up either way.
    packageRoot: path.resolve(__dirname, '..', '..'),
  }).then((code) => {
    process.exitCode = code;
  });
}

main();
