/**
 * SARIF 2.1.0 output: one run, tool.driver.rules from the rule catalog, one result per finding with
 * its token's location (trace-level findings point at the file only).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES, ruleDocUrl, type Finding, type Location, type Report, type Severity } from '../core';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** SARIF artifact URI for a location's file: relative paths stay relative (forward slashes), absolute ones become file: URLs. */
export function artifactUri(file: string): string {
  if (path.isAbsolute(file)) return pathToFileURL(file).href;
  return file.split(path.sep).map(encodeURIComponent).join('/');
}

/** Absolute help URI of a rule: docs/rules.md next to the installed package, with the rule's anchor. */
export function helpUri(id: string, packageRoot: string): string {
  const [doc, anchor] = ruleDocUrl(id).split('#');
  return `${pathToFileURL(path.join(packageRoot, doc)).href}#${anchor}`;
}

function location(file: string | undefined, loc?: Location): object[] | undefined {
  if (!file || file.startsWith('<')) return undefined;
  const physicalLocation: Record<string, unknown> = { artifactLocation: { uri: artifactUri(file) } };
  if (loc) physicalLocation.region = { startLine: loc.line, startColumn: loc.column, charOffset: loc.offset, charLength: loc.length };
  return [{ physicalLocation }];
}

/** Builds the SARIF log of the reports (one per input). */
export function renderSarif(reports: Report[], opts: { version: string; packageRoot: string }): object {
  const index = new Map(RULES.map((r, i) => [r.id, i]));
  const results: object[] = [];
  const add = (f: Finding, file: string | undefined, loc?: Location, extra?: object) => {
    const i = index.get(f.rule);
    results.push({
      ruleId: f.rule,
      ...(i !== undefined ? { ruleIndex: i } : {}),
      level: LEVEL[f.severity],
      message: { text: f.message },
      ...(location(file, loc) ? { locations: location(file, loc) } : {}),
      ...(extra ? { properties: extra } : {}),
    });
  };
  for (const report of reports) {
    report.tokens.forEach((t, n) => {
      for (const f of [t, t.nested].flatMap((x) => x?.findings ?? [])) add(f, t.location.file, t.location, { token: n, kind: t.kind, ...(f.claim ? { claim: f.claim } : {}) });
    });
    for (const f of report.findings) add(f, report.source?.file);
  }
  const rules = RULES.map((r) => ({
    id: r.id,
    shortDescription: { text: r.title },
    helpUri: helpUri(r.id, opts.packageRoot),
    defaultConfiguration: { level: LEVEL[r.severity] },
    properties: { area: r.area, source: r.source, inference: r.inference, scope: r.scope },
  }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'ftn-inspect', version: opts.version, rules } }, results }],
  };
}
