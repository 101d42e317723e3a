import type { DecodeError } from './types';

/** Names of members that appear more than once (JWT-DUP), per decoded JSON object. */
export interface Duplicates {
  header: string[];
  payload: string[];
}

/** A decoded JWS (compact, flattened or general JSON serialisation). Never holds key material. */
export interface DecodedJWS {
  format: 'JWS';
  serialization: 'compact' | 'flattened' | 'general';
  /** Protected header merged with the unprotected `header` member (JSON serialisations). */
  header: Record<string, unknown>;
  /** The protected header alone, as decoded. */
  protectedHeader: Record<string, unknown>;
  /** Payload bytes; for an unencoded (`b64: false`) payload, its raw bytes. */
  payloadBytes: Uint8Array;
  /** Payload as UTF-8 text, or null when it is not valid UTF-8. */
  payloadText: string | null;
  /** Payload as a JSON object, or null when it is not one. */
  payload: Record<string, unknown> | null;
  /** Why payload is null, when it is (not UTF-8, not JSON, JSON but not an object). */
  payloadError?: DecodeError;
  /** Decoded signature bytes (empty for `alg: none`). For `general`: the first signature. */
  signature: Uint8Array;
  /** Number of signatures (general serialisation may hold several). */
  signatureCount: number;
  duplicates: Duplicates;
  /** The compact segments as they stood (base64url), or for JSON serialisations the members. */
  segments: { protected: string; payload: string; signature: string };
}

/** A decoded JWE: only its header is readable until it is decrypted. */
export interface DecodedJWE {
  format: 'JWE';
  serialization: 'compact' | 'flattened' | 'general';
  /** Protected header merged with `unprotected` and the first recipient's `header`. */
  header: Record<string, unknown>;
  protectedHeader: Record<string, unknown>;
  duplicates: Duplicates;
  segments: { protected: string; encrypted_key: string; iv: string; ciphertext: string; tag: string };
  /** Number of recipients (general serialisation). */
  recipientCount: number;
}

/** The result of decoding: a JWS, a JWE, or exactly what is wrong and where. */
export type DecodedToken =
  | DecodedJWS
  | DecodedJWE
  | { format: 'JWS' | 'JWE' | null; error: DecodeError; header?: Record<string, unknown> };

/** Narrowing helper. */
export function isDecodeFailure(d: DecodedToken): d is { format: 'JWS' | 'JWE' | null; error: DecodeError; header?: Record<string, unknown> } {
  return 'error' in d && d.error !== undefined;
}
