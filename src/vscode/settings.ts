/** Reads `ftnInspector.*` settings and turns them into core AnalyzeOptions. Nothing secret lives in settings. */
import * as vscode from 'vscode';
import type { AnalyzeOptions, KeyRing, ProfileId } from '../core/index';
import { CONFIG } from './constants';

/** Which tokens get an inline marker. */
export type DecorationMode = 'jwe-and-expired' | 'findings' | 'all';

/** The extension's settings, validated. */
export interface Settings {
  referenceTime: 'now' | 'har-entry';
  skew: number;
  profile: ProfileId;
  clientId?: string;
  issuer?: string;
  tokenEndpoint?: string;
  disabledRules: string[];
  hoverEnabled: boolean;
  decorationsEnabled: boolean;
  decorationMode: DecorationMode;
  diagnosticsEnabled: boolean;
  maxDocumentSize: number;
}

const PROFILES: readonly ProfileId[] = ['auto', 'ftn', 'idura', 'telia', 'op', 'signicat', 'generic'];
const MODES: readonly DecorationMode[] = ['jwe-and-expired', 'findings', 'all'];

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** Current settings for `scope` (a document URI, or the window). */
export function readSettings(scope?: vscode.Uri): Settings {
  const c = vscode.workspace.getConfiguration(CONFIG, scope);
  const skew = c.get<number>('clockSkew', 60);
  const profile = c.get<string>('profile', 'auto') as ProfileId;
  const mode = c.get<string>('decorations.mode', 'jwe-and-expired') as DecorationMode;
  const max = c.get<number>('maxDocumentSize', 5 * 1024 * 1024);
  return {
    referenceTime: c.get<string>('referenceTime') === 'now' ? 'now' : 'har-entry',
    skew: Number.isFinite(skew) && skew >= 0 ? skew : 60,
    profile: PROFILES.includes(profile) ? profile : 'auto',
    clientId: text(c.get('clientId')),
    issuer: text(c.get('issuer')),
    tokenEndpoint: text(c.get('tokenEndpoint')),
    disabledRules: (c.get<unknown[]>('disabledRules', []) ?? []).filter((r): r is string => typeof r === 'string'),
    hoverEnabled: c.get<boolean>('hover.enabled', true),
    decorationsEnabled: c.get<boolean>('decorations.enabled', true),
    decorationMode: MODES.includes(mode) ? mode : 'jwe-and-expired',
    diagnosticsEnabled: c.get<boolean>('diagnostics.enabled', true),
    maxDocumentSize: Number.isFinite(max) && max >= 0 ? max : 5 * 1024 * 1024,
  };
}

/**
 * Core options from settings. In a HAR each token is judged as of its entry's startedDateTime unless
 * the `referenceTime` setting is "now" (core `referenceTime` option); text is always judged at now.
 */
export function analyzeOptions(s: Settings, keys: KeyRing, extra: { file?: string; har?: boolean } = {}): AnalyzeOptions {
  const opts: AnalyzeOptions = {
    skew: s.skew, profile: s.profile, disabledRules: s.disabledRules, keys,
    ...(s.clientId ? { clientId: s.clientId } : {}),
    ...(s.issuer ? { issuer: s.issuer } : {}),
    ...(s.tokenEndpoint ? { tokenEndpoint: s.tokenEndpoint } : {}),
    ...(extra.file ? { file: extra.file } : {}),
    referenceTime: s.referenceTime === 'now' ? 'now' : 'entry',
  };
  return opts;
}
