/** Findings as Problems: error/warning findings on the token's range, coded with the rule ID and its doc. */
import * as vscode from 'vscode';
import { ruleDocUrl, tokenFindings, type Report, type TokenReport } from '../core/index';
import { DISPLAY_NAME } from './constants';

/** Uri of a rule's section in docs/rules.md shipped with the extension. */
export function ruleUri(extensionUri: vscode.Uri, rule: string): vscode.Uri {
  const [path, fragment] = ruleDocUrl(rule).split('#');
  return vscode.Uri.joinPath(extensionUri, ...path.split('/')).with({ fragment });
}

/** Diagnostics for one report, on the tokens' ranges in `doc`. */
export function reportDiagnostics(doc: vscode.TextDocument, report: Report, extensionUri: vscode.Uri): vscode.Diagnostic[] {
  const out: vscode.Diagnostic[] = [];
  for (const t of report.tokens) {
    const range = tokenRange(doc, t);
    for (const f of tokenFindings(t)) {
      if (f.severity === 'info') continue;
      const d = new vscode.Diagnostic(range, f.message, f.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
      d.code = { value: f.rule, target: ruleUri(extensionUri, f.rule) };
      d.source = DISPLAY_NAME;
      out.push(d);
    }
  }
  return out;
}

/** The token's range in the document it was found in. */
export function tokenRange(doc: vscode.TextDocument, t: TokenReport): vscode.Range {
  return new vscode.Range(doc.positionAt(t.location.offset), doc.positionAt(t.location.offset + t.location.length));
}
