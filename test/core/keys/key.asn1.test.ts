import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OID, derChildren, derEncode, derOid, oidToString, readDer } from '../../../src/core/keys/key.asn1';
import { KeyImportError } from '../../../src/core/errors';
import { keyAlgorithm, parsePemBlocks, pkcs1PublicToSpki, toPem } from '../../../src/core/keys/key.pem';

const fixture = (f: string) => readFileSync(join(__dirname, '..', '..', 'fixtures', 'keys', f), 'utf8');

suite('DER reader/writer', () => {
  test('every OID we use survives encode → decode', () => {
    for (const oid of Object.values(OID)) assert.equal(oidToString(readDer(derOid(oid)).content), oid);
    assert.deepEqual([...derOid('1.2.840.10045.3.1.7')], [0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07]);
  });

  test('short and long length forms', () => {
    assert.deepEqual([...derEncode(0x04, new Uint8Array(3))], [0x04, 0x03, 0, 0, 0]);
    const long = derEncode(0x04, new Uint8Array(300));
    assert.deepEqual([...long.subarray(0, 4)], [0x04, 0x82, 0x01, 0x2c]);
    const el = readDer(long);
    assert.deepEqual([el.tag, el.content.length, el.end], [0x04, 300, 304]);
  });

  test('truncated and malformed input throws KeyImportError', () => {
    assert.throws(() => readDer(Uint8Array.of(0x30)), new KeyImportError('malformed DER: truncated element'));
    assert.throws(() => readDer(Uint8Array.of(0x30, 0x85, 1, 1, 1, 1, 1)), new KeyImportError('malformed DER: bad length'));
    assert.throws(() => readDer(Uint8Array.of(0x30, 0x05, 0x00)), new KeyImportError('malformed DER: element runs past the end'));
  });

  test('PKCS#1 RSAPublicKey wrapped into SPKI equals openssl\'s SPKI; toPem reproduces the file', () => {
    const [pkcs1] = parsePemBlocks(fixture('rsa.pkcs1-public.pem'));
    const [spki] = parsePemBlocks(fixture('rsa.spki.pem'));
    assert.deepEqual(pkcs1PublicToSpki(pkcs1.der), spki.der);
    assert.equal(toPem('PUBLIC KEY', spki.der), fixture('rsa.spki.pem'));
    assert.deepEqual(keyAlgorithm(spki.der, 'spki'), { oid: OID.rsaEncryption, curveOid: undefined });
    assert.equal(derChildren(readDer(spki.der)).length, 2);
  });

  test('a PEM body that is not base64 is refused', () => {
    assert.throws(() => parsePemBlocks('-----BEGIN PUBLIC KEY-----\nno*base64\n-----END PUBLIC KEY-----'), new KeyImportError('the PEM block "PUBLIC KEY" is not valid base64'));
  });
});
