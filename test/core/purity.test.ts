/**
 * src/core is platform-neutral: it imports only `jose` and other src/core files, and never touches
 * `process`, `Buffer`, `require`, `window`, `document` or `chrome`. Checked on the TypeScript AST (so
 * comments, strings and property names like `x.process` do not count), over every file under src/core.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const CORE = path.resolve(__dirname, '../../src/core');
const FORBIDDEN_GLOBALS = new Set(['process', 'Buffer', 'require', 'window', 'document', 'chrome', '__dirname', '__filename', 'global']);
const GLOBAL_OBJECTS = new Set(['globalThis', 'self', 'window', 'global']);
/** Type-only imports of these packages are erased at compile time; nothing of them runs. */
const TYPE_ONLY_PACKAGES = new Set(['har-format']);

/** Every violation in one source file, as `file:line: what`. */
export function violations(file: string, text: string, coreRoot = CORE): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: string[] = [];
  const at = (n: ts.Node, what: string) => out.push(`${path.relative(coreRoot, file)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}: ${what}`);
  const checkSpecifier = (n: ts.Node, spec: string, typeOnly: boolean) => {
    if (spec === 'jose') return;
    if (spec.startsWith('./') || spec.startsWith('../')) {
      const target = path.resolve(path.dirname(file), spec);
      if (target !== coreRoot && !target.startsWith(coreRoot + path.sep)) at(n, `imports "${spec}", outside src/core`);
      return;
    }
    if (typeOnly && TYPE_ONLY_PACKAGES.has(spec)) return;
    at(n, `imports "${spec}"`);
  };
  const visit = (n: ts.Node): void => {
    if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) {
      const typeOnly = ts.isImportDeclaration(n) ? !!n.importClause?.isTypeOnly : n.isTypeOnly;
      checkSpecifier(n, n.moduleSpecifier.text, typeOnly);
    } else if (ts.isImportTypeNode(n) && ts.isLiteralTypeNode(n.argument) && ts.isStringLiteral(n.argument.literal)) {
      checkSpecifier(n, n.argument.literal.text, true);
    } else if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const a = n.arguments[0];
      if (a && ts.isStringLiteral(a)) checkSpecifier(n, a.text, false); else at(n, 'dynamic import() of a computed specifier');
    } else if (ts.isIdentifier(n) && FORBIDDEN_GLOBALS.has(n.text) && isReference(n)) {
      at(n, `uses "${n.text}"`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/** True when an identifier refers to a variable (not a property name, member name or declared name of a member). */
function isReference(id: ts.Identifier): boolean {
  const p = id.parent;
  if (ts.isPropertyAccessExpression(p) && p.name === id) {
    return ts.isIdentifier(p.expression) && GLOBAL_OBJECTS.has(p.expression.text); // globalThis.process
  }
  if ((ts.isPropertyAssignment(p) || ts.isPropertySignature(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p)
    || ts.isMethodSignature(p) || ts.isGetAccessor(p) || ts.isSetAccessor(p) || ts.isEnumMember(p)) && p.name === id) return false;
  if (ts.isQualifiedName(p) && p.right === id) return false;
  if (ts.isImportSpecifier(p) || ts.isExportSpecifier(p)) return false;
  return true;
}

function coreFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? coreFiles(p) : /\.(ts|js|mjs|cjs|tsx)$/.test(d.name) ? [p] : [];
  });
}

suite('core purity', () => {
  test('every file under src/core imports only jose and src/core, and uses no host globals', () => {
    const files = coreFiles(CORE);
    assert.ok(files.length >= 20, `expected the core files, found ${files.length}`);
    const found = files.flatMap((f) => violations(f, readFileSync(f, 'utf8')));
    assert.deepEqual(found, []);
  });

  test('the guard catches each forbidden import and global', () => {
    const f = path.join(CORE, 'x.ts');
    const src = [
      "import fs from 'node:fs';",
      "import * as vscode from 'vscode';",
      "export { a } from '../cli/args';",
      "const e = process.env.HOME;",
      "const b = Buffer.from('x');",
      "const m = require('jose');",
      "const w = window.location;",
      "const d = document.body;",
      "chrome.runtime.sendMessage({});",
      "const g = globalThis.process;",
      "const lazy = import('node:path');",
    ].join('\n');
    assert.deepEqual(violations(f, src), [
      'x.ts:1: imports "node:fs"',
      'x.ts:2: imports "vscode"',
      'x.ts:3: imports "../cli/args", outside src/core',
      'x.ts:4: uses "process"',
      'x.ts:5: uses "Buffer"',
      'x.ts:6: uses "require"',
      'x.ts:7: uses "window"',
      'x.ts:8: uses "document"',
      'x.ts:9: uses "chrome"',
      'x.ts:10: uses "process"',
      'x.ts:11: imports "node:path"',
    ]);
  });

  test('comments, strings, property names and type-only har-format imports are not violations', () => {
    const f = path.join(CORE, 'har', 'y.ts');
    const src = [
      "import type { Entry } from 'har-format';",
      "import { decodeJwt } from 'jose';",
      "import { scanText } from '../token.scan';",
      '// process, Buffer, window and document are banned here',
      "const s = 'require(window.document)';",
      'const o = { process: 1, document: 2 };',
      'const p = o.process + o.document;',
      'interface I { window: string; chrome(): void }',
    ].join('\n');
    assert.deepEqual(violations(f, src), []);
  });
});
