/** Key descriptions: what a user may see of a key. Never private material. */
export interface KeyDescription {
  kty: 'RSA' | 'EC' | 'OKP' | 'oct';
  /** RSA modulus bits, or the curve's bits for EC. */
  size?: number;
  crv?: string;
  use?: 'sig' | 'enc';
  alg?: string;
  kid?: string;
  key_ops?: string[];
  /** RFC 7638 SHA-256 thumbprint, base64url. */
  thumbprint: string;
  /** True when the ring holds private material for this key. */
  private: boolean;
  /** Where it came from: `JWK`, `JWKS`, `PEM PKCS#8`, `PEM PKCS#1`, `PEM SEC1`, `PEM SPKI`, `X.509`, `encrypted PKCS#8`, plus the file name when known. */
  source: string;
}

/** A key as imported: the JWK (may hold private members — keep it inside a KeyRing) and what may be shown. */
export interface ImportedKey {
  jwk: import('jose').JWK;
  description: KeyDescription;
}

/** Options of generateKeyPair(). */
export interface GenerateKeyOptions {
  kty: 'RSA' | 'EC';
  size?: 2048 | 3072 | 4096;
  crv?: 'P-256' | 'P-384' | 'P-521';
  use: 'sig' | 'enc';
  alg?: string;
}

/** A generated key pair: both JWKs (extractable, kid = RFC 7638 thumbprint) and the description. */
export interface GeneratedKeyPair {
  privateJwk: import('jose').JWK;
  publicJwk: import('jose').JWK;
  description: KeyDescription;
}
