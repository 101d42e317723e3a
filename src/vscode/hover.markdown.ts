/**
 * Hover markdown for one token. Token content is attacker-controlled: every piece of it is escaped (all ASCII
 * punctuation backslash-escaped, so no links, HTML, code spans, tables or theme icons can be injected), control
 * characters are made visible, and long values are cut. Only our own command ids are enabled in the markdown.
 */
import * as vscode from 'vscode';
import type { TokenReport } from '../core/index';
import { formatUtc, isEpoch, relative } from '../ui/time';
import { CMD } from './constants';
import { claimsOf, countsText, decryptionWord, formatChain, kindOf, sortedFindings } from './tokenText';

const TIME_CLAIMS = new Set(['exp', 'nbf', 'iat', 'auth_time']);
const RULE_ID = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/;
const MAX_CLAIMS = 14;
const MAX_FINDINGS = 5;
const MAX_VALUE = 120;

/** Escapes text for markdown: every ASCII punctuation character, control characters shown as \u escapes. */
export function escapeMarkdown(text: string, max = MAX_VALUE): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return cut
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/** A JSON value as one escaped line. */
function valueText(v: unknown): string {
  return escapeMarkdown(typeof v === 'string' ? v : JSON.stringify(v) ?? String(v));
}

/** Where the hovered token stands, for the command links. */
export interface HoverTarget {
  uri: string;
  offset: number;
}

const commandLink = (label: string, command: string, args: unknown): string =>
  `[${label}](command:${command}?${encodeURIComponent(JSON.stringify([args]))} "${label}")`;

const why_ = (message: string | undefined): string => (message ? ` — ${escapeMarkdown(message, 160)}` : '');

function statusLines(t: TokenReport): string[] {
  const out: string[] = [];
  const dec = decryptionWord(t);
  if (dec) {
    const by = t.decryption?.kid ? ` with key ${escapeMarkdown(t.decryption.kid, 60)}` : '';
    const hint = t.decryption?.status === 'no-key' ? ` — ${commandLink('Import Private Key…', CMD.importPrivateKey, {})}` : '';
    const why = t.decryption?.status === 'failed' || t.decryption?.status === 'unsupported' ? why_(t.decryption.message) : '';
    out.push(`**Decryption:** ${escapeMarkdown(dec)}${t.decryption?.status === 'decrypted' ? by : ''}${why}${hint}`);
  }
  const sig = t.nested?.signature ?? t.signature;
  if (sig) {
    const by = sig.kid && sig.status === 'valid' ? ` with key ${escapeMarkdown(sig.kid, 60)}` : '';
    const why = sig.status === 'invalid' || sig.status === 'unsupported' ? why_(sig.message) : '';
    out.push(`**Signature:** ${escapeMarkdown(sig.status)}${by}${why}`);
  }
  return out;
}

function headerLine(t: TokenReport): string {
  if (!t.header) return t.error ? `**Not decodable:** ${escapeMarkdown(t.error.message, 200)}` : '';
  const part = (o: Record<string, unknown>): string => Object.entries(o).filter(([, v]) => typeof v !== 'object' || v === null)
    .map(([k, v]) => `${escapeMarkdown(k, 40)}: ${valueText(v)}`).join(' · ');
  const nested = t.nested?.header;
  return `**Header:** ${part(t.header)}${nested ? ` — **nested:** ${part(nested)}` : ''}`;
}

function claimsTable(claims: Record<string, unknown>, now: number): string[] {
  const names = Object.keys(claims);
  const rows = names.slice(0, MAX_CLAIMS).map((name) => {
    const v = claims[name];
    const when = TIME_CLAIMS.has(name) && isEpoch(v) ? ` (${escapeMarkdown(formatUtc(v))}, ${escapeMarkdown(relative(name, v, now))})` : '';
    return `| ${escapeMarkdown(name, 40)} | ${valueText(v)}${when} |`;
  });
  const more = names.length > MAX_CLAIMS ? [``, `…and ${names.length - MAX_CLAIMS} more claims`] : [];
  return ['| claim | value |', '|---|---|', ...rows, ...more];
}

function findingLines(t: TokenReport): string[] {
  const all = sortedFindings(t);
  const icon = { error: '$(error)', warning: '$(warning)', info: '$(info)' } as const;
  const lines = all.slice(0, MAX_FINDINGS).map((f) => {
    const id = RULE_ID.test(f.rule) ? `\`${f.rule}\`` : escapeMarkdown(f.rule, 40);
    return `- ${icon[f.severity]} ${id} ${escapeMarkdown(f.message, 200)}`;
  });
  if (all.length > MAX_FINDINGS) lines.push(`- …and ${all.length - MAX_FINDINGS} more in the inspector`);
  return lines;
}

/** The hover for one inspected token at `target`, judged at `now` (epoch seconds). */
export function hoverMarkdown(t: TokenReport, now: number, target: HoverTarget): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', true);
  md.supportHtml = false;
  md.isTrusted = { enabledCommands: [CMD.openInInspector, CMD.copyClaims, CMD.importPrivateKey] };
  const kind = kindOf(t);
  const counts = countsText(t);
  const lines: string[] = [
    `$(shield) **${escapeMarkdown(formatChain(t))}** · **${escapeMarkdown(kind)}**${t.kindReason ? ` (${escapeMarkdown(t.kindReason, 80)})` : ''}` +
      `${t.profile ? ` · profile ${escapeMarkdown(t.profile)}` : ''}${counts.length ? ` · ${counts.join(', ')}` : ''}`,
    '',
    ...statusLines(t).flatMap((l) => [l, '']),
  ];
  // Findings first: the hover scrolls, and they are what the user came for.
  const findings = findingLines(t);
  if (findings.length) lines.push('**Findings**', '', ...findings, '');
  lines.push(headerLine(t), '');
  const claims = claimsOf(t);
  if (claims) lines.push(...claimsTable(claims, now), '');
  else if (t.format === 'JWE') lines.push('_Claims are encrypted._', '');
  const links = [commandLink('Open in Inspector', CMD.openInInspector, target), ...(claims ? [commandLink('Copy claims', CMD.copyClaims, target)] : [])];
  lines.push(links.join(' · '));
  md.appendMarkdown(lines.join('\n'));
  return md;
}
