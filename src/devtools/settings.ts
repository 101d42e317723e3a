/** Panel settings (no secrets): profile, clock skew, client_id, disabled rules; kept in chrome.storage.local. */
import { getRule, type AnalyzeOptions, type ProfileId } from '../core/index';
import type { StorageArea } from './storage';

/** Storage key. */
export const STORE_SETTINGS = 'ftn.settings';

/** What the settings section edits. */
export interface PanelSettings {
  profile: ProfileId;
  /** Clock skew tolerance, seconds (0..3600). */
  skew: number;
  clientId: string;
  disabledRules: string[];
}

/** Selectable profiles, in display order. */
export const PROFILES: readonly ProfileId[] = ['auto', 'ftn', 'idura', 'telia', 'op', 'signicat', 'generic'];

/** Settings of a fresh install. */
export function defaultSettings(): PanelSettings {
  return { profile: 'auto', skew: 60, clientId: '', disabledRules: [] };
}

/** Splits a rule list typed by the user ("FTN-X-1, FTN-Y-2"); returns the known IDs and the unknown words. */
export function parseRuleList(text: string): { rules: string[]; unknown: string[] } {
  const words = text.split(/[\s,;]+/).map((w) => w.trim()).filter(Boolean);
  const rules: string[] = [];
  const unknown: string[] = [];
  for (const w of words) (getRule(w) ? rules : unknown).push(w);
  return { rules: [...new Set(rules)], unknown };
}

/** Reads settings defensively (the stored value is untrusted); bad fields get defaults. */
export function readSettings(v: unknown): PanelSettings {
  const s = defaultSettings();
  if (typeof v !== 'object' || v === null) return s;
  const o = v as Record<string, unknown>;
  if (PROFILES.includes(o.profile as ProfileId)) s.profile = o.profile as ProfileId;
  if (Number.isInteger(o.skew) && (o.skew as number) >= 0 && (o.skew as number) <= 3600) s.skew = o.skew as number;
  if (typeof o.clientId === 'string') s.clientId = o.clientId.slice(0, 256);
  if (Array.isArray(o.disabledRules)) s.disabledRules = o.disabledRules.filter((r): r is string => typeof r === 'string' && !!getRule(r));
  return s;
}

/** Loads the stored settings. */
export async function loadSettings(storage: StorageArea): Promise<PanelSettings> {
  return readSettings((await storage.get([STORE_SETTINGS]))[STORE_SETTINGS]);
}

/** Stores settings. */
export async function saveSettings(storage: StorageArea, s: PanelSettings): Promise<void> {
  await storage.set({ [STORE_SETTINGS]: readSettings(s) });
}

/** The analysis options these settings give. */
export function analyzeOptions(s: PanelSettings): AnalyzeOptions {
  return {
    profile: s.profile,
    skew: s.skew,
    ...(s.clientId ? { clientId: s.clientId } : {}),
    ...(s.disabledRules.length ? { disabledRules: [...s.disabledRules] } : {}),
  };
}
