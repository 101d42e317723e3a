/** Plain-language explanations of registered JOSE header parameters, JWT claims and FTN claims. */

/** Header parameter → explanation. */
export const HEADER_DOCS: Readonly<Record<string, string>> = {
  alg: 'algorithm: how the token is signed (JWS) or how the content key is encrypted (JWE)',
  enc: 'content encryption algorithm (JWE)',
  typ: 'media type of the whole token, e.g. JWT, oauth-authz-req+jwt',
  cty: 'content type: "JWT" means the payload is itself a JWT (nested token)',
  kid: 'key ID: which key signed or can decrypt this token',
  zip: 'compression applied before encryption (DEF = DEFLATE)',
  crit: 'extensions the recipient must understand or reject the token',
  jwk: 'public key embedded in the header (never trust it for verification)',
  jku: 'URL of a JWK Set (not fetched: the inspector works offline)',
  x5u: 'URL of an X.509 certificate chain (not fetched)',
  x5c: 'X.509 certificate chain embedded in the header',
  x5t: 'SHA-1 thumbprint of the X.509 certificate',
  'x5t#S256': 'SHA-256 thumbprint of the X.509 certificate',
  epk: 'ephemeral public key (ECDH-ES key agreement)',
  apu: 'agreement PartyUInfo (ECDH-ES)',
  apv: 'agreement PartyVInfo (ECDH-ES)',
  iv: 'initialisation vector (AES-GCM key wrap)',
  tag: 'authentication tag (AES-GCM key wrap)',
  p2s: 'PBES2 salt input',
  p2c: 'PBES2 iteration count',
  b64: 'false means the payload is not base64url-encoded (RFC 7797)',
};

/** Claim → explanation. */
export const CLAIM_DOCS: Readonly<Record<string, string>> = {
  iss: 'issuer: who created and signed the token',
  sub: 'subject: the user (ID token) or the client (client assertion)',
  aud: 'audience: who the token is intended for',
  exp: 'expiration time: the token must not be accepted on or after it',
  nbf: 'not before: the token must not be accepted before it',
  iat: 'issued at: when the token was created',
  jti: 'JWT ID: unique identifier, used to detect replay',
  nonce: 'value from the authentication request, binds the ID token to the client session',
  acr: 'authentication context class reference: level of assurance (FTN: loa2 substantial, loa3 high)',
  amr: 'authentication methods references: how the user authenticated',
  auth_time: 'time of the end-user authentication',
  at_hash: 'access token hash: left half of the hash of the access token',
  c_hash: 'code hash: left half of the hash of the authorization code',
  s_hash: 'state hash: left half of the hash of the state value',
  azp: 'authorized party: the client the ID token was issued to',
  sid: 'session ID at the OP (front/back-channel logout)',
  client_id: 'OAuth client identifier',
  scope: 'requested scopes (space separated)',
  response_type: 'OAuth response type (FTN: code)',
  redirect_uri: 'where the browser is sent back after authentication',
  state: 'opaque client value echoed back to prevent CSRF',
  acr_values: 'requested authentication context classes',
  login_hint: 'hint about the user to authenticate',
  ui_locales: 'preferred languages of the user interface',
  events: 'logout token events (back-channel logout)',
  cnf: 'confirmation: key the token is bound to',
  hetu: 'Finnish personal identity code (HETU), Idura',
  satu: 'electronic identification number (SATU), Mobiilivarmenne (Idura)',
  personal_identity_code: 'Finnish personal identity code (HETU), OP',
  'urn:oid:1.2.246.21': 'Finnish personal identity code (HETU), Telia',
  'urn:oid:2.5.4.4': 'surname (Telia)',
  'urn:oid:1.2.246.575.1.14': 'given name (Telia)',
  'urn:oid:1.3.6.1.5.5.7.9.1': 'date of birth (Telia)',
  'urn:oid:2.16.840.1.113730.3.1.241': 'display name (Telia)',
  identityscheme: 'identity scheme used (Idura: fitupas)',
  ftn_hetu: 'Finnish personal identity code (Signicat)',
  ftn_satu: 'SATU (Signicat)',
  ftn_idp: 'identity provider used (Signicat)',
  ftn_idp_id: 'identity provider chosen (OP)',
  ftn_spname: 'service provider name shown to the user (Telia: max 40 chars)',
  nin: 'national identity number (Signicat)',
  nin_type: 'type of the national identity number (Signicat)',
  nin_issuing_country: 'country that issued the national identity number (Signicat)',
  fi_ssn: 'Finnish personal identity code (IN Groupe)',
  ssn: 'personal identity code (IN Groupe)',
  fi_satu: 'SATU (IN Groupe)',
  fi_tupas_bank: 'TUPAS bank (IN Groupe)',
  fi_tupas_pid: 'TUPAS person identifier (IN Groupe)',
  given_name: 'given name',
  family_name: 'family name',
  name: 'full name',
  birthdate: 'date of birth',
  country: 'country',
  request: 'nested request object (must not appear inside a request object)',
  request_uri: 'reference to a request object',
};

/** Claims holding epoch-second timestamps. */
export const TIME_CLAIMS: ReadonlySet<string> = new Set(['exp', 'nbf', 'iat', 'auth_time']);

/** The explanation of a header parameter or claim, or undefined. */
export function explain(name: string, where: 'header' | 'claims'): string | undefined {
  const table = where === 'header' ? HEADER_DOCS : CLAIM_DOCS;
  return Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
}
