/**
 * Linear scanning on adversarial input, proven by counting the scanner's work (scanTextCounted's
 * counter: characters examined, header segments decoded), never by wall-clock time. For every shape,
 * doubling the input at most doubles the work (±10 %), and the work per character stays under a
 * small constant. test/core/token.scan.test.ts covers other shapes; these are the security suite's.
 */
import assert from 'node:assert/strict';
import { scanTextCounted } from '../../src/core/token.scan';

const TOKEN = 'eyJhbGciOiJub25lIn0.e30.';

/** Shapes that would make a backtracking or re-scanning scanner quadratic. */
const SHAPES: Array<[string, (n: number) => string]> = [
  ['partial percent escapes %2%2%2…', (n) => '%2'.repeat(n / 2)],
  ['base64 runs broken by partial escapes', (n) => 'eyJ%2'.repeat(n / 5)],
  ['escaped JSON keys \\"id_token\\":\\"…', (n) => '\\"id_token\\":\\"'.repeat(n / 16)],
  ['one run far over maxTokenLength', (n) => `eyJ${'A'.repeat(n)}.x.y`],
  ['runs just over maxTokenLength, back to back', (n) => `eyJ${'A'.repeat(4096)}.`.repeat(n / 4100)],
  ['a token after every form parameter', (n) => `a=${TOKEN}&`.repeat(n / 27)],
  ['Bearer tokens, one per line', (n) => `Authorization: Bearer ${TOKEN}\n`.repeat(n / 47)],
  ['tokens glued together without separators', (n) => TOKEN.repeat(n / 24)],
  ['unclosed objects with anchors', (n) => '{"payload":'.repeat(n / 11)],
  ['deep braces around one "ciphertext"', (n) => `${'{'.repeat(n / 2)}"ciphertext"${'}'.repeat(n / 2)}`],
  ['anchor names in arrays', (n) => '"payload","signature",{'.repeat(n / 23)],
  ['percent-encoded tokens', (n) => encodeURIComponent(`${TOKEN} `).replace(/\./g, '%2E').repeat(n / 40)],
  ['long look-back windows of quotes and colons', (n) => `${'":'.repeat(300)}${TOKEN} `.repeat(n / 625)],
];

/** Work of one scan of `text`. */
function work(text: string): { chars: number; headerChecks: number } {
  const counter = { chars: 0, headerChecks: 0 };
  scanTextCounted(text, { maxTokenLength: 4096 }, counter);
  return counter;
}

suite('security: the scanner is linear on adversarial input (work counted, not timed)', function () {
  this.timeout(30_000);
  for (const [name, make] of SHAPES) {
    test(name, () => {
      const small = make(40_000);
      const big = make(160_000);
      const a = work(small);
      const b = work(big);
      const growth = b.chars / a.chars;
      const sizeGrowth = big.length / small.length;
      assert.ok(growth <= sizeGrowth * 1.1, `work grew ${growth.toFixed(2)}× for ${sizeGrowth.toFixed(2)}× the input (${a.chars} → ${b.chars})`);
      assert.ok(b.chars <= 40 * big.length, `work per character ${(b.chars / big.length).toFixed(1)} is over 40`);
      // Every decoded header is a distinct candidate: at most one per dot-separated run.
      assert.ok(b.headerChecks <= big.length / 20, `${b.headerChecks} header checks for ${big.length} characters`);
    });
  }

  test('the counter sees the work: a text of n tokens costs at least n header checks', () => {
    const text = `${TOKEN} `.repeat(1000);
    assert.equal(work(text).headerChecks, 1000);
  });
});
