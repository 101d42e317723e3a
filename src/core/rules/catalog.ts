/**
 * The rule catalog: every rule ID (a public contract), its default severity, area, source and scope.
 * The single source of truth for docs/rules.md, the CLI's rule list and the engine's defaults.
 */
import type { Severity } from '../types';
import type { RuleMeta, RuleScope } from './context';

type Area = RuleMeta['area'];
const E: Severity = 'error', W: Severity = 'warning', I: Severity = 'info';

function r(id: string, severity: Severity, title: string, source: string, inference = false, scope: RuleScope = 'token', severityNote?: string): RuleMeta {
  const area = (id.startsWith('JWT-') ? 'JWT' : id.split('-')[1]) as Area;
  return severityNote ? { id, severity, area, title, source, inference, scope, severityNote } : { id, severity, area, title, source, inference, scope };
}

/** Every rule, in documentation order. */
export const RULES: readonly RuleMeta[] = Object.freeze([
  // client_assertion
  r('FTN-CA-TYPE', E, 'form has client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer', 'RFC7523 §2.2'),
  r('FTN-CA-NOSECRET', E, 'no client_secret (form field or Basic authorization) in an FTN token request', 'IDURA-FTN'),
  r('FTN-CA-ALG-NONE', E, 'alg is none or HS* (client_secret_jwt, not private_key_jwt)', 'OIDC-CORE §9; IDURA-FTN'),
  r('FTN-CA-ALG', W, 'alg is not RS256: every broker documents only RS256', 'TELIA 2.6; OP §8; IDURA-PKJ', true),
  r('FTN-CA-KID', W, 'header has kid', 'IDURA-FTN; OIDC-CORE §10.1', false, 'token', 'E for idura, W otherwise'),
  r('FTN-CA-TYP', I, 'typ absent, JWT or client-authentication+jwt → I; another explicit type → W', 'RFC8725 §3.11; RFC7523BIS', false, 'token', 'I/W'),
  r('FTN-CA-ISS-SUB', E, 'iss and sub present, equal, and equal to client_id (and the client_id form field)', 'RFC7523 §3; OIDC-CORE §9'),
  r('FTN-CA-AUD', E, 'aud present', 'RFC7523 §3'),
  r('FTN-CA-AUD-VAL', E, 'aud equals the broker value (issuer for Idura, token endpoint for Telia and OP)', 'TELIA 2.6.2; OP §8; IDURA-PKJ', false, 'token', 'E for a known broker, W when the broker is unknown or aud cannot be compared'),
  r('FTN-CA-AUD-MULTI', W, 'aud is an array with more than one value (audience-injection risk)', 'FAPI2 §5.3.2.1; RFC7523BIS'),
  r('FTN-CA-JTI', E, 'jti present', 'OIDC-CORE §9; IDURA-FTN'),
  r('FTN-CA-JTI-REUSE', E, 'the same jti twice in a trace (single use)', 'OIDC-CORE §9; TELIA 2.6.2; OP §8', false, 'trace'),
  r('FTN-CA-EXP', E, 'exp present and numeric', 'RFC7523 §3'),
  r('FTN-CA-EXP-PAST', E, 'exp is not at or before the request time minus skew', 'RFC7519 §4.1.4'),
  r('FTN-CA-LIFE60', W, 'exp is more than 60 min after the request time (Telia rejects)', 'TELIA 2.6.2', false, 'token', 'E for telia, W otherwise'),
  r('FTN-CA-LIFE5', W, 'exp − (iat or request time) > 300 s (Idura recommends 5 min; OP suggests 600 s)', 'IDURA-PKJ; OP §8'),
  r('FTN-CA-IAT', W, 'iat (optional) is not later than the request time plus skew', 'OIDC-CORE §9; RFC7523 §3'),
  r('FTN-CA-NBF', E, 'nbf (optional) is not later than the request time plus skew', 'RFC7519 §4.1.5'),
  r('FTN-CA-KEY', E, 'verifying key is a use:sig RSA key of at least 2048 bits', 'TELIA 2.1.1; IDURA-FTN', false, 'token', 'E; enc key W except for idura; non-RSA W'),
  // request object
  r('FTN-RO-PRESENT', E, 'an FTN authorize request carries request (or PAR at Signicat)', 'IDURA-FTN; TELIA 2.4.1; SIGNICAT-MIG', false, 'trace'),
  r('FTN-RO-SIGNED', E, 'request object is a JWS, or a JWE wrapping a JWS; alg none is an error', 'TELIA 2.4; OP §7; RFC9101 §4'),
  r('FTN-RO-ALG', W, 'alg is not RS256', 'OP §7; TELIA 2.4.4', false, 'token', 'E for op, W otherwise'),
  r('FTN-RO-KID', W, 'header lacks kid', 'IDURA-FTN; TELIA 2.4.4'),
  r('FTN-RO-TYP', I, 'typ oauth-authz-req+jwt is recommended', 'RFC9101 §4, §10.8'),
  r('FTN-RO-ISS', W, 'iss equals client_id', 'TELIA 2.4.2; OP §7; OIDC-CORE §6.1', false, 'token', 'E for telia, and for op when jti is sent; W otherwise'),
  r('FTN-RO-AUD', E, 'aud present and equal to the broker issuer', 'TELIA 2.4.2; IDURA-FTN; OIDC-CORE §6.1; FAPI1-ADV §5.2.2-15', false, 'token', 'E when missing or the broker is known; W when the broker is unknown'),
  r('FTN-RO-CID', E, 'client_id present, equal to iss and to the query client_id', 'TELIA 2.4.2; RFC9101 §5'),
  r('FTN-RO-RT', E, 'response_type is code', 'TELIA 2.4.2; OP §7'),
  r('FTN-RO-REDIR', E, 'redirect_uri present, https, no wildcard', 'TELIA 2.1.3; OP §7'),
  r('FTN-RO-SCOPE', E, 'scope contains openid (OP also personal_identity_code)', 'OIDC-CORE §3.1.2.1; OP §7'),
  r('FTN-RO-ACR', E, 'Telia: acr_values present and an FTN LoA URI or a method code', 'TELIA 2.4.2–2.4.3', false, 'token', 'E when missing, I for an undocumented value'),
  r('FTN-RO-STATE', W, 'state present', 'OIDC-CORE §3.1.2.1; OP §7'),
  r('FTN-RO-NONCE', W, 'nonce present and at least 22 characters (128 bits)', 'OP §7'),
  r('FTN-RO-EXP', W, 'exp present (W when absent) and not past at the request time (E)', 'TELIA 2.4.3; OP §7; RFC7519 §4.1.4', false, 'token', 'W/E'),
  r('FTN-RO-LIFE', W, 'exp − nbf at most 60 min and nbf at most 60 min in the past', 'FAPI1-ADV §5.2.2-13, -17', true),
  r('FTN-RO-NBF', E, 'nbf is not later than the request time plus skew', 'RFC7519 §4.1.5'),
  r('FTN-RO-JTI', I, 'jti present (I when absent); jti reused in a trace (E)', 'TELIA 2.4.3; OP §7; SIGNICAT-REQ', false, 'token', 'I; E for reuse (trace)'),
  r('FTN-RO-NESTED', E, 'claims contain no request or request_uri', 'OIDC-CORE §6.1'),
  r('FTN-RO-SUB', W, 'sub absent (a request object with sub could be replayed as a client assertion)', 'RFC9101 §10.8'),
  r('FTN-RO-QUERY', E, 'query parameters next to request equal the request object claims', 'OIDC-CORE §6.1; RFC9101 §5'),
  r('FTN-RO-ENC', I, 'encrypted request object: signed then encrypted to the broker enc key, cty JWT', 'RFC9101 §4; TELIA-RM; SIGNICAT-REQ'),
  r('FTN-RO-PII', W, 'no HETU inside an unencrypted request object', 'SIGNICAT-PRE'),
  r('FTN-RO-SPNAME', W, 'ftn_spname at most 40 characters', 'TELIA 2.1.4; OP §25'),
  // ID token
  r('FTN-IDT-JWE', E, 'id_token is a JWE (a JWS id_token carrying HETU or name is an FTN violation)', 'IDURA-FTN; SIGNICAT-MLE; NETS; TELIA 2.6.3; OP §9'),
  r('FTN-IDT-ALG', W, 'JWE alg is RSA-OAEP or RSA-OAEP-256', 'TELIA 2.6.3; OP §13; DVV-REF; FAPI1-ADV §8.6.1; RFC8725 §3.2', true),
  r('FTN-IDT-ENC', E, 'enc is a registered JWE enc (observed: A128CBC-HS256, A256GCM)', 'RFC7516 §4.1.2; RFC7518 §5.1; OIDC-REG §2', false, 'token', 'E when unregistered, I when registered but not observed at FTN brokers'),
  r('FTN-IDT-JWEKID', W, 'JWE header has kid', 'TELIA 2.6.3; SIGNICAT-LEGACY'),
  r('FTN-IDT-CTY', E, 'JWE cty is JWT', 'RFC7519 §5.2'),
  r('FTN-IDT-ZIP', W, 'JWE has no zip', 'RFC8725 §3.6'),
  r('FTN-IDT-NESTED', E, 'decrypted payload is a JWS (signed then encrypted)', 'OIDC-CORE §2, §10.2; OP §9'),
  r('FTN-IDT-SIG', E, 'inner alg is not none or HS* (E); not RS256 (I)', 'OIDC-CORE §3.1.3.7; OP §13', false, 'token', 'E/I'),
  r('FTN-IDT-KID', W, 'inner JWS has kid', 'OIDC-CORE §10.1; TELIA-RM'),
  r('FTN-IDT-CLAIMS', E, 'iss, sub, aud, exp and iat present', 'OIDC-CORE §2'),
  r('FTN-IDT-ISS', E, 'iss equals the broker issuer exactly', 'OIDC-CORE §3.1.3.7'),
  r('FTN-IDT-AUD', E, 'aud contains client_id (E); no extra audiences (W)', 'OIDC-CORE §3.1.3.7', false, 'token', 'E/W'),
  r('FTN-IDT-EXP', E, 'not expired (E); exp − iat at most 1 h (W)', 'OIDC-CORE §3.1.3.7; TELIA 2.6.4; OP §9', false, 'token', 'E/W'),
  r('FTN-IDT-IAT', W, 'iat not in the future and not more than 10 min before now', 'OIDC-CORE §3.1.3.7'),
  r('FTN-IDT-NONCE', E, 'nonce equals the nonce the authorization request sent', 'OIDC-CORE §3.1.3.7; OP §9', false, 'trace'),
  r('FTN-IDT-ACR', W, 'Telia/OP: acr is an FTN LoA URI; loatest* not on a production issuer', 'TELIA 2.6.4; OP §9'),
  r('FTN-IDT-AUTHTIME', E, 'auth_time present when max_age was sent', 'OIDC-CORE §2'),
  r('FTN-IDT-SUB', W, 'sub at most 255 ASCII characters', 'OIDC-CORE §2'),
  // userinfo
  r('FTN-UI-JWE', E, 'FTN userinfo response is a JWE', 'IDURA-FTN; SIGNICAT-MLE; OP §10', false, 'token', 'E; W for op (OP documents plain JSON)'),
  r('FTN-UI-CT', E, 'Content-Type is application/jwt when the response is signed or encrypted', 'OIDC-CORE §5.3.2'),
  r('FTN-UI-NESTED', E, 'signed then encrypted (nested), cty JWT', 'OIDC-CORE §5.3.2; RFC7519 §5.2'),
  r('FTN-UI-ISSAUD', E, 'if signed: iss equals the issuer and aud contains client_id', 'OIDC-CORE §5.3.2'),
  r('FTN-UI-SUB', E, 'sub present and equal to the ID token sub', 'OIDC-CORE §5.3.2', false, 'trace'),
  r('FTN-UI-ALG', W, 'same alg/enc/zip rules as FTN-IDT-ALG, FTN-IDT-ENC and FTN-IDT-ZIP', 'as FTN-IDT-ALG/ENC/ZIP', false, 'token', 'as the FTN-IDT rule it applies'),
  // keys
  r('FTN-KEY-RSA2048', E, 'RSA modulus at least 2048 bits (JWKS keys and jwk embedded in headers)', 'TELIA 2.1.1; SIGNICAT-MLE; RFC7518 §3.3, §3.5, §4.2, §4.3', false, 'keys'),
  r('FTN-KEY-EC', W, 'EC key used (no broker documents EC for FTN); crv must be P-256/384/521 (E)', 'TELIA 2.1.1; SIGNICAT-MLE; RFC7518 §6.2.1.1; FAPI2 §5.4.1', false, 'keys', 'W; E for an unknown crv'),
  r('FTN-KEY-SEP', E, 'sig and enc are distinct key pairs', 'IDURA-FTN; TELIA Q&A', false, 'keys', 'E for idura, W otherwise'),
  r('FTN-KEY-USE', E, 'a set holding both sig and enc keys gives every key a use', 'OIDC-REG §2; OIDC-DISC §3', false, 'keys'),
  r('FTN-KEY-OPS', W, 'use and key_ops agree', 'RFC7517 §4.3', false, 'keys'),
  r('FTN-KEY-KID', W, 'every key has a kid, unique within the set', 'RFC7517 §4.5; OIDC-CORE §10.1', false, 'keys'),
  r('FTN-KEY-PRIV', E, 'a public JWKS holds no private members (d, p, q, dp, dq, qi, k)', 'RFC7518 §6.3.2, §6.4', true, 'keys'),
  r('FTN-KEY-STATIC', W, 'keys not provided via an unsigned jwks_uri', 'IDURA-FTN; TELIA Q&A; OP §14', false, 'keys'),
  r('FTN-KEY-BOTH', E, 'client metadata does not have both jwks and jwks_uri', 'OIDC-REG §2', false, 'keys'),
  r('FTN-KEY-ES', E, 'entity statement / signed JWKS shape: typ, iss = sub, exp, jwks or keys, signed by a key of its own set', 'OP §13–14'),
  // generic
  r('JWT-NONE', E, 'alg is not none', 'RFC8725 §3.2; FAPI2 §5.4.1'),
  r('JWT-HS-CONFUSION', E, 'no HS* where an asymmetric key is expected', 'RFC8725 §2.1, §3.1'),
  r('JWT-FORMAT', E, '3 (JWS) / 5 (JWE) base64url segments, no padding, valid JSON', 'RFC7515 §2, §7.1; RFC7516 §7.1'),
  r('JWT-DUP', E, 'no duplicate member names in header or claims', 'RFC7519 §4; RFC7515 §4'),
  r('JWT-NUMDATE', E, 'exp/iat/nbf are JSON numbers (E); not above 10^11, likely milliseconds (W)', 'RFC7519 §2; FAPI issue #211', false, 'token', 'E/W'),
  r('JWT-EXP-MISSING', W, 'exp present', 'RFC7523 §3; OIDC-CORE §2', false, 'token', 'E for client assertions and ID tokens, W otherwise'),
  r('JWT-TIME', E, 'not expired (E), nbf not in the future (E), iat not in the future (W), beyond skew', 'RFC7519 §4.1.4–4.1.6; FAPI-CS-1341', false, 'token', 'E/W'),
  r('JWT-LONG', W, 'lifetime at most 60 min on assertions and request objects, 24 h on any token', 'FAPI1-ADV §5.2.2-13', true),
  r('JWT-CRIT', E, 'crit is a non-empty list of understood extension names present in the header', 'RFC7515 §4.1.11; RFC7516 §4.1.13'),
  r('JWT-ZIP', W, 'zip is DEF (E); no zip in a JWS header (W); zip in a JWE (W)', 'RFC7516 §4.1.3; RFC8725 §3.6', false, 'token', 'E/W'),
  r('JWT-PBES2', W, 'no PBES2-* in an FTN token; p2c between 1000 and 10 000', 'RFC7518 §4.8.1.2; CVE-PBES2'),
  r('JWT-EMBEDDED-KEY', W, 'no jwk, jku, x5u or x5c in a header (FTN keys are pre-registered)', 'RFC8725 §3.10; FAPI2 §5.4.2'),
  r('JWT-KID-INJECT', W, 'kid has no path, URL or SQL metacharacters', 'RFC8725 §3.10', true),
  r('JWT-TYP', W, 'typ does not belong to another kind of JWT than the slot it appears in', 'RFC8725 §3.11–3.12'),
  r('JWT-OPAQUE', I, 'Telia code and access_token are opaque JWEs (alg dir): no RP rules', 'TELIA 2.5, 2.6.3'),
  r('JWT-PAYLOAD-HIDDEN', I, 'JWE not decrypted: only header rules ran, the payload was not inspected', 'ftn-rules §12', true),
  r('JWT-SIG', E, 'signature verification did not fail', 'RFC7515 §5.2'),
  r('JWT-DECRYPT', E, 'decryption with an available key did not fail', 'RFC7516 §5.2'),
  // OIDC flow (cross-token checks over a HAR; added by this project, see docs/rules-har.md)
  r('FTN-FLOW-STATE', E, 'the callback returns the state the request (object) sent; a missing state is also an error', 'OIDC-CORE §3.1.2.1; RFC6749 §10.12', false, 'trace'),
  r('FTN-FLOW-ERROR', W, 'the callback carries error (with error_description)', 'OIDC-CORE §3.1.2.6', false, 'trace'),
  r('FTN-FLOW-PKCE', E, 'code_verifier S256-hashes to (or, for plain, equals) the code_challenge; a challenge without a verifier is an error, a verifier without a challenge a warning', 'RFC7636 §4.6', false, 'trace', 'E/W'),
  r('FTN-FLOW-PKCE-PLAIN', W, 'code_challenge_method is plain or absent (defaults to plain)', 'RFC7636 §4.2; RFC9700 §2.1.1', false, 'trace'),
  r('FTN-FLOW-ATHASH', E, 'the ID token at_hash is the left half of the hash of the access token from the same token response', 'OIDC-CORE §3.1.3.8, §3.3.2.11', false, 'trace'),
  r('FTN-FLOW-CHASH', E, 'the ID token c_hash matches the authorization code of the flow', 'OIDC-CORE §3.3.2.11', false, 'trace'),
  r('FTN-FLOW-SECRET', E, 'no client_secret anywhere else in an FTN flow (authorize query, PAR form)', 'IDURA-FTN', false, 'trace'),
  r('FTN-FLOW-INCOMPLETE', I, 'the flow has no callback and/or no token request in the trace', 'OIDC-CORE §3.1', false, 'trace'),
  // reading the trace
  r('HAR-READ', E, 'the HAR is complete and every entry is valid JSON with request.url and request.method', 'HAR 1.2', false, 'trace', 'E for truncation or an unparsable entry, W for a skipped entry'),
  r('HAR-BODY-SKIPPED', I, 'a body over the configured size limit (limits.maxHarBodyChars) was not searched', 'limits.maxHarBodyChars', false, 'trace'),
]);

const BY_ID = new Map(RULES.map((m) => [m.id, m]));

/** The catalog entry of a rule ID, or undefined. */
export function getRule(id: string): RuleMeta | undefined {
  return BY_ID.get(id);
}

/** Link into docs/rules.md for a rule (a GitHub-style heading anchor). */
export function ruleDocUrl(id: string): string {
  return `docs/rules.md#${id.toLowerCase()}`;
}
