/**
 * The fuzzers (`npm run fuzz`): the properties of props.test.ts over 100 000 cases each (FUZZ_RUNS to
 * change), seeded from FUZZ_SEED or at random; the seed is printed so any failure can be replayed:
 * `FUZZ_SEED=<seed> npm run fuzz`. HAR properties here also mutate slices of the whole example trace.
 */
import fc from 'fast-check';
import { fuzzParams, harMutated, harText } from './gens';
import { decodeProperty, harProperty, importProperty, pipelineProperty, sanitizeProperty, scanProperty } from './props';

const RUNS = 100_000;
const hars = fc.oneof(harText, harMutated);

suite('fuzz: hostile input (100 000 cases each, random seed)', function () {
  this.timeout(0);
  test('scanText', () => fc.assert(scanProperty, fuzzParams(RUNS, 'scanText')));
  test('decodeToken', () => fc.assert(decodeProperty, fuzzParams(RUNS, 'decodeToken')));
  test('importKeys', () => fc.assert(importProperty, fuzzParams(RUNS, 'importKeys')));
  test('analyzeText (all rules)', () => fc.assert(pipelineProperty, fuzzParams(RUNS, 'analyzeText')));
  test('analyzeHar', () => fc.assert(harProperty(hars), fuzzParams(RUNS, 'analyzeHar')));
  test('sanitizeHar', () => fc.assert(sanitizeProperty(hars), fuzzParams(RUNS, 'sanitizeHar')));
});
