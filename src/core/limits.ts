import type { Limits } from './types';

/** Default resource limits: generous for real OIDC traffic, small enough that hostile input cannot freeze a host. */
export const DEFAULT_LIMITS: Limits = {
  maxTokenLength: 256 * 1024,
  maxHeaderBytes: 16 * 1024,
  // jose's own default is 10 000 (CVE-2022-36083 class); FTN brokers never use PBES2 at all.
  maxPBES2Count: 10_000,
  maxDecompressedBytes: 250_000,
  maxHarBodyChars: 50 * 1024 * 1024,
};

/** Defaults overlaid with the caller's limits. */
export function resolveLimits(limits?: Partial<Limits>): Limits {
  return { ...DEFAULT_LIMITS, ...limits };
}
