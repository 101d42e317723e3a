import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeToken } from '../../src/core/token.decode';
import { isDecodeFailure } from '../../src/core/token.types';
import { scanText } from '../../src/core/token.scan';

/** One published example (see test/fixtures/vectors/README.md). */
interface Vector {
  id: string;
  token: string | Record<string, unknown>;
  format: 'JWS' | 'JWE';
  serialization: 'compact' | 'flattened' | 'general';
  header: Record<string, unknown>;
  protectedHeader?: Record<string, unknown>;
  payloadText?: string;
  payload?: Record<string, unknown> | null;
  payloadErrorCode?: string;
  signatureBytes?: number;
  signatureCount?: number;
  recipientCount?: number;
}

const dir = join(__dirname, '..', 'fixtures', 'vectors');
const files = ['rfc7515.json', 'rfc7516.json', 'rfc7520.json', 'rfc7797.json'];

for (const file of files) {
  const vectors = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Vector[];
  suite(`RFC vectors: ${file}`, () => {
    for (const v of vectors) {
      const raw = typeof v.token === 'string' ? v.token : JSON.stringify(v.token);

      test(`${v.id}: decodes to the published header and payload`, () => {
        const d = decodeToken(raw);
        assert.ok(!isDecodeFailure(d), JSON.stringify(d));
        assert.equal(d.format, v.format);
        assert.equal(d.serialization, v.serialization);
        assert.deepEqual(d.header, v.header);
        assert.deepEqual(d.protectedHeader, v.protectedHeader ?? v.header);
        assert.deepEqual(d.duplicates, { header: [], payload: [] });
        if (d.format === 'JWS') {
          assert.equal(d.payloadText, v.payloadText);
          assert.deepEqual(d.payload, v.payload);
          assert.equal(d.payloadError?.code, v.payloadErrorCode);
          assert.equal(d.signature.length, v.signatureBytes);
          assert.equal(d.signatureCount, v.signatureCount ?? 1);
        } else {
          assert.equal(d.recipientCount, v.recipientCount ?? 1);
          if (v.serialization === 'compact') assert.equal(Object.values(d.segments).join('.'), raw);
        }
      });

      test(`${v.id}: is found by scanText in surrounding text`, () => {
        const text = `before\r\n  token: ${raw}\nafter`;
        const found = scanText(text);
        assert.equal(found.length, 1);
        assert.deepEqual(
          { token: found[0].token, format: found[0].format, serialization: found[0].serialization, offset: found[0].offset, length: found[0].length, line: found[0].line, column: found[0].column },
          { token: raw, format: v.format, serialization: v.serialization, offset: 17, length: raw.length, line: 2, column: 10 },
        );
      });
    }
  });
}
