/**
 * Dispatch: `keygen`, `sanitize`, or the default inspect command. User mistakes (UsageError) become one
 * line on stderr and exit status 2; anything else is a bug and is reported as such (still one line).
 */
import { UsageError } from './args';
import { HELP } from './help';
import { inspectCommand, type CliIO } from './inspect.cmd';
import { keygen, parseKeygen } from './keygen';
import { runSanitize } from './cmd.sanitize';
import { clean } from './terminal';

/** Runs ftn-inspect with `argv` (without node and script); resolves to the exit status. */
export async function run(argv: string[], io: CliIO): Promise<number> {
  try {
    if (argv[0] === 'keygen') {
      const opts = parseKeygen(argv.slice(1), process.cwd());
      if (opts === 'help') return io.stdout(HELP), 0;
      const out = await keygen(opts);
      io.stdout(out.stdout);
      io.stderr(out.stderr);
      return 0;
    }
    if (argv[0] === 'sanitize') return await runSanitize(argv.slice(1), io);
    return await inspectCommand(argv, io, HELP);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`ftn-inspect: ${clean(e.message)}\n`);
      return 2;
    }
    const msg = e instanceof Error ? e.message : String(e);
    io.stderr(`ftn-inspect: internal error: ${clean(msg)} (please report this)\n`);
    if (io.env.FTN_DEBUG && e instanceof Error && e.stack) io.stderr(clean(e.stack).replace(/\\u000a/g, '\n') + '\n');
    return 2;
  }
}
