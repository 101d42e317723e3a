/**
 * Broker profiles: which FTN broker a trace talks to, and the facts of ftn-rules §2 that change a
 * rule's expected result (client_assertion aud style, JAR aud, assertion lifetime, kid requirement).
 */
import type { ProfileId } from './types';

export type ResolvedProfile = Exclude<ProfileId, 'auto'>;

/** What a broker documents; messages cite `source`. */
export interface ProfileFacts {
  id: ResolvedProfile;
  name: string;
  /** client_assertion aud: the broker issuer, its token endpoint, or not documented. */
  assertionAud: 'issuer' | 'token_endpoint' | 'unknown';
  assertionAudSource?: string;
  /** Documented client_assertion aud values, when fixed. */
  tokenEndpoints?: string[];
  /** Documented JAR aud values, when fixed; 'issuer' for Idura (https://<domain>). */
  jarAud?: string[] | 'issuer';
  /** Longest client_assertion life the broker accepts (E) or recommends (W), seconds. */
  maxAssertionLife?: { seconds: number; hard: boolean; source: string };
  /** Recommended assertion life, seconds. */
  recommendedAssertionLife: number;
  /** Severity of a missing client_assertion kid. */
  assertionKid: 'E' | 'W';
  /** The authorize request carries only `request` (other params ignored). */
  requestOnly: boolean;
}

const FACTS: Record<ResolvedProfile, ProfileFacts> = {
  idura: {
    id: 'idura', name: 'Idura', assertionAud: 'issuer', assertionAudSource: 'IDURA-PKJ', jarAud: 'issuer',
    recommendedAssertionLife: 300, assertionKid: 'E', requestOnly: false,
  },
  telia: {
    id: 'telia', name: 'Telia Tunnistus', assertionAud: 'token_endpoint', assertionAudSource: 'TELIA 2.6.2',
    tokenEndpoints: ['https://tunnistus.telia.fi/uas/oauth2/token', 'https://tunnistus-pp.telia.fi/uas/oauth2/token'],
    jarAud: ['https://tunnistus.telia.fi/uas', 'https://tunnistus-pp.telia.fi/uas'],
    maxAssertionLife: { seconds: 3600, hard: true, source: 'TELIA 2.6.2' },
    recommendedAssertionLife: 300, assertionKid: 'W', requestOnly: true,
  },
  op: {
    id: 'op', name: 'OP Identity Service Broker', assertionAud: 'token_endpoint', assertionAudSource: 'OP §8',
    tokenEndpoints: ['https://isb.op.fi/oauth/token', 'https://isb-test.op.fi/oauth/token'],
    recommendedAssertionLife: 600, assertionKid: 'W', requestOnly: false,
  },
  signicat: { id: 'signicat', name: 'Signicat', assertionAud: 'unknown', recommendedAssertionLife: 300, assertionKid: 'W', requestOnly: false },
  ftn: { id: 'ftn', name: 'generic FTN broker', assertionAud: 'unknown', recommendedAssertionLife: 300, assertionKid: 'W', requestOnly: false },
  generic: { id: 'generic', name: 'generic JWT', assertionAud: 'unknown', recommendedAssertionLife: 300, assertionKid: 'W', requestOnly: false },
};

/** The documented facts of a profile. */
export function profileFacts(id: ResolvedProfile): ProfileFacts {
  return FACTS[id];
}

function hostOf(s: string | undefined): string | undefined {
  if (!s) return undefined;
  try {
    return new URL(s.includes('://') ? s : `https://${s}`).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** The broker profile of a host name, or undefined when it is not a known broker. */
export function profileOfHost(host: string | undefined): ResolvedProfile | undefined {
  const h = hostOf(host);
  if (!h) return undefined;
  const under = (d: string) => h === d || h.endsWith('.' + d);
  if (under('idura.broker') || under('criipto.id') || under('criipto.io')) return 'idura';
  if (h === 'tunnistus.telia.fi' || h === 'tunnistus-pp.telia.fi') return 'telia';
  if (h === 'isb.op.fi' || h === 'isb-test.op.fi') return 'op';
  if (under('signicat.com') || under('signicat.io')) return 'signicat';
  return undefined;
}

/** Pick the profile: `forced` (unless auto), else from the issuer or host, else generic FTN. */
export function resolveProfile(opts: { forced?: ProfileId; issuer?: string; host?: string }): ResolvedProfile {
  if (opts.forced && opts.forced !== 'auto') return opts.forced;
  return profileOfHost(opts.issuer) ?? profileOfHost(opts.host) ?? 'ftn';
}

/** True for a pre-production broker host (tunnistus-pp, isb-test). */
export function isTestBrokerHost(host: string | undefined): boolean {
  const h = hostOf(host);
  return h === 'tunnistus-pp.telia.fi' || h === 'isb-test.op.fi';
}
