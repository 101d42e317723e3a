/**
 * No crash, no hang, only documented errors: 10 000 generated cases per parser, fixed seed (reproducible).
 * The same properties run 100 000+ times with a random seed in props.fuzz.ts (`npm run fuzz`).
 */
import fc from 'fast-check';
import { harLight, UNIT_SEED } from './gens';
import { decodeProperty, harProperty, importProperty, pipelineProperty, sanitizeProperty, scanProperty } from './props';

const RUNS = { numRuns: 10_000, seed: UNIT_SEED, endOnFailure: true };

suite('security: hostile input properties (10 000 cases each, seed 20261125)', function () {
  this.timeout(60_000);

  test('scanText: spans, lines and lengths always point into the text; never throws', () => {
    fc.assert(scanProperty, RUNS);
  });

  test('decodeToken: a decoded token or a DecodeError with a known code; never throws', () => {
    fc.assert(decodeProperty, RUNS);
  });

  test('importKeys: keys or a KeyImportError, never another exception type', async () => {
    await fc.assert(importProperty, RUNS);
  });

  test('analyzeText: every rule runs on claims and headers of any JSON type (2 000 cases)', async () => {
    await fc.assert(pipelineProperty, { ...RUNS, numRuns: 2_000 });
  });

  test('analyzeHar: a serialisable report or a HarReadError', async () => {
    await fc.assert(harProperty(harLight), RUNS);
  });

  test('sanitizeHar: valid JSON with no input token left, or a HarReadError', async () => {
    await fc.assert(sanitizeProperty(harLight), RUNS);
  });
});
