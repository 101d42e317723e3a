/** `ftn-inspect --help` text. */

/** The usage text printed by --help. */
export const HELP = `ftn-inspect: find, decode, decrypt, verify and judge JWT/JWE tokens against the
Finnish Trust Network (FTN) OIDC profile. Everything runs locally; nothing is fetched.

usage:
  ftn-inspect [FILE|TOKEN|-]... [options]
  ftn-inspect keygen --kty RSA|EC [--size N|--crv P-256] --use sig|enc|ftn-set [--alg ALG] [--out DIR]
  ftn-inspect sanitize IN.har -o OUT.har [--mode remove|pseudonym] [--keep-token-headers] [--force]

inputs:
  FILE                   any text (logs, configs, a token) or a HAR (detected by content); a JWK/JWKS
                         file is judged as a key set
  TOKEN                  a compact JWS/JWE given on the command line
  -                      read standard input

options:
  --key FILE             private key(s) for decryption (JWK, JWKS, PEM, DER, encrypted PKCS#8); repeatable
  --jwks FILE            public key(s) for signature verification (same formats); repeatable
  --passphrase-env VAR   read the passphrase of encrypted keys from environment variable VAR
  --profile NAME         auto|ftn|idura|telia|op|signicat|generic (default auto: from issuer or host)
  --client-id ID         your client_id (checks iss/sub/aud)
  --issuer URL           the broker's issuer
  --token-endpoint URL   the broker's token endpoint (client_assertion aud)
  --now TIME             reference time: ISO 8601 or epoch seconds (default: now; HAR entries use their own time)
  --skew SECONDS         clock skew tolerance (default 60)
  --disable RULE,...     suppress rules by ID; repeatable
  --format FORMAT        text (default), json (the Report contract) or sarif (SARIF 2.1.0)
  -h, --help             show this help
  --version              show the version

exit status: 0 no error findings, 1 at least one error finding, 2 bad usage or unreadable input.
colour: on when stdout is a terminal; NO_COLOR disables it, FORCE_COLOR forces it.
`;
