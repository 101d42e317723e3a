/**
 * The public API of the core: the only import path hosts (CLI, VS Code, DevTools, UI) use.
 * Explicit named re-exports (jose style); internal helpers stay unexported.
 */

// The report contract and options
export type {
  TokenKind, ProfileId, Severity, Finding, HarPlace, Location, TokenContext, FoundToken, DecodeError,
  DecryptionResult, SignatureResult, TokenReport, FlowStep, Flow, EntrySummary, ReportSummary, Report,
  AnalyzeOptions, Limits,
} from './types';
export type { Duplicates, DecodedJWS, DecodedJWE, DecodedToken } from './token.types';
export { isDecodeFailure } from './token.types';

// Errors
export * as errors from './errors';
export { FtnError, KeyImportError, HarReadError, LimitError } from './errors';
export { DEFAULT_LIMITS, resolveLimits } from './limits';

// Finding and decoding tokens
export { scanText } from './token.scan';
export type { ScanOptions } from './token.scan';
export { decodeToken } from './token.decode';

// Keys
export type { KeyDescription, ImportedKey, GenerateKeyOptions, GeneratedKeyPair } from './keys/key.types';
export { importKeys } from './keys/key.import';
export { KeyRing } from './keys/key.ring';
export { generateKeyPair, generateFtnClientKeySet, defaultAlg } from './keys/key.generate';
export { exportPem, toJwks, publicJwk } from './keys/key.export';
export { describeKey, hasPrivate } from './keys/key.describe';

// Decrypting, verifying, classifying, judging
export { decryptJwe } from './token.decrypt';
export { verifyJws } from './token.verify';
export { classifyToken, typMediaType } from './token.classify';
export type { ClassifyInput } from './token.classify';
export { resolveProfile, profileFacts, profileOfHost, isTestBrokerHost } from './profiles';
export type { ResolvedProfile, ProfileFacts } from './profiles';
export { RULES, getRule, ruleDocUrl } from './rules/catalog';
export type { RequestContext, RuleContext, RuleMeta, RuleScope } from './rules/context';
export { judgeToken } from './rules/engine';
export { judgeKeySet } from './rules/rules.key';

// The pipeline and reports
export { inspectToken, pickProfile } from './inspect';
export type { TokenWhere } from './inspect';
export { analyzeText, analyzeToken, asKeySet, withDefaults } from './analyze';
export { summarize, worstSeverity, filterDisabled, tokenFindings } from './report';

// HAR traces
export { analyzeHar, analyzeHarEntries } from './har/har.analyze';
export type { HarEntrySource } from './har/har.analyze';
export { HarSplitter, splitHar, readHarStream } from './har/har.stream';
export type { StreamedEntry, HarSplitSummary, HarSplitOptions, HarChunk, StreamReadEntry } from './har/har.stream';
export { looksLikeHar, harHead } from './har/har.detect';
export { sanitizeHar } from './har/har.sanitize';
export type { SanitizeOptions } from './har/har.sanitize';

// Personal identity codes and text positions
export { isValidHetu, findHetus, hetuCheckChar } from './hetu';
export { positionAt, LineCounter } from './util/position';
export type { LineColumn } from './util/position';
