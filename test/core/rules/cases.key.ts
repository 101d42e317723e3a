/** Failing cases of the FTN-KEY-* rules over a JWK set (base: a clean client JWKS). */
import { modulus } from './fixtures';

export type Jwks = { keys: Record<string, unknown>[] };

/** [rule, name, mutation, profile, expected line] — each applied to a clean JWKS. */
export const KEY_CASES: [string, string, (j: Jwks) => unknown, 'idura' | 'telia', string][] = [
  ['FTN-KEY-RSA2048', 'RSA 1024', (j) => { j.keys[0].n = modulus(1024); return j; }, 'telia', 'FTN-KEY-RSA2048 error: key set key 0 (kid "sig-1") is RSA 1024 bits; at least 2048 are required'],
  ['FTN-KEY-EC', 'EC P-256', (j) => { j.keys[0] = { kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA', use: 'sig', kid: 'sig-1' }; return j; }, 'telia', 'FTN-KEY-EC warning: key set key 0 (kid "sig-1") is EC P-256; no FTN broker documents EC keys (Telia: "should use RSA")'],
  ['FTN-KEY-EC', 'unknown curve', (j) => { j.keys[0] = { kty: 'EC', crv: 'secp256k1', x: 'AA', y: 'AA', use: 'sig', kid: 'sig-1' }; return j; }, 'telia', 'FTN-KEY-EC error: key set key 0 (kid "sig-1") is EC with "crv" "secp256k1"; only P-256, P-384 and P-521 are registered'],
  ['FTN-KEY-SEP', 'same modulus (idura: E)', (j) => { j.keys[1].n = j.keys[0].n; return j; }, 'idura', 'FTN-KEY-SEP error: key set uses the same key pair for "sig" and "enc"; signing and encryption need distinct key pairs (Idura requires it: IDURA-FTN)'],
  ['FTN-KEY-SEP', 'same modulus (telia: W)', (j) => { j.keys[1].n = j.keys[0].n; return j; }, 'telia', 'FTN-KEY-SEP warning: key set uses the same key pair for "sig" and "enc"; signing and encryption need distinct key pairs'],
  ['FTN-KEY-SEP', 'one key without use (idura)', (j) => { delete j.keys[0].use; return { keys: [j.keys[0]] }; }, 'idura', 'FTN-KEY-SEP error: key set has one key without "use" serving both signing and encryption; Idura requires separate sig and enc key pairs (IDURA-FTN)'],
  ['FTN-KEY-USE', 'enc key without use', (j) => { j.keys.push({ ...j.keys[1], kid: 'enc-2', n: modulus(2048, 3) }); delete j.keys[2].use; return j; }, 'telia', 'FTN-KEY-USE error: key set holds both "sig" and "enc" keys, but "enc-2" has no "use"'],
  ['FTN-KEY-OPS', 'use sig, key_ops encrypt', (j) => { j.keys[0].key_ops = ['encrypt']; return j; }, 'telia', 'FTN-KEY-OPS warning: key set key 0 (kid "sig-1") has "use": "sig" but "key_ops" ["encrypt"]'],
  ['FTN-KEY-KID', 'missing kid', (j) => { delete j.keys[1].kid; return j; }, 'telia', 'FTN-KEY-KID warning: key set key 1 has no "kid"'],
  ['FTN-KEY-KID', 'duplicate kid', (j) => { j.keys[1].kid = 'sig-1'; return j; }, 'telia', 'FTN-KEY-KID warning: key set has 2 keys with "kid" "sig-1"'],
  ['FTN-KEY-PRIV', 'private member d', (j) => { j.keys[0].d = 'AA'; return j; }, 'telia', 'FTN-KEY-PRIV error: key set key 0 (kid "sig-1") holds private members "d"; a public JWKS must not (best practice: publish public members only)'],
  ['FTN-KEY-STATIC', 'unsigned jwks_uri', () => ({ client_id: 'c', jwks_uri: 'https://rp.example/jwks' }), 'idura', 'FTN-KEY-STATIC warning: key set provides keys via an unsigned "jwks_uri" "https://rp.example/jwks"; Idura FTN accepts static JWKS only and OP has deprecated unsigned JWKS'],
  ['FTN-KEY-BOTH', 'jwks and jwks_uri', (j) => ({ jwks: j, jwks_uri: 'https://rp.example/jwks' }), 'idura', 'FTN-KEY-BOTH error: key set has both "jwks" and "jwks_uri"; client metadata must use one'],
];

