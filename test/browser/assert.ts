/** Minimal assertions for the browser suites (node:assert is not bundled for the web target). */

/** Fails unless a === b. */
export function eq<T>(actual: T, expected: T, what = 'value'): void {
  if (actual !== expected) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

/** Fails unless the JSON forms are equal. */
export function deepEq(actual: unknown, expected: unknown, what = 'value'): void {
  const a = JSON.stringify(actual), e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}

/** Fails unless v is truthy. */
export function ok(v: unknown, what = 'condition'): asserts v {
  if (!v) throw new Error(`${what}: expected truthy, got ${String(v)}`);
}

/** The single element matching a selector under root (fails when absent). */
export function one<E extends Element = HTMLElement>(root: ParentNode, sel: string): E {
  const el = root.querySelector<E>(sel);
  if (!el) throw new Error(`no element matches ${sel}`);
  return el;
}

/** Text of every element matching a selector. */
export function texts(root: ParentNode, sel: string): string[] {
  return Array.from(root.querySelectorAll(sel), (e) => e.textContent ?? '');
}
